import type { FastifyInstance } from "fastify";
import {
  entitiesNamed,
  entityById,
  entityDays,
  entityStories,
  searchArticles,
} from "../../store/search.js";
import { clientError } from "../errors.js";
import { articleItem, clientErrors, entityItem, id } from "../schemas.js";
import type { ServerDeps } from "../server-deps.js";

const DAYS_COUNTED = 30;
const LISTED = 50;

export function entityRoutes(app: FastifyInstance, deps: ServerDeps): void {
  app.get<{ Querystring: { q: string } }>(
    "/api/entities",
    {
      schema: {
        summary: "Entities whose name holds the text, most mentioned first",
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: { q: { type: "string", minLength: 1, maxLength: 100 } },
          required: ["q"],
        },
        response: {
          200: { type: "object", properties: { items: { type: "array", items: entityItem } } },
          ...clientErrors,
        },
      },
    },
    async (request) => ({ items: await entitiesNamed(deps.db, request.query.q, LISTED) }),
  );

  app.get<{ Params: { id: string } }>(
    "/api/entities/:id",
    {
      schema: {
        summary: "An entity: its latest articles and stories, and articles per day",
        params: { type: "object", properties: { id }, required: ["id"] },
        response: {
          200: {
            type: "object",
            properties: {
              ...entityItem.properties,
              articleCount: { type: "integer" },
              days: {
                type: "array",
                items: {
                  type: "object",
                  properties: { day: { type: "string" }, articles: { type: "integer" } },
                },
              },
              articles: { type: "array", items: articleItem },
              stories: {
                type: "array",
                items: {
                  type: "object",
                  properties: {
                    id: { type: "string" },
                    title: { type: "string" },
                    articleCount: { type: "integer" },
                    lastSeen: { type: "string", format: "date-time" },
                  },
                },
              },
            },
          },
          ...clientErrors,
        },
      },
    },
    async (request, reply) => {
      const entity = await entityById(deps.db, request.params.id);
      if (!entity) return clientError(reply, 404, `no entity has the id ${request.params.id}`);
      return {
        ...entity,
        articleCount: entity.articles,
        days: await entityDays(deps.db, entity.id, DAYS_COUNTED),
        articles: await searchArticles(deps.db, { entity: entity.id, limit: LISTED }),
        stories: await entityStories(deps.db, entity.id, LISTED),
      };
    },
  );
}
