#!/usr/bin/env node
import { existsSync } from "node:fs";
import { Command, InvalidArgumentError } from "commander";
import { type DigestOptions, digestCommand } from "./commands/digest.js";
import { evaluateCommand } from "./commands/evaluate.js";
import { feedsCheck, feedsParse } from "./commands/feeds.js";
import { retranslateCommand } from "./commands/retranslate.js";
import { runCommand } from "./commands/run.js";
import { serveCommand } from "./commands/serve.js";
import { jobsCommand, statusCommand } from "./commands/status.js";
import { workerCommand } from "./commands/worker.js";
import { ConfigError, loadConfig, logLevel, processEnv } from "./config/index.js";
import { runDemo } from "./demo/run-demo.js";
import type { DigestFormat } from "./digest/build.js";
import { isDay } from "./digest/day.js";
import { createLogger } from "./lib/logger.js";
import { VERSION } from "./lib/version.js";
import { STAGE_NAMES, type StageName } from "./pipeline/stages.js";

function main(argv: string[]): Promise<void> {
  const env = processEnv();
  const log = createLogger(logLevel(env));
  const program = new Command("wirewatch")
    .description("Multilingual news monitoring: feeds to tagged English digests")
    .version(VERSION)
    .showHelpAfterError();
  const configOption = ["-c, --config <file>", "config file", "wirewatch.yaml"] as const;
  const load = (file: string) => loadConfig(file, env);

  program
    .command("run")
    .description(
      "poll the feeds, process what they bring, and build the daily digest (on BullMQ when REDIS_URL is set)",
    )
    .option(...configOption)
    .option("--once", "one pass over every feed, then exit")
    .action(async (opts: { config: string; once?: boolean }) => {
      process.exitCode = await runCommand(await load(opts.config), log, opts.once === true);
    });

  program
    .command("worker")
    .description("a distributed worker for some stages (needs REDIS_URL)")
    .option(...configOption)
    .option("--stages <list>", `comma-separated, of ${STAGE_NAMES.join(", ")}`, parseStages, [
      ...STAGE_NAMES,
    ])
    .option("--concurrency <n>", "jobs at once per stage", parsePositive)
    .option("--no-schedulers", "leave the feed and digest schedules to other processes")
    .action(
      async (opts: {
        config: string;
        stages: StageName[];
        concurrency?: number;
        schedulers: boolean;
      }) => {
        const config = await load(opts.config);
        const concurrency = opts.concurrency ?? config.queue.concurrency;
        await workerCommand(config, log, opts.stages, { concurrency, schedulers: opts.schedulers });
      },
    );

  program
    .command("serve")
    .description("the search API, the web page and /metrics (the config's serve block)")
    .option(...configOption)
    .action(async (opts: { config: string }) => serveCommand(await load(opts.config), log));

  program
    .command("status")
    .description("queue depths (with a queue), per-feed and per-channel health")
    .option(...configOption)
    .action(async (opts: { config: string }) => {
      process.exitCode = await statusCommand(await load(opts.config), log);
    });

  const jobs = program.command("jobs").description("failed jobs of a distributed deployment");
  for (const action of ["failed", "retry"] as const) {
    jobs
      .command(action)
      .description(
        action === "failed" ? "list failed jobs with their reasons" : "queue failed jobs again",
      )
      .option(...configOption)
      .option("--queue <stage>", `one of ${STAGE_NAMES.join(", ")}`, parseStage)
      .action(async (opts: { config: string; queue?: StageName }) =>
        jobsCommand(await load(opts.config), log, action, opts.queue),
      );
  }

  const feeds = program
    .command("feeds")
    .description("check the config's feeds, or read one feed document");
  feeds
    .command("check")
    .description("validate the config and probe every feed, one line each")
    .option(...configOption)
    .action(async (opts: { config: string }) => {
      process.exitCode = await feedsCheck(await load(opts.config));
    });
  feeds
    .command("parse <file-or-url>")
    .description("decode and parse one feed document exactly as the pipeline does")
    .option("--json", "one JSON object: format, encoding, items")
    .option(
      "-c, --config <file>",
      "take fetch settings (address guard, limits) from this config (default: ./wirewatch.yaml when there is one)",
    )
    .action(async (target: string, opts: { json?: boolean; config?: string }) => {
      const file = opts.config ?? (existsSync("wirewatch.yaml") ? "wirewatch.yaml" : undefined);
      const fetch = file ? (await load(file)).fetch : undefined;
      process.exitCode = await feedsParse(target, fetch, opts.json === true);
    });

  const evaluate = program.command("eval").description("quality on a labelled set (JSON Lines)");
  const evalDescriptions = {
    langid: "language identification accuracy",
    extract: "gazetteer extraction precision, recall and F1",
    stories: "same-event pairs: does b join a's story (precision, recall and F1)",
  } as const;
  for (const kind of ["langid", "extract", "stories"] as const) {
    evaluate
      .command(kind)
      .description(evalDescriptions[kind])
      .requiredOption("--data <file>", "labelled JSON Lines")
      .option("--json", "one JSON object")
      .option(
        "-c, --config <file>",
        "take languages, the watchlist and (stories) an embeddings endpoint from this config",
      )
      .action(async (opts: { data: string; json?: boolean; config?: string }) => {
        const config = opts.config ? await load(opts.config) : undefined;
        await evaluateCommand(kind, opts.data, opts.json === true, config);
      });
  }

  program
    .command("retranslate")
    .description("translate again what failed, or what came in while no provider was configured")
    .option(...configOption)
    .option("--since <YYYY-MM-DD>", "only articles first seen on or after this day", parseDay)
    .action(async (opts: { config: string; since?: string }) => {
      process.exitCode = await retranslateCommand(await load(opts.config), log, opts.since);
    });

  program
    .command("digest")
    .description("build the digest of one day now")
    .option(...configOption)
    .option("--date <YYYY-MM-DD>", "the day (default: today in the config's time zone)", parseDay)
    .option(
      "--format <format>",
      "md, html or json (default: the config's digest.formats)",
      parseFormat,
    )
    .option("--out <file>", "where to write it (default: <digest.outDir>/<date>.<format>)")
    .option("--send", "deliver it to every channel in delivery.channels that has not had it")
    .option("--resend", "deliver it to every channel, even those that had it")
    .action(async (opts: { config: string } & DigestOptions) => {
      process.exitCode = await digestCommand(await load(opts.config), log, opts);
    });

  program
    .command("demo")
    .description("serve the bundled sample feeds on loopback and run the whole pipeline on them")
    .action(async () => {
      const report = await runDemo(log);
      console.log(`Digest written to ${report.digestPaths.join(", ")}`);
      console.log(
        `  ${report.stories.count} stories, ${report.stories.multilingual} of them told in more than one language`,
      );
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

function parseStage(value: string): StageName {
  if (!(STAGE_NAMES as readonly string[]).includes(value)) {
    throw new InvalidArgumentError(`the stages are: ${STAGE_NAMES.join(", ")}`);
  }
  return value as StageName;
}

const parseStages = (value: string): StageName[] =>
  value.split(",").map((s) => parseStage(s.trim()));

function parsePositive(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidArgumentError("expected a whole number of 1 or more");
  return n;
}

function parseDay(value: string): string {
  if (!isDay(value))
    throw new InvalidArgumentError("expected a day of the calendar as YYYY-MM-DD, years 1 to 9998");
  return value;
}

const FORMATS: readonly DigestFormat[] = ["md", "html", "json"];

function parseFormat(value: string): DigestFormat {
  if (!(FORMATS as readonly string[]).includes(value))
    throw new InvalidArgumentError(`the formats are: ${FORMATS.join(", ")}`);
  return value as DigestFormat;
}

// A reader that stops early (`| head`) closes the pipe: the output ends there, as a killed
// writer's would (status 141, SIGPIPE's), without a stack trace.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
  process.exit(141);
});

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
