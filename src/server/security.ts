import type { FastifyInstance } from "fastify";

// The page loads its own script and style and talks to its own API: nothing else, ever.
const PAGE_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

// A stored HTML digest is a document of inline styles and links: no script runs in it.
export const DIGEST_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

/** Headers on every answer but bull-board's (which brings its own page). */
export function secureHeaders(app: FastifyInstance): void {
  app.addHook("onSend", async (request, reply, payload) => {
    if (request.url.startsWith("/admin/")) return payload;
    if (!reply.hasHeader("Content-Security-Policy"))
      reply.header("Content-Security-Policy", PAGE_POLICY);
    reply.header("X-Content-Type-Options", "nosniff");
    reply.header("Referrer-Policy", "no-referrer");
    reply.header("X-Frame-Options", "DENY");
    return payload;
  });
}
