import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";

// Resolved from here, so the command can run in any working folder.
const TSX = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
const CLI = join(import.meta.dirname, "../../src/cli.ts");

/** Runs the wirewatch command from source, as a user would, in the given folder. */
export function runCli(args: string[], cwd = process.cwd(), env: Record<string, string> = {}) {
  return promisify(execFile)(process.execPath, ["--import", TSX, CLI, ...args], {
    cwd,
    env: { ...process.env, WIREWATCH_LOG_LEVEL: "error", ...env },
  });
}
