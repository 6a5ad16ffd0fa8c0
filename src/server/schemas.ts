/** JSON Schemas of the API: they check the requests, shape the answers and make the OpenAPI. */

const nullable = (type: string, extra: object = {}) => ({ type: [type, "null"], ...extra });
const dateTime = { type: "string", format: "date-time" } as const;

export const errorSchema = {
  type: "object",
  properties: { error: { type: "string" }, message: { type: "string" } },
  required: ["error", "message"],
} as const;

export const entityRef = {
  type: "object",
  properties: { id: { type: "string" }, name: { type: "string" }, type: { type: "string" } },
  required: ["id", "name", "type"],
} as const;

export const articleItem = {
  type: "object",
  properties: {
    id: { type: "string" },
    title: { type: "string" },
    titleEn: nullable("string"),
    summaryEn: nullable("string"),
    language: { type: "string" },
    feedId: { type: "string" },
    url: { type: "string" },
    publishedAt: nullable("string", { format: "date-time" }),
    firstSeen: dateTime,
    storyId: nullable("string"),
    entities: { type: "array", items: entityRef },
    categories: { type: "array", items: { type: "string" } },
  },
  required: ["id", "title", "language", "feedId", "url", "firstSeen", "entities", "categories"],
} as const;

export const day = { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$" } as const;
export const id = { type: "string", minLength: 1, maxLength: 200 } as const;

const entityFields = {
  id: { type: "string" },
  name: { type: "string" },
  type: { type: "string" },
  country: nullable("string"),
  watched: { type: "boolean" },
} as const;

export const storyItem = {
  type: "object",
  properties: {
    id: { type: "string" },
    title: { type: "string" },
    titleEn: nullable("string"),
    titleLanguage: { type: "string" },
    summaryEn: nullable("string"),
    articleCount: { type: "integer" },
    languages: { type: "array", items: { type: "string" } },
    feeds: { type: "array", items: { type: "string" } },
    watched: { type: "boolean" },
    categories: { type: "array", items: { type: "string" } },
    firstSeen: dateTime,
    lastSeen: dateTime,
    entities: {
      type: "array",
      items: { type: "object", properties: { ...entityFields, count: { type: "integer" } } },
    },
  },
} as const;

export const sourceItem = {
  type: "object",
  properties: {
    articleId: { type: "string" },
    feedId: { type: "string" },
    url: { type: "string" },
    title: { type: "string" },
    titleEn: nullable("string"),
    summary: { type: "string" },
    summaryEn: nullable("string"),
    language: { type: "string" },
    publishedAt: nullable("string", { format: "date-time" }),
    firstSeen: dateTime,
  },
} as const;

export const entityItem = {
  type: "object",
  properties: { ...entityFields, articles: { type: "integer" } },
} as const;

/** 400 and 404 answers, documented on every route. */
export const clientErrors = { 400: errorSchema, 404: errorSchema } as const;
