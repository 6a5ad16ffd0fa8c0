import { mkdir } from "node:fs/promises";
import { PGlite, type Transaction } from "@electric-sql/pglite";
import type { Database, Sql } from "./database.js";
import { lockFolder } from "./folder-lock.js";

// PGlite's default of 128 MB of shared buffers costs that much resident memory; 64 MB keeps
// the article and band indexes of a week in memory for a few percent less speed.
const SETTINGS = ["shared_buffers=64MB"];

/** The embedded store: PostgreSQL compiled to WebAssembly, in a local folder (or in memory). */
export async function openPglite(path: string | undefined): Promise<Database> {
  if (path) await mkdir(path, { recursive: true });
  // Two processes on one folder corrupt it: one at a time.
  const release = path ? await lockFolder(path) : async () => undefined;
  let pg: PGlite;
  try {
    pg = await PGlite.create({ ...(path ? { dataDir: path } : {}), postgresqlconf: SETTINGS });
  } catch (error) {
    await release();
    throw error;
  }
  const sqlOf = (target: PGlite | Transaction): Sql => ({
    query: async <R>(text: string, params?: readonly unknown[]) =>
      (await target.query<R>(text, params ? [...params] : undefined)).rows,
    exec: async (text) => {
      await target.exec(text);
    },
  });
  let closing: Promise<void> | undefined;
  return {
    kind: "pglite",
    ...sqlOf(pg),
    transaction: (fn) => pg.transaction((tx) => fn(sqlOf(tx))),
    close: () => {
      closing ??= pg.close().finally(release);
      return closing;
    },
  };
}
