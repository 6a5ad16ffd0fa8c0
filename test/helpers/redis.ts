import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { Redis } from "ioredis";

/** The machine's Redis; CI starts it when it is not answering. Tests isolate by key prefix. */
export const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function ping(url: string): Promise<boolean> {
  const redis = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  redis.on("error", () => undefined);
  try {
    await redis.connect();
    return (await redis.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

export interface OwnRedis {
  url: string;
  /** Stops the server the way a restart does (it writes its append-only file first). */
  stop(): Promise<void>;
  start(): Promise<void>;
}

/**
 * A redis-server of the test's own on a free loopback port, with an append-only file so a
 * restart keeps the queues, as a production Redis would be set up.
 */
export async function ownRedis(): Promise<OwnRedis> {
  const port = await freePort();
  const dir = await mkdtemp(join(tmpdir(), "wirewatch-redis-"));
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn(
      "redis-server",
      [
        "--port",
        String(port),
        "--bind",
        "127.0.0.1",
        "--dir",
        dir,
        "--appendonly",
        "yes",
        "--save",
        "",
      ],
      { stdio: "ignore" },
    );
    for (let i = 0; i < 100 && !(await ping(url)); i++) await sleep(50);
  };
  const stop = async () => {
    const exited = new Promise((resolve) => child?.once("exit", resolve));
    child?.kill("SIGTERM");
    await exited;
  };
  await start();
  return { url, start, stop };
}
