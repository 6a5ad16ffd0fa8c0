import type { Redis } from "ioredis";
import type { Sql } from "../../store/database.js";

/** The queues under this prefix belong to another database. */
export class QueueBindingError extends Error {
  constructor(prefix: string, bound: string, mine: string) {
    super(
      `the queues under prefix "${prefix}" belong to another database (deployment ${bound}); this process's database is deployment ${mine}. ` +
        "Give each deployment its own queue.prefix (or point this process at the right DATABASE_URL)",
    );
    this.name = "QueueBindingError";
  }
}

/**
 * Binds the queues under a prefix to this database the first time, and refuses a process whose
 * database is another: the Redis key is set only when absent, so the first one to start wins.
 */
export async function bindQueues(redis: Redis, prefix: string, db: Sql): Promise<void> {
  const [row] = await db.query<{ id: string }>("select id from deployment limit 1");
  const mine = row?.id;
  if (!mine) throw new Error("the database has no deployment id: its migrations did not run");
  const key = `${prefix}:wirewatch:deployment`;
  await redis.set(key, mine, "NX");
  const bound = await redis.get(key);
  if (bound !== mine) throw new QueueBindingError(prefix, bound ?? "?", mine);
}
