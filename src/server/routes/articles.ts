import type { FastifyInstance } from "fastify";
import { searchQuery } from "../../extract/search-keys.js";
import { articleById, searchArticles } from "../../store/search.js";
import { decodeCursor, encodeCursor } from "../cursor.js";
import { clientError } from "../errors.js";
import { articleItem, clientErrors, id } from "../schemas.js";
import type { ServerDeps } from "../server-deps.js";

const MAX_LIMIT = 200;

interface ArticleQuery {
  q?: string;
  lang?: string;
  entity?: string;
  category?: string;
  feed?: string;
  from?: string;
  to?: string;
  limit: number;
  cursor?: string;
}

/** A day (the whole day, in UTC) or an instant; undefined when it is neither. */
function instant(text: string, endOfDay: boolean): Date | undefined {
  const isDay = /^\d{4}-\d{2}-\d{2}$/.test(text);
  const at = new Date(isDay ? `${text}T00:00:00Z` : text);
  if (Number.isNaN(at.getTime())) return undefined;
  return isDay && endOfDay ? new Date(at.getTime() + 86_400_000) : at;
}

export function articleRoutes(app: FastifyInstance, deps: ServerDeps): void {
  app.get<{ Querystring: ArticleQuery }>(
    "/api/articles",
    {
      schema: {
        summary: "Search articles in every language, newest first",
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: {
            q: { type: "string", maxLength: 300 },
            lang: { type: "string", pattern: "^[a-z]{2,3}$" },
            entity: id,
            category: id,
            feed: id,
            from: { type: "string", maxLength: 40 },
            to: { type: "string", maxLength: 40 },
            limit: { type: "integer", minimum: 1, maximum: MAX_LIMIT, default: 50 },
            cursor: { type: "string", maxLength: 400 },
          },
        },
        response: {
          200: {
            type: "object",
            properties: {
              items: { type: "array", items: articleItem },
              next: { type: ["string", "null"] },
            },
          },
          ...clientErrors,
        },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const from = q.from === undefined ? undefined : instant(q.from, false);
      const to = q.to === undefined ? undefined : instant(q.to, true);
      if ((q.from && !from) || (q.to && !to))
        return clientError(reply, 400, "from and to must be dates (YYYY-MM-DD) or ISO 8601 times");
      const after = q.cursor === undefined ? undefined : decodeCursor(q.cursor);
      if (q.cursor && !after) return clientError(reply, 400, "cursor is not one this server gave");
      const tsquery = q.q ? searchQuery(q.q) : undefined;
      if (q.q?.trim() && !tsquery) return { items: [], next: null };
      const items = await searchArticles(deps.db, {
        tsquery,
        language: q.lang,
        entity: q.entity,
        category: q.category,
        feed: q.feed,
        from,
        to,
        after,
        limit: q.limit + 1,
      });
      const page = items.slice(0, q.limit);
      const last = page.at(-1);
      const next =
        items.length > q.limit && last
          ? encodeCursor({ firstSeen: new Date(last.firstSeen), id: last.id })
          : null;
      return { items: page, next };
    },
  );

  app.get<{ Params: { id: string } }>(
    "/api/articles/:id",
    {
      schema: {
        summary: "One article, with its original text",
        params: { type: "object", properties: { id }, required: ["id"] },
        response: {
          200: {
            ...articleItem,
            properties: {
              ...articleItem.properties,
              summary: { type: "string" },
              body: { type: ["string", "null"] },
            },
          },
          ...clientErrors,
        },
      },
    },
    async (request, reply) => {
      const article = await articleById(deps.db, request.params.id);
      return article ?? clientError(reply, 404, `no article has the id ${request.params.id}`);
    },
  );
}
