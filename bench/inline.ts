import { execFileSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseConfig } from "../src/config/index.js";
import { serveFiles } from "../src/demo/feed-server.js";
import { silentLogger } from "../src/lib/logger.js";
import { createContext } from "../src/pipeline/context.js";
import { runOnce } from "../src/pipeline/run-once.js";
import { countArticles } from "../src/store/articles.js";
import { generateFeeds } from "./corpus.js";

export interface InlineResult {
  articles: number;
  seconds: number;
  articlesPerSecond: number;
  peakRssMB: number;
}

/** The inline pipeline, no LLM, fetch to store, over generated loopback feeds into PGlite on disk. */
export async function benchInline(feedCount = 50, perFeed = 100): Promise<InlineResult> {
  const feeds = generateFeeds(feedCount, perFeed);
  const server = await serveFiles(new Map(feeds.map((f) => [f.path, f.body])));
  const dir = await mkdtemp(join(tmpdir(), "wirewatch-bench-"));
  createStoreElsewhere(join(dir, "store"));
  try {
    const yaml = [
      "feeds:",
      ...feeds.map(
        (f, i) => `  - { id: f${i}, url: "${server.url}/${f.path}", language: ${f.language} }`,
      ),
      "fetch: { allowLoopback: true, hostGap: 0s }",
      `store: { path: "${join(dir, "store")}" }`,
    ].join("\n");
    const config = parseConfig(yaml, "bench.yaml", {});
    const ctx = await createContext(config, { log: silentLogger() });
    try {
      const started = performance.now();
      const stats = await runOnce(ctx);
      const seconds = (performance.now() - started) / 1000;
      if (stats.failed.length > 0)
        throw new Error(`bench run had failures: ${stats.failed[0]?.error}`);
      const articles = await countArticles(ctx.db);
      return {
        articles,
        seconds: round(seconds),
        articlesPerSecond: Math.round(articles / seconds),
        peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
      };
    } finally {
      await ctx.close();
    }
  } finally {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Creating a PGlite store runs initdb, which peaks near 0.8 GB once in a store's life; done in
 * a child process so the figure here is the pipeline's own, on a store that already exists.
 */
function createStoreElsewhere(path: string): void {
  const script = `import("./src/store/open.ts").then(async (m) => { const db = await m.openStore({ path: ${JSON.stringify(path)} }); await db.close(); })`;
  execFileSync(process.execPath, ["--import", "tsx", "-e", script], { stdio: "inherit" });
}

const round = (n: number) => Math.round(n * 100) / 100;
