import { Gauge, Registry } from "prom-client";
import { registry as pipelineRegistry } from "../pipeline/metrics.js";
import type { Sql } from "../store/database.js";
import type { ServerDeps } from "./server-deps.js";

/** Rows of (labels, value) read from the store when /metrics is scraped. */
type Reading = { labels: Record<string, string>; value: number }[];

function storeGauge(
  registry: Registry,
  name: string,
  help: string,
  labelNames: string[],
  read: () => Promise<Reading>,
): void {
  new Gauge({
    name,
    help,
    labelNames,
    registers: [registry],
    async collect() {
      this.reset();
      for (const { labels, value } of await read()) this.set(labels, value);
    },
  });
}

const rows = <R>(db: Sql, sql: string) => db.query<R>(sql);

/**
 * The gauges of /metrics: what the store holds (read when scraped), the queues' depths with a
 * queue, and this process's stage timings and failures.
 */
export function metricsRegistry(deps: ServerDeps): Registry {
  const registry = new Registry();
  const { db } = deps;
  storeGauge(
    registry,
    "wirewatch_articles",
    "Articles stored, by language",
    ["language"],
    async () =>
      (
        await rows<{ language: string; n: number }>(
          db,
          "select language, count(*)::float8 as n from articles group by language",
        )
      ).map((r) => ({ labels: { language: r.language }, value: r.n })),
  );
  storeGauge(registry, "wirewatch_feeds_failing", "Feeds whose last poll failed", [], async () => {
    const [r] = await rows<{ n: number }>(
      db,
      "select count(*)::float8 as n from feeds where last_error is not null",
    );
    return [{ labels: {}, value: r?.n ?? 0 }];
  });
  storeGauge(
    registry,
    "wirewatch_tokens",
    "Tokens spent on translation, by model and kind",
    ["model", "kind"],
    async () =>
      (
        await rows<{ model: string; prompt: number; completion: number }>(
          db,
          `select model, sum(prompt_tokens)::float8 as prompt, sum(completion_tokens)::float8 as completion
           from token_usage group by model`,
        )
      ).flatMap((r) => [
        { labels: { model: r.model, kind: "prompt" }, value: r.prompt },
        { labels: { model: r.model, kind: "completion" }, value: r.completion },
      ]),
  );
  storeGauge(
    registry,
    "wirewatch_deliveries",
    "Outbox messages, by channel and status",
    ["channel", "status"],
    async () =>
      (
        await rows<{ channel: string; status: string; n: number }>(
          db,
          "select channel_id as channel, status, count(*)::float8 as n from deliveries group by 1, 2",
        )
      ).map((r) => ({ labels: { channel: r.channel, status: r.status }, value: r.n })),
  );
  const depths = deps.queueDepths;
  if (depths) {
    storeGauge(
      registry,
      "wirewatch_queue_jobs",
      "Jobs per stage and state",
      ["stage", "state"],
      async () =>
        (await depths()).map((d) => ({
          labels: { stage: d.stage, state: d.state },
          value: d.jobs,
        })),
    );
  }
  return Registry.merge([registry, pipelineRegistry]);
}
