import { rm } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { loadConfig } from "../config/index.js";
import { buildDigest } from "../digest/build.js";
import { dayOf } from "../digest/day.js";
import type { Logger } from "../lib/logger.js";
import { createContext } from "../pipeline/context.js";
import { runOnce } from "../pipeline/run-once.js";
import type { Sql } from "../store/database.js";
import { listFeeds } from "../store/feeds.js";
import { serveDirectory } from "./feed-server.js";

const DEMO_DIR = fileURLToPath(new URL("../../assets/demo/", import.meta.url));

export interface DemoReport {
  /** The digest in each format the demo config lists (Markdown first). */
  digestPaths: string[];
  stories: { count: number; multilingual: number };
  feeds: { id: string; ok: boolean; items: number | null; error: string | null }[];
  languages: Record<string, number>;
  topEntities: { name: string; articles: number }[];
}

/** Serves the bundled feeds on loopback and runs the whole pipeline on them, from a clean store. */
export async function runDemo(
  log: Logger,
  dirs: { store?: string; digests?: string } = {},
): Promise<DemoReport> {
  const server = await serveDirectory(`${DEMO_DIR}feeds`);
  try {
    const config = await loadConfig(`${DEMO_DIR}wirewatch.demo.yaml`, {
      WIREWATCH_DEMO_URL: server.url,
    });
    if (dirs.store) config.store.path = dirs.store;
    if (dirs.digests) config.digest.outDir = dirs.digests;
    // The demo always starts afresh, so its digest shows exactly what this run found.
    await rm(config.store.path, { recursive: true, force: true });
    const ctx = await createContext(config, { log });
    try {
      await runOnce(ctx);
      const digest = await buildDigest(ctx.db, config, dayOf(ctx.now(), config.timezone));
      const feeds = (await listFeeds(ctx.db)).map((f) => ({
        id: f.id,
        ok: f.lastError === null,
        items: f.itemsLastSeen,
        error: f.lastError,
      }));
      return {
        digestPaths: digest.files.map((f) => f.path),
        stories: {
          count: digest.storyCount,
          multilingual: digest.document.stories.filter((s) => s.languages.length > 1).length,
        },
        feeds,
        ...(await summarise(ctx.db)),
      };
    } finally {
      await ctx.close();
    }
  } finally {
    await server.close();
  }
}

async function summarise(db: Sql) {
  const languages = await db.query<{ language: string; n: number }>(
    "select language, count(*)::int as n from articles group by language order by language",
  );
  const top = await db.query<{ name: string; articles: number }>(
    `select e.name, count(distinct m.article_id)::int as articles from mentions m
     join entities e on e.id = m.entity_id group by e.name order by articles desc, e.name limit 8`,
  );
  return {
    languages: Object.fromEntries(languages.map((r) => [r.language, r.n])),
    topEntities: top,
  };
}
