import pg from "pg";
import type { Database, Sql } from "./database.js";

export interface PostgresOptions {
  poolSize?: number;
  onError?: (error: Error) => void;
}

/** PostgreSQL through a connection pool; the same SQL as the embedded store. */
export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on("error", (error) => options.onError?.(error));
  const sqlOf = (client: pg.Pool | pg.PoolClient): Sql => ({
    query: async <R>(text: string, params?: readonly unknown[]) =>
      (await client.query(text, params ? [...params] : undefined)).rows as R[],
    exec: async (text) => {
      await client.query(text);
    },
  });
  await pool.query("select 1").catch(async (error: unknown) => {
    await pool.end().catch(() => undefined);
    throw error;
  });
  let closing: Promise<void> | undefined;
  return {
    kind: "postgres",
    ...sqlOf(pool),
    async transaction(fn) {
      const client = await pool.connect();
      // A client in a transaction is not the pool's: its connection dying (the server stopping,
      // an administrator's pg_terminate_backend) is an 'error' on the client itself, which
      // would end the process unheard. It fails the transaction instead, and the client is
      // thrown away rather than returned to the pool.
      let lost: Error | undefined;
      const onError = (error: Error) => {
        lost = error;
        options.onError?.(error);
      };
      client.on("error", onError);
      try {
        await client.query("begin");
        const result = await fn(sqlOf(client));
        await client.query("commit");
        return result;
      } catch (error) {
        await client.query("rollback").catch(() => undefined);
        throw error;
      } finally {
        client.off("error", onError);
        client.release(lost ?? false);
      }
    },
    close: () => {
      closing ??= pool.end();
      return closing;
    },
  };
}
