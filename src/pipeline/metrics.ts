import { Counter, Histogram, Registry } from "prom-client";
import type { StageName } from "./stages.js";

/**
 * This process's own measures of the work it does, for /metrics: how long each stage's jobs
 * take and how many fail. What the store knows (articles, feeds, tokens, deliveries) is read
 * when scraped, by the server.
 */
export const registry = new Registry();

const stageSeconds = new Histogram({
  name: "wirewatch_stage_duration_seconds",
  help: "Time a stage's job took, by stage",
  labelNames: ["stage"],
  buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
  registers: [registry],
});

const stageFailures = new Counter({
  name: "wirewatch_stage_failures_total",
  help: "Jobs that failed (each attempt), by stage",
  labelNames: ["stage"],
  registers: [registry],
});

/** Runs one stage's job, timing it and counting it when it throws. */
export async function measured<T>(stage: StageName, job: () => Promise<T>): Promise<T> {
  const stop = stageSeconds.startTimer({ stage });
  try {
    return await job();
  } catch (error) {
    stageFailures.inc({ stage });
    throw error;
  } finally {
    stop();
  }
}
