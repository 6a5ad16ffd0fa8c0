import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";

const digest = (text: string) => createHash("sha256").update(text).digest();

/** The token a request carries: the Authorization header, else the page's cookie. */
function tokenOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith("Bearer ")) return header.slice("Bearer ".length);
  const cookie = request.headers.cookie
    ?.split(";")
    .map((c) => c.trim())
    .find((c) => c.startsWith("wirewatch_token="));
  return cookie ? decodeURIComponent(cookie.slice("wirewatch_token=".length)) : undefined;
}

/**
 * A hook that answers 401 unless the request carries the token. Compared as SHA-256 digests in
 * constant time, so neither the token's length nor its first differing byte shows in the time.
 */
export function requireToken(token: string) {
  const expected = digest(token);
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const given = tokenOf(request);
    if (given !== undefined && timingSafeEqual(digest(given), expected)) return;
    reply
      .code(401)
      .header("WWW-Authenticate", 'Bearer realm="wirewatch"')
      .send({ error: "unauthorized", message: "send Authorization: Bearer <serve.token>" });
    return reply;
  };
}
