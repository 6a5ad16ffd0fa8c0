import { execFile, spawn } from "node:child_process";
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

/** Runs the command with its output closed at once, as `| head -0` would; its status and errors. */
export function runCliClosedOutput(args: string[], cwd = process.cwd()) {
  const child = spawn(process.execPath, ["--import", TSX, CLI, ...args], {
    cwd,
    env: { ...process.env, WIREWATCH_LOG_LEVEL: "error" },
  });
  child.stdout.destroy();
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise<{ code: number | null; stderr: string }>((resolve) =>
    child.on("close", (code) => resolve({ code, stderr })),
  );
}
