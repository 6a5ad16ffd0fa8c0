import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshPostgres, type TestDatabase } from "./helpers/databases.js";
import { freePort } from "./helpers/redis.js";
import { searchStore } from "./helpers/search-store.js";
import { spawnCommand } from "./helpers/workers.js";

const TOKEN = "cli-serve-token-0123456789";

describe("wirewatch serve, as an operator starts it, on PostgreSQL", () => {
  let t: TestDatabase;
  let file: string;
  let port: number;

  beforeAll(async () => {
    t = await freshPostgres();
    await searchStore(t.db);
    port = await freePort();
    file = join(await mkdtemp(join(tmpdir(), "wirewatch-serve-")), "wirewatch.yaml");
    await writeFile(
      file,
      `feeds: [{ id: f, url: "https://x.example/rss" }]
serve: { host: 127.0.0.1, port: ${port}, token: "\${WIREWATCH_TOKEN}", metricsPublic: true }
`,
    );
  });
  afterAll(async () => {
    await t.drop();
  });

  it("serves the API behind the token and public metrics, and stops cleanly on SIGTERM", async () => {
    const serve = spawnCommand(["serve", "--config", file], "serving", {
      env: { DATABASE_URL: t.url, WIREWATCH_TOKEN: TOKEN },
    });
    try {
      await serve.ready;
      const base = `http://127.0.0.1:${port}`;
      expect((await fetch(`${base}/api/articles?q=داعش`)).status).toBe(401);
      const found = await fetch(`${base}/api/articles?q=داعش`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect(((await found.json()) as { items: unknown[] }).items).toHaveLength(3);
      expect((await fetch(`${base}/metrics`)).status).toBe(200);
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
    } finally {
      serve.child.kill("SIGTERM");
    }
    expect(await serve.exited).toBe(0);
    expect(serve.log()).not.toContain(TOKEN);
  });
});

describe("wirewatch run with a serve block, on the embedded store", () => {
  it("serves from the process that owns the store, and stops cleanly on SIGTERM", async () => {
    const dir = await mkdtemp(join(tmpdir(), "wirewatch-run-serve-"));
    const port = await freePort();
    const feed = await freePort();
    const file = join(dir, "wirewatch.yaml");
    // A feed nobody answers: the pass fails it and goes on; the server is what is looked at.
    await writeFile(
      file,
      `feeds: [{ id: f, url: "http://127.0.0.1:${feed}/rss" }]
fetch: { allowLoopback: true, timeout: 1s }
store: { path: "${join(dir, "store")}" }
serve: { host: 127.0.0.1, port: ${port} }
`,
    );
    const run = spawnCommand(["run", "--config", file], "serving");
    try {
      await run.ready;
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(200);
      const feeds = await fetch(`http://127.0.0.1:${port}/api/feeds`);
      expect(((await feeds.json()) as { items: { id: string }[] }).items.map((f) => f.id)).toEqual([
        "f",
      ]);
    } finally {
      run.child.kill("SIGTERM");
    }
    expect(await run.exited).toBe(0);
  });
});
