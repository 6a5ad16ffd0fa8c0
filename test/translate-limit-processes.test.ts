import { randomBytes } from "node:crypto";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./helpers/cli.js";
import { freshPostgres, type TestDatabase } from "./helpers/databases.js";
import { type FakeLlm, faithful, fakeLlm } from "./helpers/fake-llm.js";
import { serve, type TestServer } from "./helpers/http-server.js";
import { REDIS_URL } from "./helpers/redis.js";
import { spawnWorker, type WorkerProcess } from "./helpers/workers.js";

const LIMIT = 10;
// Arabic headlines on different events: each is its own translation request.
const SUBJECTS = ["اجتماع أمني", "انفجار سيارة", "مظاهرة طلابية", "زيارة وزير", "حريق سوق"];
const PLACES = ["بغداد", "الموصل", "البصرة"];
const TITLES = SUBJECTS.flatMap((s) => PLACES.map((p) => `${s} في ${p}`)).slice(0, 14);

const rss = (titles: string[], feed: string) =>
  `<rss version="2.0"><channel><title>${feed}</title>${titles
    .map(
      (title, i) =>
        `<item><title>${title}</title><link>https://${feed}.example/${i}</link><pubDate>${new Date().toUTCString()}</pubDate></item>`,
    )
    .join("")}</channel></rss>`;

/** The most requests that started in any 60-second window. */
function busiestMinute(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while ((sorted[i] ?? 0) - (sorted[j] ?? 0) >= 60_000) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

describe("the provider's limit across two worker processes", () => {
  let feeds: TestServer;
  let llm: FakeLlm & { times: number[] };
  let db: TestDatabase;
  let workers: WorkerProcess[];
  let dir: string;

  beforeAll(async () => {
    feeds = await serve((request, response) => {
      const half = request.url === "/a" ? TITLES.slice(0, 7) : TITLES.slice(7);
      response.writeHead(200).end(rss(half, request.url === "/a" ? "a" : "b"));
    });
    // Every fifth request fails with a 500: its retry is a request like any other.
    llm = await fakeLlm((r, n) => (n % 5 === 0 ? { kind: "status", status: 500 } : faithful(r)), {
      latencyMs: 100,
    });
    db = await freshPostgres();
    dir = await mkdtemp(join(tmpdir(), "wirewatch-limit-"));
    await writeFile(
      join(dir, "wirewatch.yaml"),
      `feeds:
  - { id: a, url: "${feeds.url}/a", language: ar }
  - { id: b, url: "${feeds.url}/b", language: ar }
fetch: { allowLoopback: true, hostGap: 0s }
queue: { redisUrl: "${REDIS_URL}", prefix: ww${randomBytes(4).toString("hex")}, concurrency: 4 }
store: { url: "${db.url}" }
translate: { provider: openai, baseURL: "${llm.url}", apiKey: k, model: m, batchSize: 1, requestsPerMinute: ${LIMIT}, maxRetries: 3 }
# Headline requests only, so the count is the translation stage's.
stories: { summaries: false }
`,
    );
    workers = [spawnWorker(join(dir, "wirewatch.yaml")), spawnWorker(join(dir, "wirewatch.yaml"))];
    await Promise.all(workers.map((w) => w.ready));
  });
  afterAll(async () => {
    for (const w of workers) w.child.kill("SIGKILL");
    await Promise.all([feeds.close(), llm.close()]);
    await db.drop();
  });

  it("never lets more than the limit start in any 60 s window, retries included, and translates all", async () => {
    const run = await runCli(["run", "--once", "--config", "wirewatch.yaml"], dir).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    const logs = workers.map((w) => w.log()).join("\n");
    expect(run.code, `${run.stderr}\n${logs}`).toBe(0);
    const rows = await db.db.query<{ status: string; n: number }>(
      "select translation_status as status, count(*)::int as n from articles group by 1",
    );
    expect(rows).toEqual([{ status: "done", n: TITLES.length }]);
    // Every title once, and the failed ones again: more than a minute's worth.
    expect(llm.times.length).toBeGreaterThan(TITLES.length);
    expect(busiestMinute(llm.times)).toBeLessThanOrEqual(LIMIT);
    // Both processes sent requests: the limit held between them, not only within one.
    for (const w of workers) expect(w.log()).toContain('"msg":"headlines translated"');
    const span = Math.max(...llm.times) - Math.min(...llm.times);
    expect(span).toBeGreaterThanOrEqual(60_000);
  }, 240_000);
});
