import type { Config } from "../config/index.js";
import type { Logger } from "../lib/logger.js";
import { queueBoard, queueDepths } from "../pipeline/distributed/board.js";
import type { StageQueues } from "../pipeline/distributed/queues.js";
import { openReader, type Reader } from "../pipeline/reader.js";
import { type RunningServer, startServer } from "../server/app.js";
import { openQueues } from "./distributed.js";
import { answerForStore } from "./holder.js";
import { untilSignal } from "./signals.js";

/** The server over this process's store, with the queues' board and depths when there are queues. */
export function serveWith(
  reader: Pick<Reader, "db" | "config" | "log">,
  queues?: StageQueues,
): Promise<RunningServer> {
  return startServer({
    db: reader.db,
    config: reader.config,
    log: reader.log,
    queueDepths: queues ? () => queueDepths(queues) : undefined,
    board: queues ? queueBoard(queues) : undefined,
  });
}

/**
 * `wirewatch serve`: the API, the page and the metrics until SIGTERM or SIGINT. On PostgreSQL
 * beside any number of workers; on the embedded store only when no other process has it open
 * (else `run` serves, from the process that owns the store). Reads only.
 */
export async function serveCommand(config: Config, log: Logger): Promise<void> {
  if (!config.serve)
    throw new Error("serve needs a serve block in the config: serve: { host, port, token }");
  const reader = await openReader(config, log);
  const q = config.queue.redisUrl ? openQueues(config, log) : undefined;
  const stopAnswering = await answerForStore(reader);
  try {
    const server = await serveWith(reader, q?.queues);
    try {
      await untilSignal();
    } finally {
      await server.close();
    }
  } finally {
    await stopAnswering();
    await q?.close();
    await reader.close();
  }
}
