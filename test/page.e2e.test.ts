import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Context } from "../src/pipeline/context.js";
import { type RunningServer, startServer } from "../src/server/app.js";
import { freshPglite, type TestDatabase } from "./helpers/databases.js";
import { ENGLISH, SEARCHED, searchStore } from "./helpers/search-store.js";

// Debian's Chromium, headless, talking to nothing but the loopback server.
const CHROMIUM = "/usr/bin/chromium";

describe("the page in a real browser", () => {
  let t: TestDatabase;
  let ctx: Context;
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    t = await freshPglite();
    ctx = await searchStore(t.db, "serve: { host: 127.0.0.1, port: 0 }\n");
    server = await startServer({ db: t.db, config: ctx.config, log: ctx.log });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-background-networking"],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await t?.drop();
  });

  it("searches داعش, shows the Arabic and Persian results with their English titles, and opens a story", async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(m.text());
    });
    page.on("pageerror", (e) => problems.push(e.message));
    await page.goto(server.url);
    await page.fill('input[name="q"]', "داعش");
    await page.click('#search button[type="submit"]');
    await page.waitForSelector("article.item");
    const results = await page.$$eval("article.item", (items) =>
      items.map((item) => ({
        language: item.getAttribute("data-language"),
        english: item.querySelector("h3")?.textContent,
        original: item.querySelector(".original")?.textContent,
      })),
    );
    const byId = (id: string) => SEARCHED.find((a) => a.id === id);
    expect(results).toEqual([
      { language: "fa", english: ENGLISH["fa-1"], original: byId("fa-1")?.title },
      { language: "ar", english: ENGLISH["ar-2"], original: byId("ar-2")?.title },
      { language: "ar", english: ENGLISH["ar-1"], original: byId("ar-1")?.title },
    ]);

    await page.click('article.item[data-language="fa"] a[href^="#/story/"]');
    await page.waitForSelector(".sources section");
    const languages = await page.$$eval(".sources section h3", (hs) =>
      hs.map((h) => h.textContent),
    );
    expect(languages.length).toBeGreaterThan(1);
    expect(languages).toContain("Persian");
    expect(await page.textContent("main h2")).toBe(ENGLISH["ar-1"]);
    expect(problems).toEqual([]);
  });
});
