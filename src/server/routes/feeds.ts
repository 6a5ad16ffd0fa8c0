import type { FastifyInstance } from "fastify";
import { listFeeds } from "../../store/feeds.js";
import type { ServerDeps } from "../server-deps.js";

export function feedRoutes(app: FastifyInstance, deps: ServerDeps): void {
  app.get(
    "/api/feeds",
    { schema: { summary: "Each feed's health: last success, failures in a row, last error" } },
    async () => {
      const configured = new Set(deps.config.feeds.map((f) => f.id));
      const feeds = await listFeeds(deps.db);
      return { items: feeds.filter((f) => configured.has(f.id)) };
    },
  );
}
