import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const TSX = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
const CLI = join(import.meta.dirname, "../../src/cli.ts");

export interface WorkerProcess {
  child: ChildProcess;
  /** Everything it logged, for the assertion message when a test fails. */
  log: () => string;
  /** Resolves once it has logged the line that says it is up. */
  ready: Promise<void>;
  exited: Promise<number | null>;
}

/**
 * A long-running wirewatch command (worker, run, serve) as its own process, the way an operator
 * starts one; `ready` resolves when its log holds `readyMessage`.
 */
export function spawnCommand(
  args: string[],
  readyMessage: string,
  options: { cwd?: string; env?: Record<string, string | undefined> } = {},
): WorkerProcess {
  const child = spawn(process.execPath, ["--import", TSX, CLI, ...args], {
    cwd: options.cwd,
    env: { ...process.env, WIREWATCH_LOG_LEVEL: "info", ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(`"msg":"${readyMessage}"`)) resolve();
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) =>
      reject(new Error(`${args[0]} exited (${code}) before it was up:\n${output}`)),
    );
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => resolve(code)),
  );
  return { child, log: () => output, ready, exited };
}

/** `wirewatch worker`, ready once its workers have started. */
export function spawnWorker(
  configFile: string,
  args: string[] = [],
  options: { schedulers?: boolean } = {},
): WorkerProcess {
  const schedulers = options.schedulers ? [] : ["--no-schedulers"];
  return spawnCommand(
    ["worker", "--config", configFile, ...schedulers, ...args],
    "workers started",
  );
}
