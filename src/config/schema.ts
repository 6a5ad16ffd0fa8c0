import { isIP } from "node:net";
import { z } from "zod";
import { classifyAddress } from "../lib/address-guard.js";
import { parseDuration } from "./duration.js";

/** Every default lives here, next to the field it belongs to. */
export const DEFAULTS = {
  languages: ["ar", "fa", "fr", "ru", "en"],
  timezone: "UTC",
  feedEvery: "15m",
  storePath: "./data/pglite",
  concurrency: 8,
  queuePrefix: "wirewatch",
  lockDuration: "30s",
  attempts: 5,
  fetchTimeout: "20s",
  maxBytes: 10 * 1024 * 1024,
  maxRedirects: 5,
  hostGap: "1s",
  userAgent: "wirewatch/0.1 (+https://github.com/wirewatch/wirewatch; news monitoring)",
  digestTime: "07:00",
  translateRpm: 60,
  translateBatch: 40,
  translateTimeout: "60s",
  digestDir: "./digests",
  storyWindow: "3d",
  embeddingsTimeout: "30s",
  deliveryTimeout: "10s",
  serveHost: "127.0.0.1",
  servePort: 8080,
} as const;

const languageCode = z
  .string()
  .regex(/^[a-z]{2,3}$/, "must be a language code such as ar, fa, fr, ru or en");

const identifier = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "must be letters, digits, '.', '_' or '-'");

const httpUrl = z.string().refine((text) => {
  try {
    const url = new URL(text);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}, "must be an absolute http:// or https:// URL");

const duration = z.union([z.number(), z.string()]).transform((value, ctx) => {
  const ms = typeof value === "number" ? value * 1000 : parseDuration(value);
  if (ms === undefined || ms < 0) {
    ctx.addIssue({ code: "custom", message: 'must be a duration such as "90s", "15m" or "2h"' });
    return z.NEVER;
  }
  return ms;
});

const timeZone = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, "must be an IANA time zone such as UTC, Europe/Paris or Asia/Baghdad");

const selector = z.string().min(1);

/** CSS selectors for a site without a feed: each item's block, and within it its parts. */
const selectors = z.strictObject({
  item: selector,
  link: selector,
  title: selector,
  date: selector.optional(),
  summary: selector.optional(),
  /** On the article page, for full text. */
  body: selector.optional(),
});

const countryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, "must be an ISO 3166 two-letter country code such as IQ");

const feed = z
  .strictObject({
    id: identifier,
    url: httpUrl,
    /** feed: RSS, Atom, RDF or JSON Feed; html: a list page read with `selectors`. */
    type: z.enum(["feed", "html"]).default("feed"),
    language: languageCode.optional(),
    every: duration.pipe(z.number().min(1000, "must be at least 1s")).prefault(DEFAULTS.feedEvery),
    tags: z.array(z.string().min(1)).default([]),
    /** Countries the feed reports on: a place name several places bear means the one there. */
    region: z.array(countryCode).default([]),
    maxBytes: z.number().int().positive().optional(),
    selectors: selectors.optional(),
    /** Fetch each new article's page and keep its main text. */
    fullText: z.boolean().default(false),
  })
  .refine((f) => f.type !== "html" || f.selectors !== undefined, {
    message: "a feed of type html needs selectors (item, link, title)",
    path: ["selectors"],
  });

const watchItem = z.strictObject({
  id: identifier,
  type: z.enum(["group", "place", "person", "org"]),
  name: z.string().min(1),
  aliases: z.record(languageCode, z.array(z.string().min(1))).default({}),
  country: countryCode.optional(),
  alert: z.boolean().default(false),
});

/** Keywords per language (a final * matches any ending) and entities: watchlist ids or entity ids. */
const terms = z.strictObject({
  keywords: z
    .record(languageCode, z.array(z.string().regex(/\p{L}/u, "must contain a letter")))
    .default({}),
  entities: z.array(z.string().min(1)).default([]),
});

/** A category: the articles that match any of `any`, all of `all` and none of `none`. */
const category = z
  .strictObject({
    id: identifier,
    name: z.string().min(1).optional(),
    any: terms.optional(),
    all: terms.optional(),
    none: terms.optional(),
  })
  .refine((c) => c.any !== undefined || c.all !== undefined, {
    message: "a category needs `any` or `all` (what it is about), not only `none`",
  });

const store = z.strictObject({
  url: z
    .string()
    .regex(
      /^postgres(ql)?:\/\//,
      "must be a postgres:// URL (leave it out to use the embedded store)",
    )
    .optional(),
  path: z.string().min(1).default(DEFAULTS.storePath),
});

const queue = z.strictObject({
  redisUrl: z
    .string()
    .regex(/^rediss?:\/\//, "must be a redis:// URL (leave it out to run inline)")
    .optional(),
  concurrency: z.number().int().min(1).max(256).default(DEFAULTS.concurrency),
  /** Prefix of every Redis key, so several deployments can share one Redis. */
  prefix: identifier.default(DEFAULTS.queuePrefix),
  /** How long a worker holds a job before another may take it over (a killed worker's job). */
  lockDuration: duration
    .pipe(z.number().min(1000, "must be at least 1s"))
    .prefault(DEFAULTS.lockDuration),
  attempts: z.number().int().min(1).max(50).default(DEFAULTS.attempts),
  /** Jobs per interval per stage, shared by every worker of that stage (BullMQ's limiter is global). */
  limits: z
    .partialRecord(
      z.enum(["fetch", "extract", "translate", "stories", "digest", "deliver"]),
      z.strictObject({ max: z.number().int().min(1), per: duration }),
    )
    .default({}),
});

const fetchOptions = z.strictObject({
  timeout: duration.prefault(DEFAULTS.fetchTimeout),
  maxBytes: z.number().int().positive().default(DEFAULTS.maxBytes),
  maxRedirects: z.number().int().min(0).max(20).default(DEFAULTS.maxRedirects),
  hostGap: duration.prefault(DEFAULTS.hostGap),
  userAgent: z.string().min(1).default(DEFAULTS.userAgent),
  allowLoopback: z.boolean().default(false),
  allowPrivate: z.boolean().default(false),
});

const translate = z.discriminatedUnion("provider", [
  z.strictObject({ provider: z.literal("none") }),
  z.strictObject({
    provider: z.literal("openai"),
    /** Any OpenAI-compatible endpoint: OpenAI, Azure OpenAI, Ollama, vLLM. */
    baseURL: httpUrl.optional(),
    apiKey: z.string().min(1, "is required when provider is openai"),
    model: z.string().min(1),
    /** Requests per minute, shared by every worker (BullMQ's limiter lives in Redis). */
    requestsPerMinute: z.number().int().min(1).default(DEFAULTS.translateRpm),
    /** Tokens per minute (prompt estimated before sending), when the provider limits them. */
    tokensPerMinute: z.number().int().min(100).optional(),
    /** Headlines per request. */
    batchSize: z.number().int().min(1).max(200).default(DEFAULTS.translateBatch),
    timeout: duration.prefault(DEFAULTS.translateTimeout),
    /** Retries of a request after a 429, a 5xx or a timeout, with backoff (Retry-After honoured). */
    maxRetries: z.number().int().min(0).max(10).default(3),
    /** json_schema where the endpoint supports structured output; json_object otherwise. */
    responseFormat: z.enum(["json_schema", "json_object"]).default("json_schema"),
  }),
]);

/**
 * Which articles get the full tier (English summary, body translation, LLM entities): any
 * article that matches one of these rules.
 */
const triage = z.strictObject({
  full: z
    .strictObject({
      /** Articles that name a watchlist item. */
      watchlist: z.boolean().default(true),
      languages: z.array(languageCode).default([]),
      feeds: z.array(identifier).default([]),
      entityTypes: z.array(z.enum(["place", "group", "person", "org"])).default([]),
      /** Matched, normalised, in the original title and summary. */
      keywords: z.array(z.string().min(1)).default([]),
      /** Articles tagged with one of these categories. */
      categories: z.array(identifier).default([]),
    })
    .prefault({}),
  /** How much of the body the full tier translates. */
  body: z.enum(["none", "lede", "full"]).default("lede"),
});

const digest = z.strictObject({
  time: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day such as "07:00"')
    .default(DEFAULTS.digestTime),
  /** Each written as digests/YYYY-MM-DD.{md,html,json}. */
  formats: z
    .array(z.enum(["md", "html", "json"], { error: "must be md, html or json" }))
    .min(1)
    .default(["md"]),
  outDir: z.string().min(1).default(DEFAULTS.digestDir),
});

const stories = z.strictObject({
  /** How long after its last article a story can still take a new one. */
  window: duration
    .pipe(z.number().min(3_600_000, "must be at least 1h"))
    .prefault(DEFAULTS.storyWindow),
  /** Any OpenAI-compatible /v1/embeddings endpoint; its cosine joins the score. */
  embeddings: z
    .strictObject({
      baseURL: httpUrl,
      apiKey: z
        .string()
        .min(1, "is required (any text for endpoints that need none, such as Ollama)"),
      model: z.string().min(1),
      timeout: duration.prefault(DEFAULTS.embeddingsTimeout),
    })
    .optional(),
  /** With a translation provider: an English summary per story that is watched or has 3 sources. */
  summaries: z.boolean().default(true),
});

/** Which stories a channel is sent: each list given must match (any of its entries). */
const channelFilter = z.strictObject({
  /** Watchlist ids: stories naming one of them. */
  watchlist: z.array(identifier).min(1).optional(),
  /** Category ids: stories tagged with one of them. */
  categories: z.array(identifier).min(1).optional(),
  /** Stories with a source in one of these languages. */
  languages: z.array(languageCode).min(1).optional(),
});

const channelCommon = {
  id: identifier,
  /** Alerts (watchlist items with `alert: true`) go to this channel too. */
  alerts: z.boolean().default(false),
  filter: channelFilter.optional(),
  /** How long one attempt may take before it counts as failed. */
  timeout: duration
    .pipe(z.number().min(100, "must be at least 100ms"))
    .prefault(DEFAULTS.deliveryTimeout),
};

const mailbox = z.string().regex(/^[^@\s<>]+@[^@\s<>]+$/, "must be an e-mail address");

const emailChannel = z.strictObject({
  ...channelCommon,
  type: z.literal("email"),
  smtp: z
    .string()
    .regex(
      /^smtps?:\/\/[^/?#]+/,
      "must be an smtp:// or smtps:// URL such as smtp://user:pass@mail.example.org:587",
    ),
  from: z.union([mailbox, z.string().regex(/^[^<>]*<[^@\s<>]+@[^@\s<>]+>$/)], {
    error: 'must be an e-mail address, or "Name <address>"',
  }),
  to: z.array(mailbox).min(1, "must list at least one address"),
});

const webhookChannel = z.strictObject({
  ...channelCommon,
  type: z.literal("webhook"),
  url: httpUrl,
  /** Signs each body (X-Wirewatch-Signature: sha256=HMAC of the raw body). */
  secret: z.string().min(16, "must be at least 16 characters (a random string)"),
  /** json: the digest's JSON; slack: {"text"} for Slack or Mattermost incoming webhooks. */
  format: z.enum(["json", "slack"]).default("json"),
});

const delivery = z.strictObject({
  channels: z
    .array(
      z.discriminatedUnion("type", [emailChannel, webhookChannel], {
        error: "type must be email or webhook",
      }),
    )
    .default([]),
  /** Webhooks pass the feeds' address guard: loopback and private addresses only when allowed. */
  allowLoopback: z.boolean().default(false),
  allowPrivate: z.boolean().default(false),
});

/** `wirewatch serve`, and `run` when this block is there: the search API, the page, metrics. */
const serve = z.strictObject({
  host: z.string().min(1).default(DEFAULTS.serveHost),
  port: z.number().int().min(0).max(65_535).default(DEFAULTS.servePort),
  /** Needed on every /api/* request (Authorization: Bearer …), and for /metrics by default. */
  token: z.string().min(16, "must be at least 16 characters (a random string)").optional(),
  metricsPublic: z.boolean().default(false),
});

const configShape = z.strictObject({
  languages: z
    .array(languageCode)
    .min(1)
    .default([...DEFAULTS.languages]),
  timezone: timeZone.default(DEFAULTS.timezone),
  feeds: z.array(feed).min(1, "must list at least one feed"),
  watchlist: z.array(watchItem).default([]),
  store: store.prefault({}),
  queue: queue.prefault({}),
  fetch: fetchOptions.prefault({}),
  translate: translate.default({ provider: "none" }),
  categories: z.array(category).default([]),
  triage: triage.prefault({}),
  digest: digest.prefault({}),
  stories: stories.prefault({}),
  delivery: delivery.prefault({}),
  serve: serve.optional(),
});

export const configSchema = configShape.superRefine((config, ctx) => {
  for (const [path, items] of [
    [["feeds"], config.feeds],
    [["watchlist"], config.watchlist],
    [["categories"], config.categories],
    [["delivery", "channels"], config.delivery.channels],
  ] as const) {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      if (seen.has(item.id)) {
        ctx.addIssue({
          code: "custom",
          path: [...path, index, "id"],
          message: `duplicate id "${item.id}"`,
        });
      }
      seen.add(item.id);
    });
  }
  checkCategoryReferences(config, ctx);
  checkChannelFilters(config, ctx);
  if (config.serve && !config.serve.token && !isLoopbackHost(config.serve.host)) {
    ctx.addIssue({
      code: "custom",
      path: ["serve", "host"],
      message: `serving on ${config.serve.host} needs serve.token: only a loopback host may go without one`,
    });
  }
});

export const isLoopbackHost = (host: string): boolean =>
  host === "localhost" || (isIP(host) !== 0 && classifyAddress(host) === "loopback");

type ParsedConfig = z.output<typeof configShape>;

/** Entities a category names must be watchlist ids or entity ids; triage's categories must exist. */
function checkCategoryReferences(config: ParsedConfig, ctx: z.RefinementCtx): void {
  const watched = new Set(config.watchlist.map((w) => w.id));
  config.categories.forEach((c, index) => {
    for (const part of ["any", "all", "none"] as const) {
      c[part]?.entities.forEach((id, i) => {
        if (id.includes(":") || watched.has(id)) return;
        ctx.addIssue({
          code: "custom",
          path: ["categories", index, part, "entities", i],
          message: `"${id}" is neither a watchlist id nor an entity id such as country:IQ`,
        });
      });
    }
  });
  const known = new Set(config.categories.map((c) => c.id));
  config.triage.full.categories.forEach((id, i) => {
    if (!known.has(id))
      ctx.addIssue({
        code: "custom",
        path: ["triage", "full", "categories", i],
        message: `no category has the id "${id}"`,
      });
  });
}

/** A channel's filter names watchlist items and categories that exist. */
function checkChannelFilters(config: ParsedConfig, ctx: z.RefinementCtx): void {
  const known = {
    watchlist: new Set(config.watchlist.map((w) => w.id)),
    categories: new Set(config.categories.map((c) => c.id)),
  };
  config.delivery.channels.forEach((channel, index) => {
    for (const list of ["watchlist", "categories"] as const) {
      channel.filter?.[list]?.forEach((id, i) => {
        if (known[list].has(id)) return;
        ctx.addIssue({
          code: "custom",
          path: ["delivery", "channels", index, "filter", list, i],
          message: `no ${list === "watchlist" ? "watchlist item" : "category"} has the id "${id}"`,
        });
      });
    }
  });
}

export type Config = z.output<typeof configSchema>;

/** Fetch settings when there is no config at all (checking one feed file or URL). */
export const defaultFetchOptions = (): z.output<typeof fetchOptions> => fetchOptions.parse({});
export type FeedConfig = Config["feeds"][number];
export type WatchItem = Config["watchlist"][number];
export type FetchOptions = Config["fetch"];
export type CategoryConfig = Config["categories"][number];
export type Channel = Config["delivery"]["channels"][number];
export type ChannelFilter = NonNullable<Channel["filter"]>;
export type ServeConfig = NonNullable<Config["serve"]>;
