import { brotliCompressSync, deflateSync } from "node:zlib";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeDocument } from "../src/ingest/decode.js";
import { extractMainText } from "../src/ingest/full-text.js";
import { parseHtmlList } from "../src/ingest/html-source.js";
import { httpGet } from "../src/ingest/http-get.js";
import { normaliseForHash, SAME_STORY, signature, similarity } from "../src/ingest/minhash.js";
import { silentLogger } from "../src/lib/logger.js";
import { createContext } from "../src/pipeline/context.js";
import { runOnce } from "../src/pipeline/run-once.js";
import { getFeed } from "../src/store/feeds.js";
import { runCli } from "./helpers/cli.js";
import { testConfig } from "./helpers/config.js";
import { freshPglite, type TestDatabase } from "./helpers/databases.js";
import { serve, type TestServer } from "./helpers/http-server.js";

const LIST_PAGE = `<!doctype html><html lang="ar"><head><title>أخبار</title></head><body>
<nav><a href="/">الرئيسية</a></nav>
<ul class="news">
  <li class="story"><a class="link" href="/story/1"><h3>اجتماع أمني في بغداد يضم العراق وسوريا</h3></a><time datetime="2026-11-20T08:00:00Z">20/11</time><p class="lede">بحث المجتمعون تبادل المعلومات.</p></li>
  <li class="story"><a class="link" href="https://other.example/story/2"><h3>القوات العراقية تحبط هجوماً قرب الموصل</h3></a><time datetime="2026-11-20T09:00:00Z">20/11</time></li>
  <li class="story"><h3>بلا رابط</h3></li>
</ul></body></html>`;

const ARTICLE_PAGE = `<!doctype html><html><head><meta charset="windows-1251"><title>x</title></head><body>
<header>Меню сайта</header><aside>Реклама</aside>
<div class="content"><h1>Встреча в Багдаде</h1>
<p>Представители России, Ирана, Ирака и Сирии встретились в Багдаде, чтобы обсудить обмен разведывательными данными о передвижениях боевиков.</p>
<p>Стороны договорились усилить координацию на границе Ирака и Сирии и проводить такие встречи каждый месяц.</p>
<p>Следующая встреча пройдёт в Дамаске.</p></div>
<footer>© Новости</footer><script>alert(1)</script></body></html>`;

const WIRE =
  "Five militants were detained in a village south of Mosul on Friday, the joint operations command said in a statement, adding that they had been preparing an attack";

describe("HTML sources, full text and near-duplicates", () => {
  it("reads a list page with the operator's selectors", () => {
    const feed = parseHtmlList(LIST_PAGE, "https://ar.example/news/", {
      item: "li.story",
      link: "a.link",
      title: "h3",
      date: "time",
      summary: "p.lede",
    });
    expect(feed).toMatchObject({ format: "html", language: "ar" });
    expect(feed.items).toEqual([
      {
        title: "اجتماع أمني في بغداد يضم العراق وسوريا",
        link: "https://ar.example/story/1",
        guid: null,
        published: new Date("2026-11-20T08:00:00Z"),
        badDate: false,
        summary: "بحث المجتمعون تبادل المعلومات.",
        author: null,
      },
      {
        title: "القوات العراقية تحبط هجوماً قرب الموصل",
        link: "https://other.example/story/2",
        guid: null,
        published: new Date("2026-11-20T09:00:00Z"),
        badDate: false,
        summary: "",
        author: null,
      },
    ]);
    expect(() =>
      parseHtmlList(LIST_PAGE, "https://ar.example/", { item: "article", link: "a", title: "h2" }),
    ).toThrow('no element matches the item selector "article"');
  });

  it("extracts an article's main text without menus, asides or scripts, by selector or by density", () => {
    const bytes = iconv.encode(ARTICLE_PAGE, "windows-1251");
    const html = decodeDocument(bytes, "text/html").text;
    const guessed = extractMainText(html);
    expect(guessed?.split("\n\n")).toHaveLength(3);
    expect(guessed).toContain("Представители России, Ирана, Ирака и Сирии");
    expect(guessed).not.toMatch(/Меню|Реклама|alert|©/);
    expect(extractMainText(html, "div.content")).toBe(guessed);
    expect(extractMainText("<html><body><p>Too short.</p></body></html>")).toBeNull();
  });

  it("finds a wire story with a word changed alike, and another story unlike", () => {
    const sig = (text: string) => signature(normaliseForHash(text)) as number[];
    const original = sig(WIRE);
    for (const [from, to] of [
      ["Friday", "Thursday"],
      ["detained", "arrested"],
      ["village", "town"],
      ["Five", "5"],
    ] as const) {
      expect(
        similarity(original, sig(WIRE.replace(from, to))),
        `${from} → ${to}`,
      ).toBeGreaterThanOrEqual(SAME_STORY);
    }
    const other = sig(
      "Economists in Baghdad warn of a widening budget deficit as oil revenue falls for the third month in a row this year",
    );
    const sameTopic = sig(
      "Five militants were killed in an airstrike near Raqqa on Saturday, the coalition said in a statement, adding that civilians were not harmed",
    );
    expect(similarity(original, other)).toBeLessThan(0.2);
    expect(similarity(original, sameTopic)).toBeLessThan(SAME_STORY);
    expect(signature(normaliseForHash("Too short to judge"))).toBeNull();
  });
});

describe("ingest over HTTP", () => {
  let server: TestServer;
  let t: TestDatabase;
  const rssOf = (items: [string, string, string][]) =>
    `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>${items
      .map(
        ([title, link, summary]) =>
          `<item><title>${title}</title><link>${link}</link><description>${summary}</description></item>`,
      )
      .join("")}</channel></rss>`;
  const body = rssOf([["Iraq", "https://x.example/1", "Baghdad"]]);

  beforeAll(async () => {
    t = await freshPglite();
    server = await serve((request, response) => {
      const url = request.url ?? "";
      if (url === "/deflate")
        return void response
          .writeHead(200, { "content-encoding": "deflate" })
          .end(deflateSync(body));
      if (url === "/br")
        return void response
          .writeHead(200, { "content-encoding": "br" })
          .end(brotliCompressSync(body));
      if (url === "/8859-6") {
        const xml = `<?xml version="1.0" encoding="ISO-8859-6"?><rss version="2.0"><channel><title>t</title><item><title>العراق وسوريا</title><link>https://x.example/a</link></item></channel></rss>`;
        return void response
          .writeHead(200, { "content-type": "application/xml" })
          .end(iconv.encode(xml, "iso-8859-6"));
      }
      if (url === "/list")
        return void response
          .writeHead(200, { "content-type": "text/html; charset=utf-8" })
          .end(LIST_PAGE.replaceAll("https://other.example/story", `${server.url}/gone`));
      if (url.startsWith("/story/"))
        return void response
          .writeHead(200, { "content-type": "text/html" })
          .end(iconv.encode(ARTICLE_PAGE, "windows-1251"));
      if (url === "/wire-a")
        return void response
          .writeHead(200)
          .end(rssOf([["Militants detained near Mosul", "https://a.example/1", WIRE]]));
      if (url === "/wire-b") {
        return void response
          .writeHead(200)
          .end(
            rssOf([
              [
                "Militants detained near Mosul",
                "https://b.example/9?utm_source=x",
                WIRE.replace("village", "town"),
              ],
            ]),
          );
      }
      if (url === "/big")
        return void response
          .writeHead(200)
          .end(
            rssOf(
              Array.from({ length: 200 }, (_, i) => [
                `Item ${i}`,
                `https://x.example/${i}`,
                "x".repeat(100),
              ]),
            ),
          );
      response.writeHead(404).end();
    });
  });
  afterAll(async () => {
    await server.close();
    await t.drop();
  });

  it("decompresses deflate and brotli", async () => {
    const options = {
      timeoutMs: 2000,
      maxBytes: 65536,
      maxRedirects: 5,
      userAgent: "t",
      allowLoopback: true,
      allowPrivate: false,
    };
    for (const path of ["/deflate", "/br"]) {
      const result = await httpGet(`${server.url}${path}`, options);
      expect(result.kind === "ok" && result.body.toString()).toBe(body);
    }
  });

  it("stores an HTML source, a full-text feed, an ISO-8859-6 feed, and links a near-duplicate to its original", async () => {
    const config = testConfig(`
feeds:
  - { id: list, url: "${server.url}/list", type: html, fullText: true, selectors: { item: li.story, link: a.link, title: h3, date: time, summary: p.lede } }
  - { id: arabic-8859-6, url: "${server.url}/8859-6" }
  - { id: wire-a, url: "${server.url}/wire-a" }
  - { id: big, url: "${server.url}/big", maxBytes: 2000 }
`);
    const ctx = await createContext(config, { log: silentLogger(), db: t.db });
    await runOnce(ctx);
    const second = testConfig(`feeds:\n  - { id: wire-b, url: "${server.url}/wire-b" }\n`);
    await runOnce(await createContext(second, { log: silentLogger(), db: t.db }));

    const rows = await t.db.query<{
      feed_id: string;
      title: string;
      body: string | null;
      body_error: string | null;
      language: string;
      duplicate_of: string | null;
      url: string;
    }>(
      "select feed_id, title, body, body_error, language, duplicate_of, url from articles order by feed_id, url",
    );
    const list = rows.filter((r) => r.feed_id === "list");
    expect(list).toHaveLength(2);
    // One page is fetched and read; the one that is gone keeps its summary, and says why.
    const read = list.find((r) => r.body !== null);
    expect(read?.body).toContain("Представители России, Ирана, Ирака и Сирии");
    const missing = list.find((r) => r.body === null);
    expect(missing?.body_error).toBe(`http-client: HTTP 404 Not Found from ${server.url}/gone/2`);
    expect(rows.find((r) => r.feed_id === "arabic-8859-6")).toMatchObject({
      title: "العراق وسوريا",
      language: "ar",
    });
    const [a, b] = [
      rows.find((r) => r.feed_id === "wire-a"),
      rows.find((r) => r.feed_id === "wire-b"),
    ];
    expect(b?.duplicate_of).toBeTruthy();
    expect(a?.duplicate_of).toBeNull();
    expect(b?.url).toBe("https://b.example/9");
    expect(await getFeed(t.db, "big")).toMatchObject({
      lastErrorReason: "too-large",
      lastError: `${server.url}/big is larger than the limit of 2000 bytes`,
    });
  });

  it("feeds parse prints one JSON object for a file, decoded as the pipeline does", async () => {
    const { stdout } = await runCli([
      "feeds",
      "parse",
      "assets/demo/feeds/arabic-1256.xml",
      "--json",
    ]);
    const parsed = JSON.parse(stdout) as {
      format: string;
      encoding: string;
      items: { title: string; link: string; published: string; language: string }[];
    };
    expect(parsed).toMatchObject({ format: "rss", encoding: "windows-1256" });
    expect(parsed.items).toHaveLength(9);
    expect(parsed.items[0]).toEqual({
      title: "لجنة رباعية تضم العراق وإيران وروسيا وسوريا تعقد اجتماعاً أمنياً في بغداد",
      link: "https://example.org/ar/news/1001?utm_source=rss",
      published: "2026-11-20T05:15:00.000Z",
      language: "ar",
    });
  });

  it("feeds check probes every feed, one line each, and fails when one does", async () => {
    const dir = await import("node:fs/promises").then((fs) => fs.mkdtemp("/tmp/wirewatch-check-"));
    const file = `${dir}/wirewatch.yaml`;
    await import("node:fs/promises").then((fs) =>
      fs.writeFile(
        file,
        `feeds:\n  - { id: ok, url: "${server.url}/8859-6" }\n  - { id: gone, url: "${server.url}/missing" }\nfetch: { allowLoopback: true, hostGap: 0s }\n`,
      ),
    );
    const failure = await runCli(["feeds", "check", "--config", file]).catch(
      (e: { code: number; stdout: string }) => e,
    );
    expect(failure).toMatchObject({ code: 1 });
    const lines = (failure as { stdout: string }).stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^ok {6}ok {2}200 {2}rss {2}1 items {2}iso-8859-6 {2}\d+ ms$/);
    expect(lines[1]).toMatch(
      new RegExp(
        `^failed  gone  404  http-client: HTTP 404 Not Found from ${server.url}/missing  \\d+ ms$`,
      ),
    );
    expect(lines[2]).toBe("config ok; 2 feeds, 1 failed");
  });
});
