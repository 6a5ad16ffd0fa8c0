import { randomBytes } from "node:crypto";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freshPostgres, type TestDatabase } from "./helpers/databases.js";
import { REDIS_URL } from "./helpers/redis.js";
import { spawnWorker, type WorkerProcess } from "./helpers/workers.js";

describe("a deployment's queues are bound to its database", () => {
  const dbs: TestDatabase[] = [];
  const workers: WorkerProcess[] = [];
  afterAll(async () => {
    for (const w of workers) w.child.kill("SIGKILL");
    for (const db of dbs) await db.drop();
  });

  it("refuses a worker whose database is not the one the queues were made for", async () => {
    const prefix = `ww${randomBytes(4).toString("hex")}`;
    const dir = await mkdtemp(join(tmpdir(), "wirewatch-bind-"));
    const files: string[] = [];
    for (const name of ["right", "wrong"]) {
      const db = await freshPostgres();
      dbs.push(db);
      const file = join(dir, `${name}.yaml`);
      await writeFile(
        file,
        `feeds: [{ id: f, url: "https://x.example/rss" }]
store: { url: "${db.url}" }
queue: { redisUrl: "${REDIS_URL}", prefix: ${prefix} }
`,
      );
      files.push(file);
    }
    const first = spawnWorker(files[0] as string);
    workers.push(first);
    await first.ready;
    const second = spawnWorker(files[1] as string);
    workers.push(second);
    second.ready.catch(() => undefined);
    expect(await second.exited).toBe(1);
    expect(second.log()).toContain(
      `the queues under prefix "${prefix}" belong to another database`,
    );
    // The same database again is welcome.
    const third = spawnWorker(files[0] as string);
    workers.push(third);
    await third.ready;
  });
});
