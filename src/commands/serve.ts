import type { Config } from "../config/index.js";
import type { Logger } from "../lib/logger.js";
import type { Context } from "../pipeline/context.js";
import { createContext } from "../pipeline/context.js";
import { queueBoard, queueDepths } from "../pipeline/distributed/board.js";
import type { StageQueues } from "../pipeline/distributed/queues.js";
import { type RunningServer, startServer } from "../server/app.js";
import { openDistributed } from "./distributed.js";
import { untilSignal } from "./signals.js";

/** The server over this process's store, with the queues' board and depths when there are queues. */
export function serveWith(ctx: Context, queues?: StageQueues): Promise<RunningServer> {
  return startServer({
    db: ctx.db,
    config: ctx.config,
    log: ctx.log,
    queueDepths: queues ? () => queueDepths(queues) : undefined,
    board: queues ? queueBoard(queues) : undefined,
  });
}

/**
 * `wirewatch serve`: the API, the page and the metrics until SIGTERM or SIGINT. On PostgreSQL
 * beside any number of workers; on the embedded store only when no other process has it open
 * (else `run` serves, from the process that owns the store).
 */
export async function serveCommand(config: Config, log: Logger): Promise<void> {
  if (!config.serve)
    throw new Error("serve needs a serve block in the config: serve: { host, port, token }");
  if (config.queue.redisUrl) {
    const d = await openDistributed(config, log);
    const server = await serveWith(d.ctx, d.queues);
    try {
      await untilSignal();
    } finally {
      await server.close();
      await d.close();
    }
    return;
  }
  const ctx = await createContext(config, { log });
  const server = await serveWith(ctx);
  try {
    await untilSignal();
  } finally {
    await server.close();
    await ctx.close();
  }
}
