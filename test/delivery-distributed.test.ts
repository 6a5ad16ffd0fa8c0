import { randomBytes } from "node:crypto";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../src/config/index.js";
import { dayOf } from "../src/digest/day.js";
import { connectRedis } from "../src/pipeline/distributed/connection.js";
import { StageQueues } from "../src/pipeline/distributed/queues.js";
import { waitUntilIdle } from "../src/pipeline/distributed/run-distributed.js";
import { WATCHLIST_YAML } from "./helpers/config.js";
import { freshPostgres, type TestDatabase } from "./helpers/databases.js";
import { serve, type TestServer } from "./helpers/http-server.js";
import { REDIS_URL } from "./helpers/redis.js";
import { type Receiver, startReceiver } from "./helpers/webhook-receiver.js";
import { spawnWorker, type WorkerProcess } from "./helpers/workers.js";

const SECRET = "distributed-secret-0123456789";

/** Our own feed: two reports of one attack, both naming the watched group. */
const rss = (now: Date) => `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Wire</title><link>https://wire.example/</link>
<item><title>Islamic State claims checkpoint attack near Mosul</title><link>https://wire.example/1</link>
<description>Islamic State said its fighters attacked an army checkpoint south of Mosul, killing 7 soldiers.</description>
<pubDate>${now.toUTCString()}</pubDate></item>
<item><title>Seven soldiers killed near Mosul, Islamic State says</title><link>https://wire.example/2</link>
<description>Seven Iraqi soldiers were killed at a checkpoint south of Mosul; Islamic State claimed the attack.</description>
<pubDate>${now.toUTCString()}</pubDate></item>
</channel></rss>`;

describe("delivery on the queue: workers send alerts and digests as delivery jobs", () => {
  let feeds: TestServer;
  let hook: Receiver;
  let db: TestDatabase;
  let queues: StageQueues;
  let worker: WorkerProcess;
  let close: () => void;

  beforeAll(async () => {
    const body = rss(new Date());
    feeds = await serve((_request, response) => response.writeHead(200).end(body));
    hook = await startReceiver(SECRET);
    db = await freshPostgres();
    const dir = await mkdtemp(join(tmpdir(), "wirewatch-deliver-q-"));
    const text = `feeds: [{ id: wire, url: "${feeds.url}/rss", language: en }]
fetch: { allowLoopback: true, hostGap: 0s }
store: { url: "${db.url}" }
queue: { redisUrl: "${REDIS_URL}", prefix: ww${randomBytes(4).toString("hex")}, lockDuration: 3s }
digest: { outDir: "${join(dir, "digests")}", formats: [json] }
${WATCHLIST_YAML}
delivery:
  allowLoopback: true
  channels:
    - { id: ops, type: webhook, url: "${hook.url}", secret: "${SECRET}", alerts: true }
`;
    const file = join(dir, "wirewatch.yaml");
    await writeFile(file, text);
    const redis = connectRedis(REDIS_URL, () => undefined);
    queues = new StageQueues(parseConfig(text, file, {}), redis);
    close = () => redis.disconnect();
    worker = spawnWorker(file);
    await worker.ready;
  });
  afterAll(async () => {
    worker.child.kill("SIGKILL");
    await queues.close();
    close();
    await Promise.all([feeds.close(), hook.close()]);
    await db.drop();
  });

  it("an alert refused once is retried by its job and arrives once", async () => {
    hook.failFirst = 1;
    await queues.add([{ stage: "fetch", ids: ["wire"] }], "first");
    await waitUntilIdle(queues);
    expect(hook.attempts, worker.log()).toBe(2);
    expect(hook.received.map((r) => [r.event, r.signed])).toEqual([["alert", true]]);
    const [row] = await db.db.query<{ status: string; attempts: number; last_error: string }>(
      "select status, attempts, last_error from deliveries",
    );
    expect(row).toMatchObject({ status: "sent", attempts: 2, last_error: null });
    expect(worker.log()).toContain('"msg":"delivery failed"');
  });

  it("the digest job delivers the digest, and a second digest job of the day sends nothing", async () => {
    const day = dayOf(new Date(), "UTC");
    await queues.add([{ stage: "digest", ids: [day] }], "one");
    await waitUntilIdle(queues);
    await queues.add([{ stage: "digest", ids: [day] }], "two");
    await waitUntilIdle(queues);
    const digests = hook.received.filter((r) => r.event === "digest");
    expect(digests, worker.log()).toHaveLength(1);
    const body = digests[0]?.body as { figures: { stories: number } } | undefined;
    expect(body?.figures.stories).toBe(1);
  });
});
