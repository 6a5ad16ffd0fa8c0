import { randomBytes } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../src/config/index.js";
import { buildDigest } from "../src/digest/build.js";
import { searchQuery } from "../src/extract/search-keys.js";
import { silentLogger } from "../src/lib/logger.js";
import type { Context } from "../src/pipeline/context.js";
import { queueBoard, queueDepths } from "../src/pipeline/distributed/board.js";
import { connectRedis } from "../src/pipeline/distributed/connection.js";
import { StageQueues } from "../src/pipeline/distributed/queues.js";
import { buildServer } from "../src/server/app.js";
import { BACKENDS, freshPglite, type TestDatabase } from "./helpers/databases.js";
import { REDIS_URL } from "./helpers/redis.js";
import { SEARCH_DAY, searchStore } from "./helpers/search-store.js";

const TOKEN = "serve-token-0123456789abcdef";
const auth = { authorization: `Bearer ${TOKEN}` };

describe.each(BACKENDS)("the API on %s", (_name, open) => {
  let t: TestDatabase;
  let ctx: Context;
  let app: FastifyInstance;
  const get = (url: string, headers: Record<string, string> = auth) =>
    app.inject({ method: "GET", url, headers });
  const ids = async (query: string) =>
    ((await get(`/api/articles?${query}`)).json() as { items: { id: string }[] }).items
      .map((i) => i.id)
      .sort();

  beforeAll(async () => {
    t = await open();
    const out = `${process.env.TMPDIR ?? "/tmp"}/wirewatch-serve-${Date.now()}-${_name}`;
    ctx = await searchStore(
      t.db,
      `serve: { token: "${TOKEN}" }\ndigest: { outDir: "${out}", formats: [json, html] }\n`,
    );
    app = await buildServer({ db: t.db, config: ctx.config, log: ctx.log });
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  it("finds a word whatever its clitics, case ending, accents or Persian letters", async () => {
    expect(await ids("q=داعش")).toEqual(["ar-1", "ar-2", "fa-1"]);
    expect(await ids("q=Мосул")).toEqual(["ru-1"]);
    expect(await ids("q=Мосуле")).toEqual(["ru-1"]);
    expect(await ids("q=Etat")).toEqual(["fr-1"]);
    // Persian ی and ک, asked for with the Arabic ي and ك.
    expect(await ids(`q=${encodeURIComponent("امنيتي")}`)).toEqual(["fa-1"]);
    expect(await ids(`q=${encodeURIComponent("نزديكي")}`)).toEqual(["fa-1"]);
    // English titles from translation are searched too, and every word must be there.
    expect(await ids("q=Islamic%20State%20arrested")).toEqual(["ar-2"]);
    expect(await ids("q=Kirkuk")).toEqual(["ar-2", "en-1"]);
  });

  it("filters by entity across languages, by language, and by day", async () => {
    expect(await ids("entity=watch:isis")).toEqual(["ar-1", "ar-2", "fa-1", "fr-1", "ru-1"]);
    expect(await ids("entity=watch:isis&lang=fa")).toEqual(["fa-1"]);
    expect(await ids(`from=${SEARCH_DAY}&to=${SEARCH_DAY}&q=Kirkuk`)).toEqual(["ar-2", "en-1"]);
    expect(await ids("from=2026-11-21")).toEqual([]);
  });

  it("pages newest first with a cursor", async () => {
    const first = (await get("/api/articles?limit=4")).json() as {
      items: { id: string; entities: unknown[]; storyId: string }[];
      next: string;
    };
    expect(first.items.map((i) => i.id)).toEqual(["en-1", "fr-1", "ru-1", "fa-1"]);
    expect(first.items[1]?.storyId).toMatch(/^story:/);
    const second = (await get(`/api/articles?limit=4&cursor=${first.next}`)).json() as {
      items: { id: string }[];
      next: string | null;
    };
    expect(second.items.map((i) => i.id)).toEqual(["ar-2", "ar-1"]);
    expect(second.next).toBeNull();
  });

  it("answers bad input with 400 or 404 and a JSON reason, never a 500", async () => {
    const cases: [string, number][] = [
      ["/api/articles?q=a%20%26%20!b%20%7C%20(c%3A*", 200],
      [`/api/articles?q=${"x".repeat(10_000)}`, 400],
      ["/api/articles?from=yesterday", 400],
      ["/api/articles?to=2026-13-45", 400],
      ["/api/articles?limit=1000000000", 400],
      ["/api/articles?limit=-1", 400],
      ["/api/articles?cursor=nonsense", 400],
      ["/api/articles?color=red", 400],
      ["/api/articles/no-such-article", 404],
      ["/api/stories/no-such-story", 404],
      ["/api/stories?date=2026-02-31x", 400],
      ["/api/entities/no:such", 404],
      ["/api/entities", 400],
      ["/api/digests/2026-11-19", 404],
      ["/api/digests/not-a-day", 400],
      ["/api/digests/2026-11-20?format=pdf", 400],
      ["/api/nothing-here", 404],
    ];
    for (const [url, status] of cases) {
      const response = await get(url);
      expect([url, response.statusCode]).toEqual([url, status]);
      expect(response.headers["content-type"]).toMatch(/^application\/json/);
      if (status !== 200) expect(response.json()).toMatchObject({ message: expect.any(String) });
    }
    // Operators in the query are words like any other, so a tsquery can never be malformed.
    expect(searchQuery("a & !b | (c:*")).toBe("('a') & ('b') & ('c')");
  });

  it("serves stories, entities, feeds and the stored digests", async () => {
    const stories = (await get(`/api/stories?date=${SEARCH_DAY}`)).json() as {
      items: { id: string; languages: string[] }[];
    };
    const attack = stories.items.find((s) => s.languages.length > 1);
    expect(attack).toBeDefined();
    const story = (await get(`/api/stories/${attack?.id}`)).json() as { sources: unknown[] };
    expect(story.sources.length).toBeGreaterThan(1);
    const entities = (await get("/api/entities?q=islamic")).json() as { items: { id: string }[] };
    expect(entities.items.map((e) => e.id)).toContain("watch:isis");
    const isis = (await get("/api/entities/watch:isis")).json() as {
      articleCount: number;
      articles: unknown[];
      stories: unknown[];
    };
    expect(isis.articleCount).toBe(5);
    expect(isis.articles).toHaveLength(5);
    expect(isis.stories.length).toBeGreaterThan(0);
    expect((await get("/api/feeds")).json()).toMatchObject({ items: [{ id: "f" }] });

    await buildDigest(t.db, ctx.config, SEARCH_DAY);
    const json = await get(`/api/digests/${SEARCH_DAY}?format=json`);
    expect(json.json()).toMatchObject({ day: SEARCH_DAY });
    const html = await get(`/api/digests/${SEARCH_DAY}?format=html`);
    expect(html.headers["content-type"]).toMatch(/^text\/html/);
    expect(html.headers["content-security-policy"]).toContain("sandbox");
  });

  it("needs the token on the API and metrics, not on the health check or the page", async () => {
    expect((await get("/api/articles", {})).statusCode).toBe(401);
    expect((await get("/api/articles", { authorization: "Bearer wrong" })).statusCode).toBe(401);
    expect((await get("/api/articles", { cookie: `wirewatch_token=${TOKEN}` })).statusCode).toBe(
      200,
    );
    expect((await get("/metrics", {})).statusCode).toBe(401);
    expect((await get("/healthz", {})).json()).toEqual({ ok: true });
    const page = await get("/", {});
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-security-policy"]).toContain("script-src 'self'");
    expect(page.headers["content-security-policy"]).toContain("default-src 'none'");
    expect((await get("/app.js", {})).headers["content-type"]).toMatch(/javascript/);
  });

  it("describes itself in OpenAPI and counts in Prometheus text", async () => {
    const spec = (await get("/api/openapi.json")).json() as { paths: Record<string, unknown> };
    expect(Object.keys(spec.paths).sort()).toEqual([
      "/api/articles",
      "/api/articles/{id}",
      "/api/digests/{day}",
      "/api/entities",
      "/api/entities/{id}",
      "/api/feeds",
      "/api/stories",
      "/api/stories/{id}",
      "/healthz",
    ]);
    const metrics = (await get("/metrics")).body;
    expect(metrics).toContain('wirewatch_articles{language="ar"} 2');
    expect(metrics).toContain("wirewatch_feeds_failing 0");
    expect(metrics).toMatch(/wirewatch_stage_duration_seconds_count\{stage="extract"\} \d+/);
  });
});

describe("serving, refused and failing", () => {
  it("refuses to serve beyond loopback without a token, at config load", () => {
    expect(() =>
      parseConfig(
        'feeds: [{ id: f, url: "https://x.example/rss" }]\nserve: { host: 0.0.0.0 }',
        "wirewatch.yaml",
        {},
      ),
    ).toThrow(
      "wirewatch.yaml:2: serve.host: serving on 0.0.0.0 needs serve.token: only a loopback host may go without one",
    );
  });

  it("answers 503 on the health check when the store does not answer", async () => {
    const t = await freshPglite();
    const config = parseConfig(
      'feeds: [{ id: f, url: "https://x.example/rss" }]\nserve: {}',
      "w.yaml",
      {},
    );
    const app = await buildServer({
      db: t.db,
      config,
      log: (await import("../src/lib/logger.js")).silentLogger(),
    });
    expect((await app.inject({ url: "/healthz" })).statusCode).toBe(200);
    await t.db.close();
    const down = await app.inject({ url: "/healthz" });
    expect(down.statusCode).toBe(503);
    expect(down.json()).toEqual({ ok: false, error: "the store does not answer" });
    await app.close();
  });
});

describe("with a queue", () => {
  it("shows bull-board at /admin/queues behind the token, and the queues' depths in /metrics", async () => {
    const t = await freshPglite();
    const prefix = `ww${randomBytes(4).toString("hex")}`;
    const config = parseConfig(
      `feeds: [{ id: f, url: "https://x.example/rss" }]
queue: { redisUrl: "${REDIS_URL}", prefix: ${prefix} }
serve: { token: "${TOKEN}" }`,
      "w.yaml",
      {},
    );
    const redis = connectRedis(REDIS_URL, () => undefined);
    const queues = new StageQueues(config, redis);
    const app = await buildServer({
      db: t.db,
      config,
      log: silentLogger(),
      board: queueBoard(queues),
      queueDepths: () => queueDepths(queues),
    });
    try {
      await queues.add([{ stage: "fetch", ids: ["f"] }], "one");
      expect((await app.inject({ url: "/admin/queues" })).statusCode).toBe(401);
      const board = await app.inject({ url: "/admin/queues", headers: auth });
      expect(board.statusCode).toBe(200);
      expect(board.body).toContain("<html");
      const metrics = (await app.inject({ url: "/metrics", headers: auth })).body;
      expect(metrics).toContain('wirewatch_queue_jobs{stage="fetch",state="waiting"} 1');
    } finally {
      await app.close();
      await queues.close();
      redis.disconnect();
      await t.drop();
    }
  });
});
