import OpenAI from "openai";
import type { Config } from "../config/index.js";
import {
  HEADLINE_JSON_SCHEMA,
  type HeadlineItem,
  headlineAnswer,
  headlineMessages,
} from "./prompt.js";
import { RateLimiter } from "./rate-limiter.js";

type Provider = Extract<Config["translate"], { provider: "openai" }>;

export interface BatchAnswer {
  titles: Map<string, string>;
  promptTokens: number;
  completionTokens: number;
}

/** Why a batch could not be translated, in words an operator can act on. */
export class TranslationError extends Error {
  override name = "TranslationError";
}

/**
 * Headlines to English through any OpenAI-compatible endpoint. The openai client retries 429s
 * (honouring Retry-After), 5xx and timeouts with backoff; an answer that does not fit the schema
 * is asked for once more, then reported.
 */
export class Translator {
  readonly model: string;
  private readonly client: OpenAI;
  private readonly limiter: RateLimiter;

  constructor(private readonly provider: Provider) {
    this.model = provider.model;
    this.client = new OpenAI({
      apiKey: provider.apiKey,
      baseURL: provider.baseURL,
      timeout: provider.timeout,
      maxRetries: provider.maxRetries,
    });
    this.limiter = new RateLimiter(provider.requestsPerMinute);
  }

  async headlines(items: readonly HeadlineItem[]): Promise<BatchAnswer> {
    let problem = "";
    let promptTokens = 0;
    let completionTokens = 0;
    for (let attempt = 0; attempt < 2; attempt++) {
      const completion = await this.complete(items);
      promptTokens += completion.usage?.prompt_tokens ?? 0;
      completionTokens += completion.usage?.completion_tokens ?? 0;
      const parsed = parseAnswer(completion.choices[0]?.message.content ?? "");
      if (typeof parsed === "string") {
        problem = parsed;
        continue;
      }
      const wanted = new Set(items.map((i) => i.id));
      const titles = new Map(
        parsed.items.filter((a) => wanted.has(a.id)).map((a) => [a.id, a.title_en.trim()]),
      );
      return { titles, promptTokens, completionTokens };
    }
    throw new TranslationError(`the model's answer did not fit the schema twice: ${problem}`);
  }

  private async complete(items: readonly HeadlineItem[]) {
    await this.limiter.take();
    try {
      return await this.client.chat.completions.create({
        model: this.model,
        messages: headlineMessages(items),
        temperature: 0,
        response_format:
          this.provider.responseFormat === "json_schema"
            ? { type: "json_schema", json_schema: HEADLINE_JSON_SCHEMA }
            : { type: "json_object" },
      });
    } catch (error) {
      throw new TranslationError(describe(error), { cause: error });
    }
  }
}

function parseAnswer(content: string) {
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch {
    return `not JSON: ${content.slice(0, 80)}`;
  }
  const result = headlineAnswer.safeParse(json);
  return result.success
    ? result.data
    : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
}

function describe(error: unknown): string {
  if (error instanceof OpenAI.APIConnectionTimeoutError)
    return "the provider did not answer in time (after retries)";
  if (error instanceof OpenAI.RateLimitError)
    return "the provider kept answering 429 Too Many Requests (after retries)";
  if (error instanceof OpenAI.APIError && error.status)
    return `the provider answered HTTP ${error.status} (after retries): ${error.message}`;
  if (error instanceof OpenAI.APIConnectionError)
    return `cannot reach the provider: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}
