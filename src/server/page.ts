import { readFileSync } from "node:fs";
import type { FastifyInstance } from "fastify";

// The page: three static files, no build step (see web/app.js for why).
const WEB = new URL("../../web/", import.meta.url);
const FILES = {
  "/": ["index.html", "text/html; charset=utf-8"],
  "/app.js": ["app.js", "text/javascript; charset=utf-8"],
  "/app.css": ["app.css", "text/css; charset=utf-8"],
} as const;

export function pageRoutes(app: FastifyInstance): void {
  // Browsers ask for it whatever the page says; there is none.
  app.get("/favicon.ico", { schema: { hide: true } }, async (_request, reply) =>
    reply.code(204).send(),
  );
  for (const [path, [file, type]] of Object.entries(FILES)) {
    const content = readFileSync(new URL(file, WEB));
    app.get(path, { schema: { hide: true } }, async (_request, reply) =>
      reply.type(type).header("Cache-Control", "no-cache").send(content),
    );
  }
}
