import { readFileSync } from "node:fs";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import type { Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createGzip } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectedOutput } from "../src/commands/output.js";
import { storeStatus } from "../src/commands/status.js";
import type { Config } from "../src/config/index.js";
import { buildDigest } from "../src/digest/build.js";
import { FetchError } from "../src/ingest/fetch-errors.js";
import { httpGet } from "../src/ingest/http-get.js";
import { silentLogger } from "../src/lib/logger.js";
import { createContext } from "../src/pipeline/context.js";
import { runOnce } from "../src/pipeline/run-once.js";
import { runCli } from "./helpers/cli.js";
import { testConfig } from "./helpers/config.js";
import { freshPglite, type TestDatabase } from "./helpers/databases.js";
import { serve, type TestServer } from "./helpers/http-server.js";

const FIXTURES = "test/fixtures/ingest";
const fixture = (name: string) => readFileSync(join(FIXTURES, name));

/** A feed of `n` items, each its own story: more than one pass used to take. */
function hugeFeed(n: number): string {
  const items = Array.from(
    { length: n },
    (_, i) =>
      `<item><title>Report ${i} from the wire</title><link>https://huge.example/${i}</link><description>Item number ${i}.</description></item>`,
  ).join("");
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Huge</title>${items}</channel></rss>`;
}

type Row = Record<string, unknown>;

describe("ingest: no feed, story or byte silently lost", () => {
  let server: TestServer;
  let t: TestDatabase;
  const sockets = new Set<Socket>();
  const huge = hugeFeed(12_000);

  beforeAll(async () => {
    server = await serve((request, response) => {
      const path = request.url ?? "";
      if (path === "/latin1-header")
        return void response
          .writeHead(200, { "content-type": "application/rdf+xml; charset=ISO-8859-1" })
          .end(fixture("latin1-declared-utf8.rdf"));
      if (path === "/bad-byte")
        return void response
          .writeHead(200, { "content-type": "application/rss+xml; charset=utf-8" })
          .end(fixture("utf8-one-bad-byte.xml"));
      if (path === "/retry-after")
        return void response.writeHead(429, { "retry-after": "999999999" }).end();
      if (path === "/huge") return void response.writeHead(200).end(huge);
      if (path === "/gzip-endless") {
        // Zeros compressed, without end: the client must stop reading and close the socket.
        response.writeHead(200, { "content-encoding": "gzip" });
        const gzip = createGzip();
        gzip.pipe(response);
        const chunk = Buffer.alloc(64 * 1024);
        const timer = setInterval(() => gzip.write(chunk), 5);
        response.on("close", () => clearInterval(timer));
        return;
      }
      const name = path.slice(1);
      try {
        response.writeHead(200).end(fixture(name));
      } catch {
        response.writeHead(404).end();
      }
    });
    server.server.on("connection", (socket: Socket) => {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
    });
    t = await freshPglite();
  });
  afterAll(async () => {
    await server.close();
    await t.drop();
  });

  const pass = async (yaml: string): Promise<Config> => {
    const config = testConfig(yaml);
    await runOnce(await createContext(config, { log: silentLogger(), db: t.db }));
    return config;
  };
  const articles = (feed: string) =>
    t.db.query<Row>(
      `select title, summary, url, published_at, duplicate_of from articles where feed_id = $1 order by title`,
      [feed],
    );
  const status = async (config: Config) => {
    const output = collectedOutput();
    await storeStatus(t.db, config, output);
    return output.stdout.join("\n");
  };

  it("1. reads a bare <rss> with no version as RSS 2.0", async () => {
    await pass(`feeds: [{ id: bare, url: "${server.url}/bare-rss.xml" }]`);
    expect((await articles("bare")).map((a) => a.title)).toEqual([
      "В Багдаде прошла встреча министров",
      "Переговоры в Дамаске продолжатся",
    ]);
  });

  it("2. lets valid UTF-8 win over a Latin-1 declaration, in the prolog and the header", async () => {
    await pass(`feeds:
  - { id: de, url: "${server.url}/latin1-declared-utf8.rdf" }
  - { id: de-header, url: "${server.url}/latin1-header" }`);
    const titles = [...(await articles("de")), ...(await articles("de-header"))].map(
      (a) => a.title,
    );
    // The second is the same text: stored once, under the first feed.
    expect(titles).toEqual(["Bericht über Gespräche in Bagdad veröffentlicht"]);
  });

  it("3. decodes a document declared UTF-8 as UTF-8 despite a bad byte, and says so in its health", async () => {
    const config = await pass(`feeds: [{ id: bad, url: "${server.url}/bad-byte" }]`);
    expect((await articles("bad"))[0]).toMatchObject({
      title: "Встреча в Багдаде \uFFFD завершилась",
      summary: "Министры обсудили безопасность.",
    });
    expect(await status(config)).toMatch(
      /feed bad: ok, 1 items \(1 byte sequences not valid utf-8, read as U\+FFFD\)/,
    );
  });

  it("4. stores dates out of range as none, keeps a future date flagged and never first", async () => {
    const config = await pass(`timezone: UTC
feeds: [{ id: dates, url: "${server.url}/dates-out-of-range.xml" }]`);
    const rows = await articles("dates");
    expect(rows).toHaveLength(5);
    const byTitle = Object.fromEntries(rows.map((r) => [r.title, r.published_at]));
    expect(byTitle["Year zero story"]).toBeNull();
    expect(byTitle["Negative year story"]).toBeNull();
    expect(byTitle["Year ten thousand story"]).toBeNull();
    expect(new Date(byTitle["Story dated in the future"] as string).getUTCFullYear()).toBe(2070);
    expect(await status(config)).toMatch(
      /feed dates: ok, 5 items \(3 dates unreadable or outside years 1-9999, stored without a date; 1 items dated in the future, kept and sorted as fetched\)/,
    );
    // In today's digest the story dated 2070 is first seen today, not in 2070.
    const today = new Date().toISOString().slice(0, 10);
    const dir = await mkdtemp(join(tmpdir(), "wirewatch-dates-"));
    const built = await buildDigest(
      t.db,
      { ...config, digest: { ...config.digest, outDir: dir } },
      today,
      {
        formats: ["json"],
      },
    );
    const doc = JSON.parse(built.files[0]?.content ?? "{}") as {
      stories: { title: string; firstSeen: string }[];
    };
    const future = doc.stories.find((s) => s.title === "Story dated in the future");
    expect(future?.firstSeen.slice(0, 4)).toBe(today.slice(0, 4));
  });

  it("5. keeps every item of one link with its own GUID, and stores none twice", async () => {
    const yaml = `feeds: [{ id: front, url: "${server.url}/same-link-guids.xml" }]`;
    await pass(yaml);
    await pass(yaml);
    const rows = await articles("front");
    expect(rows.map((r) => r.title)).toEqual([
      "Border crossing reopens with Syria",
      "Election commission sets a date",
      "Flooding closes roads near Basra",
      "Talks open in Baghdad",
    ]);
    expect(new Set(rows.map((r) => r.url))).toEqual(new Set(["https://front.example/"]));
  });

  it("6. does not hide a briefing whose numbers differ as a near-duplicate; a copy with the same numbers still is", async () => {
    await pass(`feeds: [{ id: b1, url: "${server.url}/briefing-day1.xml" }]`);
    await pass(`feeds: [{ id: b2, url: "${server.url}/briefing-day2.xml" }]`);
    await pass(`feeds: [{ id: b3, url: "${server.url}/briefing-day2-copy.xml" }]`);
    const [day2] = await t.db.query<{ id: string; duplicate_of: string | null }>(
      "select id, duplicate_of from articles where feed_id = 'b2'",
    );
    expect(day2?.duplicate_of).toBeNull();
    const [copy] = await articles("b3");
    expect(copy?.duplicate_of).toBe(day2?.id);
  });

  it("7. closes the socket of a gzip download cut at the byte limit", async () => {
    const options = {
      timeoutMs: 10_000,
      maxBytes: 256 * 1024,
      maxRedirects: 0,
      userAgent: "t",
      allowLoopback: true,
      allowPrivate: false,
    };
    const open = sockets.size;
    for (let i = 0; i < 3; i++) {
      const error = await httpGet(`${server.url}/gzip-endless`, options).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FetchError);
      expect((error as FetchError).reason).toBe("too-large");
    }
    for (let i = 0; i < 100 && sockets.size > open; i++)
      await new Promise((r) => setTimeout(r, 20));
    expect(sockets.size).toBe(open);
  });

  it("8. holds a Retry-After to one day, and status shows the next poll and the back-off", async () => {
    const before = Date.now();
    const config = await pass(`feeds: [{ id: slow, url: "${server.url}/retry-after" }]`);
    const [row] = await t.db.query<{ next: string }>(
      "select next_fetch_at as next from feeds where id = 'slow'",
    );
    const next = new Date(row?.next ?? 0).getTime();
    expect(next).toBeGreaterThan(before + 23 * 3_600_000);
    expect(next).toBeLessThanOrEqual(Date.now() + 24 * 3_600_000);
    expect(await status(config)).toMatch(
      /feed slow: failing \(1 in a row\): rate-limited: .*; backing off: next poll \d{4}-\d\d-\d\dT[\d:.]+Z \(after 1 failures\)/,
    );
  });

  it("9. strips controls and bidi overrides from stored text, keeps ZWNJ, and links no bare URL in the digest", async () => {
    const config = await pass(`timezone: UTC
feeds: [{ id: unsafe, url: "${server.url}/unsafe-text.xml" }]`);
    const rows = await articles("unsafe");
    expect(rows.map((r) => r.title)).toEqual([
      "Alert [31mRED[0m in Mosul evil and bell",
      "می\u200cخواهند نشست امنیتی در بغداد",
    ]);
    const today = new Date().toISOString().slice(0, 10);
    const dir = await mkdtemp(join(tmpdir(), "wirewatch-unsafe-"));
    const built = await buildDigest(
      t.db,
      { ...config, digest: { ...config.digest, outDir: dir } },
      today,
      {
        formats: ["md", "html"],
      },
    );
    for (const file of built.files) {
      expect(file.content).not.toContain("https://phish.example");
      expect(file.content).not.toMatch(/href="[^"]*phish/);
      expect(file.content).not.toContain("\u202e");
    }
    expect(built.files[0]?.content).toContain("hxxps://phish\\[.\\]example/login");
    const parsed = await runCli(["feeds", "parse", join(FIXTURES, "unsafe-text.xml")]);
    expect(parsed.stdout).not.toMatch(/[^\P{Cc}\n]|[\u202a-\u202e]/u);
    expect(parsed.stdout).toContain("Alert [31mRED[0m in Mosul evil and bell");
  });

  it("10. a pass processes every item it stored, past the old 10,000", async () => {
    await pass(`feeds: [{ id: huge, url: "${server.url}/huge", maxBytes: 8000000 }]`);
    const [row] = await t.db.query<{ stored: number; extracted: number; storied: number }>(
      `select count(*)::int as stored, count(extracted_at)::int as extracted,
         count(*) filter (where exists (select 1 from story_articles s where s.article_id = a.id))::int as storied
       from articles a where feed_id = 'huge'`,
    );
    expect(row).toEqual({ stored: 12_000, extracted: 12_000, storied: 12_000 });
  }, 120_000);
});

describe("commands refuse bad local input in one line", () => {
  const fail = (args: string[], cwd?: string) =>
    runCli(args, cwd).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );

  it("11. feeds parse: /dev/zero stops at the byte limit, a directory and a binary file are named", async () => {
    const zero = await fail(["feeds", "parse", "/dev/zero"]);
    expect(zero.code).toBe(1);
    expect(zero.stderr.trim()).toMatch(
      /^wirewatch: \/dev\/zero: is larger than the limit of \d+ bytes$/,
    );
    const dir = await fail(["feeds", "parse", FIXTURES]);
    expect(dir.stderr.trim()).toBe(`wirewatch: ${FIXTURES}: is a directory, not a file`);
    const binary = await fail(["feeds", "parse", join(FIXTURES, "binary.bin")]);
    expect(binary.code).toBe(1);
    expect(binary.stderr.trim()).toBe(
      "wirewatch: not a feed: binary data (NUL bytes), not a text document",
    );
  });

  it("12. feeds parse <url> takes ./wirewatch.yaml as every other command does", async () => {
    const server = await serve((_q, r) => r.writeHead(200).end(fixture("bare-rss.xml")));
    try {
      const bare = await mkdtemp(join(tmpdir(), "wirewatch-parse-"));
      // Without a config, the default address guard refuses loopback.
      const refused = await fail(["feeds", "parse", `${server.url}/rss`], bare);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain("loopback");
      const configured = await mkdtemp(join(tmpdir(), "wirewatch-parse-"));
      await writeFile(
        join(configured, "wirewatch.yaml"),
        `feeds: [{ id: a, url: "${server.url}/rss" }]\nfetch: { allowLoopback: true }\n`,
      );
      const read = await fail(["feeds", "parse", `${server.url}/rss`], configured);
      expect(read.code).toBe(0);
      expect(read.stdout).toContain("rss, utf-8 (prolog), 2 items");
    } finally {
      await server.close();
    }
  });

  it("14. a config too large, an alias bomb, an empty file or a directory: exit 2 with file and line", async () => {
    const dir = await mkdtemp(join(tmpdir(), "wirewatch-configs-"));
    const big = join(dir, "big.yaml");
    await writeFile(big, `feeds:\n${"  - { id: a, url: https://a.example/ }\n".repeat(60_000)}`);
    const bomb = join(dir, "bomb.yaml");
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(",")}]`);
    }
    await writeFile(bomb, `feeds: [{ id: a, url: "https://a.example/" }]\n${levels.join("\n")}\n`);
    const empty = join(dir, "empty.yaml");
    await writeFile(empty, "");
    const folder = join(dir, "folder.yaml");
    await mkdir(folder);
    const expected: [string, string][] = [
      [big, `${big}: cannot read the config: is larger than the limit of 1048576 bytes`],
      [bomb, `${bomb}:3: too many aliases (*name) expanded: a config never needs so many`],
      [empty, `${empty}:1: the config is empty: it needs at least a list of feeds`],
      [folder, `${folder}: cannot read the config: is a directory, not a file`],
    ];
    for (const [file, message] of expected) {
      const result = await fail(["feeds", "check", "--config", file]);
      expect(result.code, file).toBe(2);
      expect(result.stderr.trim()).toBe(message);
    }
  });
});
