import type { FastifyInstance } from "fastify";
import { storedDigest } from "../../store/search.js";
import { clientError } from "../errors.js";
import { clientErrors, day } from "../schemas.js";
import { DIGEST_POLICY } from "../security.js";
import type { ServerDeps } from "../server-deps.js";

const TYPES = {
  md: "text/markdown; charset=utf-8",
  html: "text/html; charset=utf-8",
  json: "application/json; charset=utf-8",
} as const;

export function digestRoutes(app: FastifyInstance, deps: ServerDeps): void {
  app.get<{ Params: { day: string }; Querystring: { format: keyof typeof TYPES } }>(
    "/api/digests/:day",
    {
      schema: {
        summary: "A day's digest as it was built (wirewatch digest, or the daily schedule)",
        params: { type: "object", properties: { day }, required: ["day"] },
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: { format: { type: "string", enum: ["md", "html", "json"], default: "json" } },
        },
        response: { ...clientErrors },
      },
    },
    async (request, reply) => {
      const { day: date } = request.params;
      const { format } = request.query;
      if (Number.isNaN(Date.parse(date))) return clientError(reply, 400, `${date} is not a date`);
      const content = await storedDigest(deps.db, date, format);
      if (content === undefined)
        return clientError(
          reply,
          404,
          `no ${format} digest of ${date}: build it with wirewatch digest --date ${date} --format ${format}`,
        );
      if (format === "html") reply.header("Content-Security-Policy", DIGEST_POLICY);
      return reply.type(TYPES[format]).send(content);
    },
  );
}
