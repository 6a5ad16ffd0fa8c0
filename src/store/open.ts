import type { Config } from "../config/index.js";
import type { Database } from "./database.js";
import { migrate } from "./migrate.js";
import { openPglite } from "./pglite.js";
import { openPostgres, type PostgresOptions } from "./postgres.js";

/** PostgreSQL when the config names one, else the embedded store in its folder; migrated. */
export async function openStore(
  store: Config["store"],
  options: PostgresOptions = {},
): Promise<Database> {
  const db = store.url ? await openPostgres(store.url, options) : await openPglite(store.path);
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
