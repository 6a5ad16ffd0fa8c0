import type { FastifyReply } from "fastify";

/** A 4xx answer: always JSON, always saying what was wrong. */
export function clientError(reply: FastifyReply, status: 400 | 404, message: string) {
  return reply.code(status).send({ error: status === 404 ? "not found" : "bad request", message });
}
