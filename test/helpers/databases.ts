import { randomBytes } from "node:crypto";
import pg from "pg";
import type { Database } from "../../src/store/database.js";
import { migrate } from "../../src/store/migrate.js";
import { openPglite } from "../../src/store/pglite.js";
import { openPostgres } from "../../src/store/postgres.js";

/** The server the tests use; CI starts it when it is not answering. */
export const POSTGRES_URL =
  process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

export interface TestDatabase {
  db: Database;
  url?: string;
  drop(): Promise<void>;
}

/** A database of its own for one test file, on the real PostgreSQL server, migrated. */
export async function freshPostgres(): Promise<TestDatabase> {
  const name = `wirewatch_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  const db = await openPostgres(url.toString());
  await migrate(db);
  return {
    db,
    url: url.toString(),
    async drop() {
      await db.close();
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

export async function freshPglite(): Promise<TestDatabase> {
  const db = await openPglite(undefined);
  await migrate(db);
  return { db, drop: () => db.close() };
}

/** Both backends, so one suite proves the same SQL works on each. */
export const BACKENDS = [
  ["pglite", freshPglite],
  ["postgres", freshPostgres],
] as const;
