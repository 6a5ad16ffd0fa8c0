import type { Env } from "./env.js";

/** The one place wirewatch reads its environment; everything else gets values from the config. */
export function processEnv(): Env {
  return { ...process.env };
}

export function logLevel(env: Env): string {
  return env.WIREWATCH_LOG_LEVEL ?? "info";
}
