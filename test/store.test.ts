import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getArticle, insertArticles, knownIds, type NewArticle } from "../src/store/articles.js";
import { upsertEntities } from "../src/store/entities.js";
import { getFeed, recordFetchFailure, recordFetchSuccess, syncFeeds } from "../src/store/feeds.js";
import { saveMentions } from "../src/store/mentions.js";
import { migrate } from "../src/store/migrate.js";
import { saveSearchDocuments } from "../src/store/search-index.js";
import { BACKENDS, type TestDatabase } from "./helpers/databases.js";

const feed = { id: "f1", url: "https://a.example/rss", language: "ar", every: 60_000, tags: [] };

function article(n: number, overrides: Partial<NewArticle> = {}): NewArticle {
  return {
    id: `a${n}`,
    feedId: "f1",
    url: `https://a.example/news/${n}`,
    contentHash: `hash${n}`,
    title: `عنوان ${n}`,
    summary: "",
    body: null,
    author: null,
    publishedAt: new Date("2026-11-20T08:00:00Z"),
    fetchedAt: new Date("2026-11-20T09:00:00Z"),
    declaredLanguage: "ar",
    language: "ar",
    languageConfidence: 0.9,
    ...overrides,
  };
}

describe.each(BACKENDS)("store on %s", (_name, open) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await open();
    await syncFeeds(t.db, [feed]);
  });
  afterAll(() => t.drop());

  it("applies each migration once, however often it runs", async () => {
    expect(await migrate(t.db)).toEqual([]);
    const rows = await t.db.query<{ version: number }>("select version from schema_migrations");
    expect(rows.map((r) => r.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it("stores an article once by id and once by content hash", async () => {
    expect(await insertArticles(t.db, [article(1), article(2)])).toEqual(["a1", "a2"]);
    const again = await insertArticles(t.db, [
      article(1),
      article(3, { contentHash: "hash2" }),
      article(4),
      article(4),
    ]);
    expect(again).toEqual(["a4"]);
    expect(await knownIds(t.db, ["a1", "a9"])).toEqual(new Set(["a1"]));
    const stored = await getArticle(t.db, "a1");
    expect(stored).toMatchObject({ title: "عنوان 1", language: "ar", feedId: "f1" });
    expect(stored?.fetchedAt).toEqual(new Date("2026-11-20T09:00:00Z"));
  });

  it("replaces mentions idempotently; the article is marked extracted with its search words", async () => {
    await upsertEntities(t.db, [
      {
        id: "country:IQ",
        type: "place",
        name: "Iraq",
        country: "IQ",
        latitude: 33.3,
        longitude: 44.4,
        watched: false,
        alert: false,
      },
    ]);
    const mention = {
      entityId: "country:IQ",
      field: "title" as const,
      start: 0,
      end: 6,
      surface: "العراق",
      confidence: 0.9,
    };
    for (let i = 0; i < 2; i++) {
      await t.db.transaction(async (tx) => {
        await saveMentions(tx, "gazetteer", [{ articleId: "a1", mentions: [mention] }]);
        await saveSearchDocuments(tx, [{ id: "a1", document: "العراق عراق" }], {
          extracted: true,
        });
      });
    }
    const rows = await t.db.query(
      "select entity_id, surface from mentions where article_id = 'a1'",
    );
    expect(rows).toEqual([{ entity_id: "country:IQ", surface: "العراق" }]);
    const extracted = await t.db.query<{ id: string; search: string }>(
      "select id, search::text from articles where extracted_at is not null",
    );
    expect(extracted).toEqual([{ id: "a1", search: "'العراق':1 'عراق':2" }]);
  });

  it("rolls a failed transaction back whole", async () => {
    await expect(
      t.db.transaction(async (tx) => {
        await tx.query("update articles set title = 'changed' where id = 'a2'");
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect((await getArticle(t.db, "a2"))?.title).toBe("عنوان 2");
  });

  it("keeps feed health: success, failures counted, recovery", async () => {
    const next = new Date("2026-11-20T10:00:00Z");
    await recordFetchSuccess(t.db, "f1", {
      status: 200,
      etag: '"v1"',
      lastModified: null,
      items: 5,
      format: "rss",
      encoding: "utf-8",
      repaired: true,
      nextFetchAt: next,
    });
    expect(await getFeed(t.db, "f1")).toMatchObject({
      etag: '"v1"',
      repaired: true,
      itemsLastSeen: 5,
      consecutiveFailures: 0,
      lastError: null,
    });
    const seen: number[] = [];
    for (let i = 0; i < 2; i++) {
      await recordFetchFailure(t.db, "f1", {
        status: 503,
        reason: "http-server",
        message: "HTTP 503 from https://a.example/rss",
        nextFetchAt: (n) => {
          seen.push(n);
          return next;
        },
      });
    }
    expect(seen).toEqual([1, 2]);
    expect(await getFeed(t.db, "f1")).toMatchObject({
      consecutiveFailures: 2,
      lastStatus: 503,
      lastErrorReason: "http-server",
      etag: '"v1"',
    });
    await recordFetchSuccess(t.db, "f1", {
      status: 304,
      etag: null,
      lastModified: null,
      items: null,
      format: null,
      encoding: null,
      repaired: null,
      nextFetchAt: next,
    });
    expect(await getFeed(t.db, "f1")).toMatchObject({
      consecutiveFailures: 0,
      lastError: null,
      etag: '"v1"',
      itemsLastSeen: 5,
    });
  });

  it("forgets the validators of a feed whose URL changed", async () => {
    await syncFeeds(t.db, [{ ...feed, url: "https://a.example/new-rss" }]);
    expect(await getFeed(t.db, "f1")).toMatchObject({
      url: "https://a.example/new-rss",
      etag: null,
    });
  });
});
