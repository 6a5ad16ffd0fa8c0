import { randomBytes } from "node:crypto";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./helpers/cli.js";
import { WATCHLIST_YAML } from "./helpers/config.js";
import { freshPostgres, type TestDatabase } from "./helpers/databases.js";
import { serve, type TestServer } from "./helpers/http-server.js";
import { REDIS_URL } from "./helpers/redis.js";
import { type Receiver, startReceiver } from "./helpers/webhook-receiver.js";
import { spawnWorker, type WorkerProcess } from "./helpers/workers.js";

const SECRET = "run-once-secret-0123456789";

const rss = (items: string[]) =>
  `<rss version="2.0"><channel><title>Wire</title>${items
    .map(
      (title, i) =>
        `<item><title>${title}</title><link>https://wire.example/${i}</link><pubDate>${new Date().toUTCString()}</pubDate></item>`,
    )
    .join("")}</channel></rss>`;

async function pass(dir: string, env: Record<string, string>) {
  const started = performance.now();
  const result = await runCli(["run", "--once", "--config", "wirewatch.yaml"], dir, env).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );
  return { ...result, seconds: (performance.now() - started) / 1000 };
}

describe("run --once beside workers that run their schedulers", () => {
  let feeds: TestServer;
  let hook: Receiver;
  let db: TestDatabase;
  let worker: WorkerProcess;
  let dir: string;
  let env: Record<string, string>;
  let alarming = false;

  beforeAll(async () => {
    feeds = await serve((_request, response) =>
      response
        .writeHead(200)
        .end(
          rss([
            "Oil prices steady",
            ...(alarming ? ["Islamic State claims attack near Mosul"] : []),
          ]),
        ),
    );
    hook = await startReceiver(SECRET);
    hook.status = 500;
    db = await freshPostgres();
    dir = await mkdtemp(join(tmpdir(), "wirewatch-once-"));
    await writeFile(
      join(dir, "wirewatch.yaml"),
      `feeds: [{ id: wire, url: "${feeds.url}/rss", language: en, every: 1h }]
fetch: { allowLoopback: true, hostGap: 0s }
queue: { redisUrl: "${REDIS_URL}", prefix: ww${randomBytes(4).toString("hex")}, attempts: 1, lockDuration: 3s }
store: { url: "${db.url}" }
digest: { outDir: ./digests }
${WATCHLIST_YAML}
delivery:
  allowLoopback: true
  channels: [{ id: ops, type: webhook, url: "${hook.url}", secret: "${SECRET}", alerts: true }]
`,
    );
    env = {};
    worker = spawnWorker(join(dir, "wirewatch.yaml"), [], { schedulers: true });
    await worker.ready;
  });
  afterAll(async () => {
    worker.child.kill("SIGKILL");
    await Promise.all([feeds.close(), hook.close()]);
    await db.drop();
  });

  it("returns once this pass's work is done, and fails when a job of the pass failed for good", async () => {
    // The worker's schedule polls the feed once at start, then not for an hour.
    for (let i = 0; i < 100; i++) {
      const [row] = await db.db.query<{ n: number }>(
        "select count(*)::int as n from story_articles",
      );
      if (row?.n === 1) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    alarming = true;
    const first = await pass(dir, env);
    expect(first.seconds, worker.log()).toBeLessThan(30);
    expect(first.code).toBe(1);
    expect(first.stderr).toContain("failed: deliver job");
    expect(first.stderr).toContain("channel ops: the webhook answered HTTP 500");
    expect(first.stdout).toContain("1 jobs failed");

    // The next pass brings nothing new and has no failure of its own.
    const second = await pass(dir, env);
    expect(second.code, second.stderr).toBe(0);
    expect(second.seconds).toBeLessThan(30);
  });
});
