import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentHash } from "../src/ingest/canonical.js";
import { FetchError } from "../src/ingest/fetch-errors.js";
import { byIdentity, newArticle } from "../src/ingest/new-articles.js";
import { readFeed } from "../src/ingest/read-feed.js";
import { insertArticles } from "../src/store/articles.js";
import { freshPglite, type TestDatabase } from "./helpers/databases.js";

const SEEDS = readdirSync("assets/demo/feeds").map((name) =>
  readFileSync(`assets/demo/feeds/${name}`),
);

/** A feed document cut short, with bytes flipped, removed, inserted or repeated. */
const mutated = fc
  .record({
    seed: fc.constantFrom(...SEEDS),
    cut: fc.double({ min: 0, max: 1, noNaN: true }),
    edits: fc.oneof(
      fc.constant([]),
      fc.array(
        fc.record({
          at: fc.double({ min: 0, max: 1, noNaN: true }),
          kind: fc.constantFrom("flip", "delete", "insert", "repeat"),
          byte: fc.integer({ min: 0, max: 255 }),
          length: fc.integer({ min: 1, max: 64 }),
        }),
        { maxLength: 4 },
      ),
    ),
  })
  .map(({ seed, cut, edits }) => {
    let bytes = Buffer.from(
      seed.subarray(0, Math.max(1, Math.floor(seed.length * (cut < 0.3 ? cut / 0.3 : 1)))),
    );
    for (const edit of edits) {
      const at = Math.floor(edit.at * bytes.length);
      if (edit.kind === "flip") bytes[at] = edit.byte;
      if (edit.kind === "delete")
        bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + edit.length)]);
      if (edit.kind === "insert")
        bytes = Buffer.concat([
          bytes.subarray(0, at),
          Buffer.alloc(edit.length, edit.byte),
          bytes.subarray(at),
        ]);
      if (edit.kind === "repeat")
        bytes = Buffer.concat([bytes.subarray(0, at + edit.length), bytes.subarray(at)]);
    }
    return bytes;
  });

describe("decode and parse under mutated input", () => {
  it("never throws anything but a clear FetchError, and never hangs", async () => {
    let parsed = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(
        mutated,
        fc.constantFrom(
          null,
          "text/xml; charset=utf-8",
          "application/rss+xml; charset=windows-1256",
        ),
        async (bytes, type) => {
          const outcome = await Promise.race([
            readFeed(bytes, type, "https://feeds.example/").then(
              (feed) => ({ feed }),
              (error: unknown) => ({ error }),
            ),
            new Promise<{ hung: true }>((resolve) =>
              setTimeout(() => resolve({ hung: true }), 2000),
            ),
          ]);
          expect(outcome).not.toHaveProperty("hung");
          if ("error" in outcome) {
            expect(outcome.error).toBeInstanceOf(FetchError);
            expect((outcome.error as FetchError).reason).toMatch(/^(parse|decode)$/);
            expect((outcome.error as FetchError).message).toMatch(/^(not a feed|cannot decode)/);
            refused++;
          } else if ("feed" in outcome) {
            for (const item of outcome.feed.items) expect(typeof item.title).toBe("string");
            parsed++;
          }
        },
      ),
      { numRuns: 3000 },
    );
    // Both outcomes happen: the mutations are neither all harmless nor all fatal.
    expect(parsed).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(100);
  }, 120_000);
});

const xml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Items whose dates, links and GUIDs are as broken as real feeds make them. */
const item = fc.record({
  title: fc.constantFrom("Talks in Baghdad", "Flood near Basra", "Vote in spring", ""),
  summary: fc.constantFrom("", "Ministers met.", "Rain for 2 days."),
  link: fc.option(
    fc.constantFrom("https://a.example/1", "https://a.example/1?utm_source=x", "/relative", "::"),
  ),
  guid: fc.option(fc.constantFrom("g1", "g2", "https://a.example/g", " ")),
  date: fc.option(
    fc.oneof(
      fc.constantFrom(
        "0000-01-01T00:00:00Z",
        "-000042-06-01T00:00:00Z",
        "+010000-01-01T00:00:00Z",
        "Wed, 01 Jan 2070 00:00:00 GMT",
        "not a date",
        "Mon, 30 Nov 2026 06:00:00 GMT",
      ),
      fc
        .date({ min: new Date(-8.64e15), max: new Date(8.64e15), noInvalidDate: true })
        .map((d) => d.toISOString()),
    ),
  ),
});

const rssOf = (items: (typeof item extends fc.Arbitrary<infer T> ? T : never)[]) =>
  `<rss version="2.0"><channel><title>F</title>${items
    .map(
      (i) =>
        `<item><title>${xml(i.title)}</title><description>${xml(i.summary)}</description>${
          i.link === null ? "" : `<link>${xml(i.link)}</link>`
        }${i.guid === null ? "" : `<guid>${xml(i.guid)}</guid>`}${
          i.date === null ? "" : `<pubDate>${xml(i.date)}</pubDate>`
        }</item>`,
    )
    .join("")}</channel></rss>`;

describe("dates, links and GUIDs as real feeds break them", () => {
  const feed = { id: "f", url: "https://a.example/rss" };
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshPglite();
    await t.db.query("insert into feeds (id, url) values ('f', 'https://a.example/rss')");
  });
  afterAll(() => t.drop());

  it("keeps every item whose title or text differs, with a date the store holds or none", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(item, { maxLength: 8 }), async (items) => {
        const read = await readFeed(Buffer.from(rssOf(items)), null, feed.url);
        for (const i of read.items) {
          const year = i.published?.getUTCFullYear() ?? 2000;
          expect(year >= 1 && year <= 9999).toBe(true);
        }
        const said = new Set(read.items.map((i) => contentHash(i.title, i.summary)));
        const source = {
          feed: { id: "f", language: undefined },
          declared: null,
          languages: [],
          fetchedAt: new Date(),
          translationStatus: "none" as const,
        };
        const articles = [...byIdentity(read.items, feed)].map(([id, { item, url }]) =>
          newArticle(id, url, item, source),
        );
        await t.db.query("delete from articles");
        await insertArticles(t.db, articles);
        const stored = await t.db.query<{ content_hash: string }>(
          "select content_hash from articles",
        );
        // Nothing said is lost: each distinct title and text is stored, once.
        expect(new Set(stored.map((r) => r.content_hash))).toEqual(said);
        expect(stored).toHaveLength(said.size);
      }),
      { numRuns: 150 },
    );
  }, 120_000);
});
