import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDigest } from "../src/digest/build.js";
import { silentLogger } from "../src/lib/logger.js";
import { createContext } from "../src/pipeline/context.js";
import { runInline } from "../src/pipeline/inline.js";
import { runOnce } from "../src/pipeline/run-once.js";
import { getFeed } from "../src/store/feeds.js";
import { testConfig, WATCHLIST_YAML } from "./helpers/config.js";
import { BACKENDS, type TestDatabase } from "./helpers/databases.js";
import { serve, type TestServer } from "./helpers/http-server.js";

const item = (title: string, link: string, summary = "") =>
  `<item><title>${title}</title><link>${link}</link><pubDate>Fri, 20 Nov 2026 08:00:00 GMT</pubDate><description>${summary}</description></item>`;
const rss = (items: string[], encoding = "utf-8") =>
  `<?xml version="1.0" encoding="${encoding}"?><rss version="2.0"><channel><title>t</title>${items.join("")}</channel></rss>`;

const FILES: Record<string, Buffer> = {
  "/ar.xml": iconv.encode(
    rss(
      [
        item("اجتماع أمني في بغداد يضم العراق وسوريا", "https://ar.example/1"),
        item("القوات العراقية تحبط هجوماً لداعش", "https://ar.example/2"),
      ],
      "windows-1256",
    ),
    "windows-1256",
  ),
  "/ru.xml": Buffer.from(
    rss([
      item("Россия и Иран обсудили ситуацию в Сирии", "https://ru.example/1?utm_source=x"),
      item("ИГИЛ атаковал позиции под Мосулом", "https://ru.example/2"),
    ]),
  ),
  "/en.xml": Buffer.from(
    rss([
      item("Iraq and Iran sign border deal", "https://en.example/1"),
      item("Weather: sunny weekend ahead", "https://en.example/2"),
    ]),
  ),
  // The same Russian story linked again with tracking parameters: stored once.
  "/ru-copy.xml": Buffer.from(
    rss([
      item("Россия и Иран обсудили ситуацию в Сирии", "https://ru.example/1?utm_campaign=y#frag"),
    ]),
  ),
  "/html.xml": Buffer.from("<!doctype html><html><body><h1>Maintenance</h1></body></html>"),
};

describe.each(BACKENDS)("inline pipeline on %s", (_name, open) => {
  let server: TestServer;
  let downUrl: string;
  let t: TestDatabase;

  beforeAll(async () => {
    server = await serve((request, response) => {
      const body = FILES[request.url ?? ""];
      if (!body) return void response.writeHead(404).end();
      response.writeHead(200, { "content-type": "application/xml" }).end(body);
    });
    const down = await serve(() => undefined);
    downUrl = down.url;
    await down.close();
    t = await open();
  });
  afterAll(async () => {
    await server.close();
    await t.drop();
  });

  const config = () =>
    testConfig(`
timezone: UTC
feeds:
  - { id: down, url: "${downUrl}/feed.xml" }
  - { id: ar, url: "${server.url}/ar.xml", language: ar }
  - { id: not-xml, url: "${server.url}/html.xml" }
  - { id: ru, url: "${server.url}/ru.xml", language: ru }
  - { id: ru-copy, url: "${server.url}/ru-copy.xml" }
  - { id: en, url: "${server.url}/en.xml" }
  - { id: gone, url: "${server.url}/missing.xml" }
categories:
  - id: attack
    name: Armed attacks
    any: { keywords: { en: [attack*], ru: [атак*] }, entities: [isis] }
${WATCHLIST_YAML}`);

  it("stores every new article once with language and mentions, and reports sick feeds by id", async () => {
    const ctx = await createContext(config(), { log: silentLogger(), db: t.db });
    const stats = await runOnce(ctx);
    expect(stats.failed).toEqual([]);
    expect(stats.done).toEqual({
      fetch: 7,
      extract: 6,
      translate: 0,
      stories: 6,
      digest: 0,
      deliver: 0,
    });

    const articles = await t.db.query<{ feed_id: string; language: string; title: string }>(
      "select feed_id, language, title from articles order by url",
    );
    expect(articles.map((a) => a.language)).toEqual(["ar", "ar", "en", "en", "ru", "ru"]);
    expect(articles.every((a) => !a.title.includes("\uFFFD"))).toBe(true);

    expect(await getFeed(t.db, "down")).toMatchObject({
      lastErrorReason: "connect",
      consecutiveFailures: 1,
    });
    expect((await getFeed(t.db, "not-xml"))?.lastError).toBe(
      "not a feed: no <rss>, <feed> or <rdf:RDF> element, and not JSON Feed",
    );
    expect(await getFeed(t.db, "gone")).toMatchObject({
      lastStatus: 404,
      lastErrorReason: "http-client",
    });
    expect(await getFeed(t.db, "ar")).toMatchObject({
      lastError: null,
      itemsLastSeen: 2,
      encoding: "windows-1256",
      format: "rss",
    });

    const mentioned = await t.db.query<{ name: string }>(
      "select distinct e.name from mentions m join entities e on e.id = m.entity_id order by e.name",
    );
    expect(mentioned.map((r) => r.name)).toEqual([
      "Baghdad",
      "Iran",
      "Iraq",
      "Islamic State",
      "Mosul",
      "Russia",
      // Not «القوات العراقية»: the Iraqi forces, a head and a nationality, name no organisation.
      "Syria",
    ]);
    // The Arabic one by its watched group alone, the Russian one by its word and its group.
    const tagged = await t.db.query<{ url: string; category_id: string }>(
      "select a.url, c.category_id from article_categories c join articles a on a.id = c.article_id order by a.url",
    );
    expect(tagged).toEqual([
      { url: "https://ar.example/2", category_id: "attack" },
      { url: "https://ru.example/2", category_id: "attack" },
    ]);
  });

  it("a job naming what is not there fails with its kind, and the rest goes on", async () => {
    const ctx = await createContext(config(), { log: silentLogger(), db: t.db });
    const stats = await runInline(
      ctx,
      [
        { stage: "extract", ids: ["no-such-article"] },
        { stage: "fetch", ids: ["no-such-feed"] },
        { stage: "fetch", ids: ["gone"] },
      ],
      2,
    );
    expect(stats.failed.map((f) => [f.job.stage, f.kind, f.error])).toEqual(
      expect.arrayContaining([
        ["extract", "not-found", "articles not in the store: no-such-article"],
        ["fetch", "not-found", "feed no-such-feed is not in the config"],
      ]),
    );
    expect(stats.failed).toHaveLength(2);
    expect(stats.done.fetch).toBe(1);
  });

  it("a second run stores nothing twice and changes no mention", async () => {
    const before = await t.db.query(
      "select id, (select count(*)::int from mentions m where m.article_id = a.id) as n from articles a order by id",
    );
    const ctx = await createContext(config(), { log: silentLogger(), db: t.db });
    const stats = await runOnce(ctx);
    expect(stats.done.extract).toBe(0);
    const after = await t.db.query(
      "select id, (select count(*)::int from mentions m where m.article_id = a.id) as n from articles a order by id",
    );
    expect(after).toEqual(before);
    expect((await getFeed(t.db, "down"))?.consecutiveFailures).toBe(2);
  });

  it("finishes articles a crash left unextracted", async () => {
    await t.db.query("update articles set extracted_at = null where feed_id = 'ar'");
    await t.db.query(
      "delete from mentions where article_id in (select id from articles where feed_id = 'ar')",
    );
    const ctx = await createContext(config(), { log: silentLogger(), db: t.db });
    const stats = await runOnce(ctx, []);
    expect(stats.done.extract).toBe(2);
    const pending = await t.db.query("select id from articles where extracted_at is null");
    expect(pending).toEqual([]);
  });

  it("builds a digest told by stories: watched first, originals marked untranslated, the day's figures", async () => {
    const ctx = await createContext(config(), { log: silentLogger(), db: t.db });
    const day = new Date().toISOString().slice(0, 10);
    const out = join(await mkdtemp(join(tmpdir(), "wirewatch-digest-")), "d.md");
    const digest = await buildDigest(ctx.db, ctx.config, day, { formats: ["md"], out });
    const text = await readFile(out, "utf8");
    expect(digest.articleCount).toBe(6);
    const watched = text.slice(text.indexOf("## Watched"), text.indexOf("## Top stories"));
    expect(watched).toContain("ИГИЛ атаковал позиции под Мосулом");
    expect(text).toContain(
      "القوات العراقية تحبط هجوماً لداعش _(Arabic, untranslated: no translation provider is configured)_",
    );
    expect(text).toMatch(
      /- Feeds: 4 ok, 3 failing: down \(connect: [^)]*\); gone \(http-client: HTTP 404[^)]*\); not-xml \(parse: /,
    );
    expect(text).toContain("- Articles: 6 (ar 2, en 2, ru 2)");
    expect(text).toMatch(/Categories: Armed attacks [12]\./);
    const saved = await t.db.query<{ article_count: number }>(
      "select article_count from digests where day = $1",
      [day],
    );
    expect(saved).toEqual([{ article_count: 6 }]);
  });
});
