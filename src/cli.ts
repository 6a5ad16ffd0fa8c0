#!/usr/bin/env node
import { readFileSync } from "node:fs";
import { Command, InvalidArgumentError } from "commander";
import { type Config, ConfigError, loadConfig, logLevel, processEnv } from "./config/index.js";
import { runDemo } from "./demo/run-demo.js";
import { buildDigest } from "./digest/build.js";
import { dayOf, isDay } from "./digest/day.js";
import { createLogger, type Logger } from "./lib/logger.js";
import { createContext } from "./pipeline/context.js";
import { formatPass } from "./pipeline/pass-report.js";
import { pollForever } from "./pipeline/poll-loop.js";
import { runOnce } from "./pipeline/run-once.js";
import { listFeeds } from "./store/feeds.js";

const VERSION = (
  JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
    version: string;
  }
).version;

function main(argv: string[]): Promise<void> {
  const env = processEnv();
  const log = createLogger(logLevel(env));
  const program = new Command("wirewatch")
    .description("Multilingual news monitoring: feeds to tagged English digests")
    .version(VERSION)
    .showHelpAfterError();
  const configOption = ["-c, --config <file>", "config file", "wirewatch.yaml"] as const;

  program
    .command("run")
    .description("poll the feeds, process what they bring, and build the daily digest")
    .option(...configOption)
    .option("--once", "one pass over every feed, then exit")
    .action(async (opts: { config: string; once?: boolean }) => {
      const config = await loadConfig(opts.config, env);
      await withContext(config, log, async (ctx) => {
        if (opts.once) {
          const stats = await runOnce(ctx);
          const configured = new Set(config.feeds.map((f) => f.id));
          console.log(formatPass(stats, await listFeeds(ctx.db), configured));
          if (stats.failed.length > 0) process.exitCode = 1;
          return;
        }
        const stop = new AbortController();
        for (const signal of ["SIGINT", "SIGTERM"] as const)
          process.once(signal, () => stop.abort());
        await pollForever(ctx, stop.signal);
      });
    });

  program
    .command("digest")
    .description("build the digest of one day now")
    .option(...configOption)
    .option("--date <YYYY-MM-DD>", "the day (default: today in the config's time zone)", parseDay)
    .option("--format <format>", "md", parseFormat, "md")
    .option("--out <file>", "where to write it (default: <digest.outDir>/<date>.md)")
    .action(async (opts: { config: string; date?: string; out?: string }) => {
      const config = await loadConfig(opts.config, env);
      await withContext(config, log, async (ctx) => {
        const day = opts.date ?? dayOf(ctx.now(), config.timezone);
        const digest = await buildDigest(ctx.db, config, day, opts.out);
        console.log(`${digest.path} (${digest.articleCount} articles)`);
      });
    });

  program
    .command("demo")
    .description("serve the bundled sample feeds on loopback and run the whole pipeline on them")
    .action(async () => {
      const report = await runDemo(log);
      console.log(`Digest written to ${report.digestPath}`);
      for (const feed of report.feeds) {
        console.log(
          `  feed ${feed.id}: ${feed.ok ? `ok, ${feed.items} items` : `failed: ${feed.error}`}`,
        );
      }
      console.log(
        `  articles by language: ${Object.entries(report.languages)
          .map(([l, n]) => `${l} ${n}`)
          .join(", ")}`,
      );
      console.log(
        `  top entities: ${report.topEntities.map((e) => `${e.name} (${e.articles})`).join(", ")}`,
      );
    });

  return program.parseAsync(argv).then(() => undefined);
}

async function withContext(
  config: Config,
  log: Logger,
  fn: (ctx: Awaited<ReturnType<typeof createContext>>) => Promise<void>,
) {
  const ctx = await createContext(config, { log });
  try {
    await fn(ctx);
  } finally {
    await ctx.close();
  }
}

function parseDay(value: string): string {
  if (!isDay(value)) throw new InvalidArgumentError("expected a date as YYYY-MM-DD");
  return value;
}

function parseFormat(value: string): string {
  if (value !== "md") throw new InvalidArgumentError("the formats are: md");
  return value;
}

main(process.argv).catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exitCode = 2;
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  const cause =
    error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : "";
  console.error(`wirewatch: ${message}${cause}`);
  process.exitCode = 1;
});
