import { createBullBoard } from "@bull-board/api";
import { BullMQAdapter } from "@bull-board/api/bullMQAdapter";
import { FastifyAdapter } from "@bull-board/fastify";
import type { FastifyPluginAsync } from "fastify";
import { queueCounts } from "./operations.js";
import type { StageQueues } from "./queues.js";

export const BOARD_PATH = "/admin/queues";

/** bull-board over every stage's queue, as a Fastify plugin for the server to mount. */
export function queueBoard(queues: StageQueues): FastifyPluginAsync {
  const adapter = new FastifyAdapter();
  adapter.setBasePath(BOARD_PATH);
  createBullBoard({
    queues: [...queues.queues.values()].map((q) => new BullMQAdapter(q)),
    serverAdapter: adapter,
  });
  return adapter.registerPlugin() as FastifyPluginAsync;
}

/** Jobs per stage and state, for /metrics. */
export async function queueDepths(
  queues: StageQueues,
): Promise<{ stage: string; state: string; jobs: number }[]> {
  return (await queueCounts(queues)).flatMap((c) =>
    (["waiting", "active", "delayed", "failed"] as const).map((state) => ({
      stage: c.stage,
      state,
      jobs: c[state],
    })),
  );
}
