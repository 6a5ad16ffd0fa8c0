import type { FastifyInstance } from "fastify";
import type { Registry } from "prom-client";
import type { ServerDeps } from "../server-deps.js";

export function healthRoutes(app: FastifyInstance, deps: ServerDeps, metrics: Registry): void {
  app.get(
    "/healthz",
    { schema: { summary: "200 when the store answers, 503 when it does not (no token needed)" } },
    async (_request, reply) => {
      try {
        await deps.db.query("select 1");
        return { ok: true };
      } catch (error) {
        deps.log.warn({ err: (error as Error).message }, "health check: the store does not answer");
        return reply.code(503).send({ ok: false, error: "the store does not answer" });
      }
    },
  );
  app.get(
    "/metrics",
    { schema: { summary: "Prometheus metrics", hide: true } },
    async (_request, reply) => reply.type(metrics.contentType).send(await metrics.metrics()),
  );
}
