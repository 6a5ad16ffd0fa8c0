import swagger from "@fastify/swagger";
import Fastify, { type FastifyInstance } from "fastify";
import { VERSION } from "../lib/version.js";
import { requireToken } from "./auth.js";
import { metricsRegistry } from "./metrics.js";
import { pageRoutes } from "./page.js";
import { articleRoutes } from "./routes/articles.js";
import { digestRoutes } from "./routes/digests.js";
import { entityRoutes } from "./routes/entities.js";
import { feedRoutes } from "./routes/feeds.js";
import { healthRoutes } from "./routes/health.js";
import { storyRoutes } from "./routes/stories.js";
import { secureHeaders } from "./security.js";
import type { ServerDeps } from "./server-deps.js";

/** Whether a path needs the token: the API, the queue board, and metrics unless made public. */
function guarded(path: string, metricsPublic: boolean): boolean {
  return (
    path.startsWith("/api/") ||
    path.startsWith("/admin/") ||
    (path === "/metrics" && !metricsPublic)
  );
}

/**
 * The read-only HTTP face of the store: the JSON API (schemas checked on the way in, OpenAPI at
 * /api/openapi.json), health and metrics, the queue board with a queue, and the page at /.
 */
export async function buildServer(deps: ServerDeps): Promise<FastifyInstance> {
  // Nothing here takes a body; small limits keep a hostile request cheap.
  const app = Fastify({
    logger: false,
    bodyLimit: 4096,
    routerOptions: { maxParamLength: 300 },
    // An unknown parameter is a mistake to report, not something to drop silently.
    ajv: { customOptions: { removeAdditional: false } },
  });
  await app.register(swagger, {
    openapi: {
      info: { title: "wirewatch", version: VERSION },
      components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
      security: deps.config.serve?.token ? [{ bearer: [] }] : [],
    },
  });
  secureHeaders(app);
  const token = deps.config.serve?.token;
  if (token) {
    const check = requireToken(token);
    const metricsPublic = deps.config.serve?.metricsPublic ?? false;
    app.addHook("onRequest", async (request, reply) => {
      if (guarded(request.url.split("?")[0] ?? "", metricsPublic)) return check(request, reply);
    });
  }
  app.setErrorHandler(
    (error: Error & { statusCode?: number; validation?: unknown }, request, reply) => {
      if (error.validation || (error.statusCode && error.statusCode < 500))
        return reply
          .code(error.statusCode ?? 400)
          .send({ error: "bad request", message: error.message });
      deps.log.error({ err: error.message, url: request.url }, "request failed");
      return reply
        .code(500)
        .send({ error: "internal error", message: "the server failed: see its log" });
    },
  );
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({
      error: "not found",
      message: `no route ${request.method} ${request.url.split("?")[0]}`,
    }),
  );
  articleRoutes(app, deps);
  storyRoutes(app, deps);
  entityRoutes(app, deps);
  digestRoutes(app, deps);
  feedRoutes(app, deps);
  healthRoutes(app, deps, metricsRegistry(deps));
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());
  if (deps.board) await app.register(deps.board, { prefix: "/admin/queues" });
  pageRoutes(app);
  await app.ready();
  return app;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Listens on the config's host and port (port 0: any free one). */
export async function startServer(deps: ServerDeps): Promise<RunningServer> {
  const serve = deps.config.serve;
  if (!serve) throw new Error("the config has no serve block (serve: { host, port, token })");
  const app = await buildServer(deps);
  const address = await app.listen({ host: serve.host, port: serve.port });
  deps.log.info(
    { url: address, token: serve.token ? "required" : "none (loopback only)" },
    "serving",
  );
  return { url: address, close: () => app.close() };
}
