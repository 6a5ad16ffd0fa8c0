import { readdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Database } from "./database.js";

/** Numbered, append-only SQL files; the same path from src/ and from dist/. */
export const MIGRATIONS_DIR = fileURLToPath(new URL("../../migrations/", import.meta.url));

// Any constant will do; it only has to be the same for every wirewatch process on one database.
const MIGRATION_LOCK = 7_736_001;

/** Applies the migrations not yet applied, in order, once even when many workers start together. */
export async function migrate(db: Database, dir = MIGRATIONS_DIR): Promise<number[]> {
  const files = (await readdir(dir)).filter((f) => /^\d{4}_.+\.sql$/.test(f)).sort();
  return db.transaction(async (tx) => {
    await tx.query("select pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    await tx.exec(
      "create table if not exists schema_migrations (version integer primary key, name text not null, applied_at timestamptz not null default now())",
    );
    const applied = new Set(
      (await tx.query<{ version: number }>("select version from schema_migrations")).map(
        (row) => row.version,
      ),
    );
    const done: number[] = [];
    for (const file of files) {
      const version = Number(file.slice(0, 4));
      if (applied.has(version)) continue;
      await tx.exec(await readFile(`${dir}/${file}`, "utf8"));
      await tx.query("insert into schema_migrations (version, name) values ($1, $2)", [
        version,
        file,
      ]);
      done.push(version);
    }
    return done;
  });
}
