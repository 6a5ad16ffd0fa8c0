import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgres } from "../src/store/postgres.js";
import { freshPostgres, POSTGRES_URL, type TestDatabase } from "./helpers/databases.js";

describe("PostgreSQL ending a connection in the middle of a transaction", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshPostgres();
  });
  afterAll(async () => {
    await t.drop();
  });

  it("fails that transaction, keeps the process alive, and the next query gets a new connection", async () => {
    const lost: string[] = [];
    const db = await openPostgres(t.url as string, { onError: (e) => lost.push(e.message) });
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    try {
      const failed = await db
        .transaction(async (tx) => {
          const [me] = await tx.query<{ pid: number }>("select pg_backend_pid() as pid");
          // As `pg_ctl stop -m fast` does to every open transaction.
          await admin.query("select pg_terminate_backend($1)", [me?.pid]);
          await new Promise((resolve) => setTimeout(resolve, 300));
          await tx.query("select 1");
        })
        .catch((error: Error) => error);
      expect(failed).toBeInstanceOf(Error);
      expect(lost.join(" ")).toMatch(/terminating connection due to administrator command/);
      expect(await db.query("select 1 as one")).toEqual([{ one: 1 }]);
      expect(await db.transaction((tx) => tx.query("select 2 as two"))).toEqual([{ two: 2 }]);
    } finally {
      await admin.end();
      await db.close();
    }
  });
});
