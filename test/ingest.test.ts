import { gzipSync } from "node:zlib";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { articleId, canonicalUrl, contentHash } from "../src/ingest/canonical.js";
import { decodeDocument } from "../src/ingest/decode.js";
import { FetchError } from "../src/ingest/fetch-errors.js";
import { type HttpGetOptions, httpGet } from "../src/ingest/http-get.js";
import { parseFeed } from "../src/ingest/parse.js";
import { serve, type TestServer } from "./helpers/http-server.js";

const rss = (items: string, prolog = '<?xml version="1.0" encoding="utf-8"?>') =>
  `${prolog}\n<rss version="2.0"><channel><title>T</title><language>fr</language>${items}</channel></rss>`;

describe("canonical URLs", () => {
  it("drops tracking parameters, fragments, default ports and host case", () => {
    expect(canonicalUrl("HTTPS://News.Example:443/a/b?utm_source=rss&id=7&fbclid=x&b=2#top")).toBe(
      "https://news.example/a/b?b=2&id=7",
    );
    expect(canonicalUrl("http://news.example:80/?gclid=1")).toBe("http://news.example/");
  });

  it("gives one id per canonical URL and one hash per title and summary", () => {
    expect(articleId(canonicalUrl("https://x.example/a?utm_medium=x"))).toBe(
      articleId("https://x.example/a"),
    );
    expect(contentHash("Iraq  news", "Text")).toBe(contentHash("iraq news", "text"));
    expect(contentHash("Iraq news", "Text")).not.toBe(contentHash("Iraq news", "Other"));
  });
});

describe("decoding", () => {
  const arabic = "العراق وسوريا";
  const russian = "Новости России и Сирии: встреча в Багдаде прошла успешно";

  it("uses the charset the XML prolog declares (windows-1256)", () => {
    const bytes = iconv.encode(
      rss(
        `<item><title>${arabic}</title><link>https://x.example/1</link></item>`,
        '<?xml version="1.0" encoding="windows-1256"?>',
      ),
      "windows-1256",
    );
    const decoded = decodeDocument(bytes, "application/rss+xml");
    expect(decoded).toMatchObject({ encoding: "windows-1256", source: "prolog" });
    expect(decoded.text).toContain(arabic);
  });

  it("trusts the prolog over a server's default latin1 header", () => {
    const bytes = iconv.encode(
      `<?xml version="1.0" encoding="windows-1251"?><rss>${russian}</rss>`,
      "windows-1251",
    );
    const decoded = decodeDocument(bytes, "text/xml; charset=ISO-8859-1");
    expect(decoded.text).toContain(russian);
  });

  it("reads a document wholly in windows-1251 under a wrong UTF-8 label by detection, not as U+FFFD", () => {
    const bytes = iconv.encode(
      `<?xml version="1.0" encoding="utf-8"?><rss>${russian}</rss>`,
      "windows-1251",
    );
    expect(decodeDocument(bytes, "text/xml; charset=utf-8")).toMatchObject({
      encoding: "windows-1251",
      source: "detected",
      replaced: 0,
    });
  });

  it("uses a header charset that names a real encoding", () => {
    const bytes = iconv.encode(`<rss>${russian}</rss>`, "koi8-r");
    expect(decodeDocument(bytes, "text/xml; charset=KOI8-R").text).toContain(russian);
  });

  it("honours a byte order mark", () => {
    const bytes = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      iconv.encode(`<rss>${arabic}</rss>`, "utf-16le"),
    ]);
    expect(decodeDocument(bytes, null)).toMatchObject({
      source: "bom",
      text: `<rss>${arabic}</rss>`,
    });
  });

  it("detects undeclared windows-1251, KOI8-R and windows-1256 instead of reading them as UTF-8", () => {
    const longArabic =
      "اجتمع ممثلو العراق وإيران وروسيا وسوريا في بغداد لبحث تبادل المعلومات الأمنية";
    for (const [text, encoding] of [
      [russian, "windows-1251"],
      [russian, "koi8-r"],
      [longArabic, "windows-1256"],
    ] as const) {
      const decoded = decodeDocument(
        iconv.encode(`<rss><title>${text}</title></rss>`, encoding),
        null,
      );
      expect(decoded).toMatchObject({ encoding, source: "detected" });
      expect(decoded.text).not.toContain("\uFFFD");
    }
  });
});

describe("parsing", () => {
  it("reads RSS items: plain-text titles from CDATA HTML, resolved links, dates", async () => {
    const feed = await parseFeed(
      rss(`<item><title><![CDATA[<b>Irak</b> &amp; <script>alert(1)</script>Syrie]]></title><link>/a/1</link>
        <pubDate>Fri, 20 Nov 2026 08:15:00 +0300</pubDate><description>&lt;p&gt;Texte&lt;/p&gt;</description></item>`),
      "https://news.example/feed.xml",
    );
    expect(feed).toMatchObject({ format: "rss", language: "fr", repaired: false });
    expect(feed.items[0]).toMatchObject({
      title: "Irak & Syrie",
      link: "https://news.example/a/1",
      summary: "Texte",
    });
    expect(feed.items[0]?.published?.toISOString()).toBe("2026-11-20T05:15:00.000Z");
  });

  it("reads Atom with relative links", async () => {
    const atom = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>
      <entry><title>Iran</title><link href="news/2"/><id>x</id><updated>2026-11-20T06:30:00Z</updated><summary>S</summary></entry></feed>`;
    const feed = await parseFeed(atom, "https://news.example/fa/atom.xml");
    expect(feed.format).toBe("atom");
    expect(feed.items[0]?.link).toBe("https://news.example/fa/news/2");
  });

  it("repairs an unescaped & in a title rather than losing the feed, and says so", async () => {
    const feed = await parseFeed(
      rss("<item><title>Oil & gas in Iraq</title><link>https://x.example/1</link></item>"),
      "https://x.example/",
    );
    expect(feed.repaired).toBe(true);
    expect(feed.items[0]?.title).toBe("Oil & gas in Iraq");
  });

  it("reads JSON Feed", async () => {
    const json = JSON.stringify({
      version: "https://jsonfeed.org/version/1.1",
      title: "J",
      items: [
        {
          id: "1",
          url: "https://x.example/j1",
          title: "Syria",
          date_published: "2026-11-20T06:30:00Z",
        },
      ],
    });
    const feed = await parseFeed(json, "https://x.example/feed.json");
    expect(feed).toMatchObject({
      format: "json",
      items: [{ title: "Syria", link: "https://x.example/j1" }],
    });
  });

  it("says clearly when a document is not a feed", async () => {
    await expect(
      parseFeed("<html><body>Not found</body></html>", "https://x.example/"),
    ).rejects.toThrow("not a feed: no <rss>, <feed> or <rdf:RDF> element, and not JSON Feed");
    await expect(
      parseFeed('<?xml version="1.0"?><rss><channel><item><title>x</tit', "https://x.example/"),
    ).rejects.toMatchObject({ reason: "parse" });
  });
});

describe("fetching over HTTP", () => {
  let server: TestServer;
  const options: HttpGetOptions = {
    timeoutMs: 2000,
    maxBytes: 64 * 1024,
    maxRedirects: 5,
    userAgent: "wirewatch-test",
    allowLoopback: true,
    allowPrivate: false,
  };
  const body = rss("<item><title>Irak</title><link>https://x.example/1</link></item>");

  beforeAll(async () => {
    server = await serve((request, response) => {
      const path = request.url ?? "";
      if (path === "/feed") {
        if (request.headers["if-none-match"] === '"v1"') return void response.writeHead(304).end();
        return void response
          .writeHead(200, { etag: '"v1"', "last-modified": "Fri, 20 Nov 2026 08:00:00 GMT" })
          .end(body);
      }
      if (path === "/gzip")
        return void response.writeHead(200, { "content-encoding": "gzip" }).end(gzipSync(body));
      if (path === "/huge") {
        response.writeHead(200);
        const chunk = Buffer.alloc(16 * 1024, 0x61);
        let sent = 0;
        const pump = () => {
          while (sent < 1000 && response.write(chunk)) sent++;
          if (sent < 1000) response.once("drain", pump);
          else response.end();
        };
        return void pump();
      }
      if (path === "/loop-a") return void response.writeHead(302, { location: "/loop-b" }).end();
      if (path === "/loop-b") return void response.writeHead(302, { location: "/loop-a" }).end();
      if (path.startsWith("/hop/")) {
        const n = Number(path.slice(5));
        return void response.writeHead(301, { location: n > 0 ? `/hop/${n - 1}` : "/feed" }).end();
      }
      if (path === "/slow") return void setTimeout(() => response.end(body), 5000);
      if (path === "/limited") return void response.writeHead(429, { "retry-after": "120" }).end();
      response.writeHead(404).end();
    });
  });
  afterAll(() => server.close());

  it("sends validators and costs nothing on 304", async () => {
    const first = await httpGet(`${server.url}/feed`, options);
    expect(first).toMatchObject({ kind: "ok", status: 200, etag: '"v1"' });
    const second = await httpGet(`${server.url}/feed`, options, { etag: '"v1"' });
    expect(second.kind).toBe("not-modified");
    expect(server.requests.at(-1)?.headers["user-agent"]).toBe("wirewatch-test");
  });

  it("decompresses gzip", async () => {
    const result = await httpGet(`${server.url}/gzip`, options);
    expect(result.kind === "ok" && result.body.toString()).toBe(body);
  });

  it("aborts a body over the byte limit", async () => {
    await expect(httpGet(`${server.url}/huge`, options)).rejects.toMatchObject({
      reason: "too-large",
    });
  });

  it("stops a redirect loop and a chain longer than the limit", async () => {
    await expect(httpGet(`${server.url}/loop-a`, options)).rejects.toMatchObject({
      reason: "too-many-redirects",
    });
    await expect(httpGet(`${server.url}/hop/6`, options)).rejects.toMatchObject({
      reason: "too-many-redirects",
    });
    expect((await httpGet(`${server.url}/hop/3`, options)).kind).toBe("ok");
  });

  it("times out a slow server", async () => {
    const error = await httpGet(`${server.url}/slow`, { ...options, timeoutMs: 300 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FetchError);
    expect(error).toMatchObject({ reason: "timeout", decision: "retry" });
  });

  it("reports HTTP errors with their status and a 429's Retry-After", async () => {
    await expect(httpGet(`${server.url}/missing`, options)).rejects.toMatchObject({
      reason: "http-client",
      status: 404,
    });
    await expect(httpGet(`${server.url}/limited`, options)).rejects.toMatchObject({
      reason: "rate-limited",
      retryAfterMs: 120_000,
    });
  });
});
