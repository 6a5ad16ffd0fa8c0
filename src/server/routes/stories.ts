import type { FastifyInstance } from "fastify";
import { dayOf, dayWindow } from "../../digest/day.js";
import { sourcesOf, storiesByIds, storiesSeenBetween } from "../../store/digests.js";
import { clientError } from "../errors.js";
import { clientErrors, day, id, sourceItem, storyItem } from "../schemas.js";
import type { ServerDeps } from "../server-deps.js";

const FAR_FUTURE = new Date("9999-01-01T00:00:00Z");

export function storyRoutes(app: FastifyInstance, deps: ServerDeps): void {
  app.get<{ Querystring: { date?: string; watched?: boolean } }>(
    "/api/stories",
    {
      schema: {
        summary:
          "The stories with an article first seen on a day (default today), in the config's time zone",
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: { date: day, watched: { type: "boolean" } },
        },
        response: {
          200: { type: "object", properties: { items: { type: "array", items: storyItem } } },
          ...clientErrors,
        },
      },
    },
    async (request, reply) => {
      const { timezone } = deps.config;
      const date = request.query.date ?? dayOf(new Date(), timezone);
      if (Number.isNaN(Date.parse(date))) return clientError(reply, 400, `${date} is not a date`);
      const { start, end } = dayWindow(date, timezone);
      const stories = await storiesSeenBetween(deps.db, start, end);
      const watched = request.query.watched;
      const items = stories
        .filter((s) => watched === undefined || s.watched === watched)
        .sort((a, b) => b.articleCount - a.articleCount || (a.id < b.id ? -1 : 1));
      return { items };
    },
  );

  app.get<{ Params: { id: string } }>(
    "/api/stories/:id",
    {
      schema: {
        summary: "One story and its sources in every language, oldest first",
        params: { type: "object", properties: { id }, required: ["id"] },
        response: {
          200: {
            type: "object",
            properties: { ...storyItem.properties, sources: { type: "array", items: sourceItem } },
          },
          ...clientErrors,
        },
      },
    },
    async (request, reply) => {
      const [story] = await storiesByIds(deps.db, [request.params.id]);
      if (!story) return clientError(reply, 404, `no story has the id ${request.params.id}`);
      const sources = await sourcesOf(deps.db, [story.id], FAR_FUTURE);
      return { ...story, sources: sources.get(story.id) ?? [] };
    },
  );
}
