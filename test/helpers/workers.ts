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
  ready: Promise<void>;
  exited: Promise<number | null>;
}

/** `wirewatch worker` as its own process, the way an operator starts one. */
export function spawnWorker(
  configFile: string,
  args: string[] = [],
  options: { schedulers?: boolean } = {},
): WorkerProcess {
  const schedulers = options.schedulers ? [] : ["--no-schedulers"];
  const child = spawn(
    process.execPath,
    ["--import", TSX, CLI, "worker", "--config", configFile, ...schedulers, ...args],
    {
      env: { ...process.env, WIREWATCH_LOG_LEVEL: "info" },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('"msg":"workers started"')) resolve();
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) =>
      reject(new Error(`worker exited (${code}) before it started:\n${output}`)),
    );
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => resolve(code)),
  );
  return { child, log: () => output, ready, exited };
}
