import { setTimeout as sleep } from "node:timers/promises";
import OpenAI from "openai";
import type { z } from "zod";
import type { Config } from "../config/index.js";
import { StageError } from "../lib/errors.js";
import {
  FULL_JSON_SCHEMA,
  fullAnswer,
  fullSystemPrompt,
  type GlossaryEntry,
} from "./full-prompt.js";
import {
  HEADLINE_JSON_SCHEMA,
  type HeadlineItem,
  headlineAnswer,
  headlineMessages,
} from "./prompt.js";
import { type Limiter, RateLimiter } from "./rate-limiter.js";
import {
  STORY_JSON_SCHEMA,
  STORY_SYSTEM_PROMPT,
  type StorySource,
  storyAnswer,
} from "./story-prompt.js";

type Provider = Extract<Config["translate"], { provider: "openai" }>;
type Message = { role: "system" | "user"; content: string };
type JsonSchema = typeof HEADLINE_JSON_SCHEMA | typeof FULL_JSON_SCHEMA | typeof STORY_JSON_SCHEMA;

export interface BatchAnswer {
  titles: Map<string, string>;
  promptTokens: number;
  completionTokens: number;
}

export interface FullItem {
  id: string;
  language: string;
  title: string;
  summary: string;
  body: string | null;
}

/** Why a request could not be answered, in words an operator can act on. */
export class TranslationError extends Error {
  override name = "TranslationError";
  /** Requests made and tokens counted for answers that were then refused: paid for too. */
  requests = 0;
  promptTokens = 0;
  completionTokens = 0;
}

/**
 * Translation through any OpenAI-compatible endpoint. 429s (honouring Retry-After), 5xx,
 * timeouts and lost connections are retried here with back-off, each attempt through the rate
 * limiter (the openai client's own retries would bypass it); an answer that does not fit the
 * schema is asked for once more, then reported. A refused key (401, 403) stops every request
 * to the provider: no further request is sent by this process.
 */
export class Translator {
  readonly model: string;
  private readonly client: OpenAI;
  private readonly limiter: Limiter;
  private readonly tokens: Limiter | undefined;
  /** Set once the provider refused the key: why, naming the config field to fix. */
  private refused: string | undefined;
  /** Headlines (by cache key) being asked for now, and when their answers will be in. */
  readonly inFlight = new Map<string, Promise<void>>();

  /**
   * `limiters` makes the limits shared (across the processes of a deployment); without it they
   * hold for this process.
   */
  constructor(
    private readonly provider: Provider,
    limiters?: (name: "requests" | "tokens", limit: number) => Limiter,
  ) {
    this.model = provider.model;
    this.client = new OpenAI({
      apiKey: provider.apiKey,
      baseURL: provider.baseURL,
      timeout: provider.timeout,
      maxRetries: 0,
    });
    const make = limiters ?? ((_name, limit) => new RateLimiter(limit));
    this.limiter = make("requests", provider.requestsPerMinute);
    this.tokens = provider.tokensPerMinute ? make("tokens", provider.tokensPerMinute) : undefined;
  }

  /** Many headlines in one request, each keyed by its article id. */
  async headlines(items: readonly HeadlineItem[]): Promise<BatchAnswer> {
    const reply = await this.ask(headlineMessages(items), HEADLINE_JSON_SCHEMA, headlineAnswer);
    const wanted = new Set(items.map((i) => i.id));
    const titles = new Map(
      reply.answer.items.filter((a) => wanted.has(a.id)).map((a) => [a.id, a.title_en.trim()]),
    );
    return { titles, promptTokens: reply.promptTokens, completionTokens: reply.completionTokens };
  }

  /** The full tier for one article: English title, summary, body, and the entities it names. */
  full(article: FullItem, glossary: readonly GlossaryEntry[], body: "none" | "lede" | "full") {
    const messages: Message[] = [
      { role: "system", content: fullSystemPrompt(glossary, body) },
      { role: "user", content: JSON.stringify(article) },
    ];
    return this.ask(messages, FULL_JSON_SCHEMA, fullAnswer);
  }

  /** One English summary of what a story's sources say, where they disagree included. */
  storySummary(sources: readonly StorySource[]) {
    const messages: Message[] = [
      { role: "system", content: STORY_SYSTEM_PROMPT },
      { role: "user", content: JSON.stringify(sources) },
    ];
    return this.ask(messages, STORY_JSON_SCHEMA, storyAnswer);
  }

  private async ask<T>(messages: Message[], jsonSchema: JsonSchema, schema: z.ZodType<T>) {
    let problem = "";
    let promptTokens = 0;
    let completionTokens = 0;
    for (let attempt = 0; attempt < 2; attempt++) {
      const completion = await this.complete(messages, jsonSchema);
      promptTokens += completion.usage?.prompt_tokens ?? 0;
      completionTokens += completion.usage?.completion_tokens ?? 0;
      const parsed = parseAnswer(completion.choices[0]?.message.content ?? "", schema);
      if (parsed.ok)
        return { answer: parsed.value, promptTokens, completionTokens, requests: attempt + 1 };
      problem = parsed.problem;
    }
    const error = new TranslationError(
      `the model's answer did not fit the schema twice: ${problem}`,
    );
    error.requests = 2;
    error.promptTokens = promptTokens;
    error.completionTokens = completionTokens;
    throw error;
  }

  private async complete(messages: Message[], jsonSchema: JsonSchema) {
    for (let attempt = 0; ; attempt++) {
      if (this.refused) throw new StageError("config", this.refused);
      await this.limiter.take();
      // About four characters a token, plus room for the answer: an estimate, on the safe side.
      await this.tokens?.take(Math.ceil(messages.reduce((n, m) => n + m.content.length, 0) / 3));
      try {
        return await this.send(messages, jsonSchema);
      } catch (error) {
        if (
          error instanceof OpenAI.AuthenticationError ||
          error instanceof OpenAI.PermissionDeniedError
        ) {
          this.refused = `the provider refused the API key (HTTP ${error.status}): check translate.apiKey (and translate.baseURL)`;
          throw new StageError("config", this.refused, { cause: error });
        }
        if (!retryable(error) || attempt >= this.provider.maxRetries)
          throw new TranslationError(describe(error), { cause: error });
        await sleep(retryDelay(error, attempt));
      }
    }
  }

  private send(messages: Message[], jsonSchema: JsonSchema) {
    const format =
      this.provider.responseFormat === "json_schema"
        ? {
            type: "json_schema" as const,
            json_schema: jsonSchema as unknown as {
              name: string;
              strict: boolean;
              schema: Record<string, unknown>;
            },
          }
        : { type: "json_object" as const };
    return this.client.chat.completions.create({
      model: this.model,
      messages,
      temperature: 0,
      response_format: format,
    });
  }
}

/** A passing fault: worth another attempt. */
function retryable(error: unknown): boolean {
  if (error instanceof OpenAI.APIConnectionError) return true;
  if (!(error instanceof OpenAI.APIError) || error.status === undefined) return false;
  return (
    error.status === 408 || error.status === 409 || error.status === 429 || error.status >= 500
  );
}

const MAX_RETRY_WAIT_MS = 60_000;

/** Retry-After when the provider says (seconds or a date), else 0.5 s doubling, with jitter. */
function retryDelay(error: unknown, attempt: number): number {
  const headers = error instanceof OpenAI.APIError ? error.headers : undefined;
  const after = headers?.get("retry-after");
  if (after) {
    const seconds = Number(after);
    const ms = Number.isNaN(seconds) ? Date.parse(after) - Date.now() : seconds * 1000;
    if (Number.isFinite(ms)) return Math.min(MAX_RETRY_WAIT_MS, Math.max(0, ms));
  }
  return Math.min(MAX_RETRY_WAIT_MS, 500 * 2 ** attempt * (0.75 + Math.random() / 2));
}

function parseAnswer<T>(
  content: string,
  schema: z.ZodType<T>,
): { ok: true; value: T } | { ok: false; problem: string } {
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch {
    return { ok: false, problem: `not JSON: ${content.slice(0, 80)}` };
  }
  const result = schema.safeParse(json);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    problem: result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
  };
}

function describe(error: unknown): string {
  if (error instanceof OpenAI.APIConnectionTimeoutError)
    return "the provider did not answer in time (after retries)";
  if (error instanceof OpenAI.RateLimitError)
    return "the provider kept answering 429 Too Many Requests (after retries)";
  if (error instanceof OpenAI.APIError && error.status) {
    return `the provider answered HTTP ${error.status} (after retries): ${error.message}`;
  }
  if (error instanceof OpenAI.APIConnectionError)
    return `cannot reach the provider: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}
