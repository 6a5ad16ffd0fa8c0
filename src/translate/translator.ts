import OpenAI from "openai";
import type { z } from "zod";
import type { Config } from "../config/index.js";
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
import { RateLimiter } from "./rate-limiter.js";
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
 * Translation through any OpenAI-compatible endpoint. The openai client retries 429s (honouring
 * Retry-After), 5xx and timeouts with backoff; an answer that does not fit the schema is asked
 * for once more, then reported.
 */
export class Translator {
  readonly model: string;
  private readonly client: OpenAI;
  private readonly limiter: RateLimiter;
  private readonly tokens: RateLimiter | undefined;

  constructor(private readonly provider: Provider) {
    this.model = provider.model;
    this.client = new OpenAI({
      apiKey: provider.apiKey,
      baseURL: provider.baseURL,
      timeout: provider.timeout,
      maxRetries: provider.maxRetries,
    });
    this.limiter = new RateLimiter(provider.requestsPerMinute);
    this.tokens = provider.tokensPerMinute ? new RateLimiter(provider.tokensPerMinute) : undefined;
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
    await this.limiter.take();
    // About four characters a token, plus room for the answer: an estimate, on the safe side.
    await this.tokens?.take(Math.ceil(messages.reduce((n, m) => n + m.content.length, 0) / 3));
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
    try {
      return await this.client.chat.completions.create({
        model: this.model,
        messages,
        temperature: 0,
        response_format: format,
      });
    } catch (error) {
      throw new TranslationError(describe(error), { cause: error });
    }
  }
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
