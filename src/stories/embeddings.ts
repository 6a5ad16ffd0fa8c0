import OpenAI from "openai";
import type { Logger } from "pino";
import type { Config } from "../config/index.js";

type EmbeddingsConfig = NonNullable<Config["stories"]["embeddings"]>;

// What an embedding model reads of an article: its title and opening, in whatever language.
const EMBED_CHARS = 1000;

export interface Embeddable {
  id: string;
  title: string;
  summary: string;
}

/**
 * Embeddings from any OpenAI-compatible /v1/embeddings endpoint (a multilingual model such as
 * bge-m3 or multilingual-e5 served by Ollama or vLLM), so the cosine of two articles in
 * different languages joins their score. An endpoint that fails leaves the batch without
 * embeddings, said in the log: stories are still made, offline.
 */
export class Embedder {
  private readonly client: OpenAI;

  constructor(private readonly config: EmbeddingsConfig) {
    this.client = new OpenAI({
      apiKey: config.apiKey,
      baseURL: config.baseURL,
      timeout: config.timeout,
      maxRetries: 2,
    });
  }

  async embed(articles: readonly Embeddable[], log: Logger): Promise<Map<string, number[]>> {
    if (articles.length === 0) return new Map();
    const input = articles.map((a) => `${a.title}\n${a.summary}`.slice(0, EMBED_CHARS));
    try {
      // Floats asked for by name: the client otherwise asks for base64, which Ollama and vLLM
      // servers may not give, and an array it cannot decode comes back empty.
      const reply = await this.client.embeddings.create({
        model: this.config.model,
        input,
        encoding_format: "float",
      });
      const out = new Map<string, number[]>();
      for (const item of reply.data) {
        const article = articles[item.index];
        if (article && Array.isArray(item.embedding) && item.embedding.length > 0)
          out.set(article.id, item.embedding);
      }
      return out;
    } catch (error) {
      log.warn(
        { stage: "stories", articles: articles.length, err: (error as Error).message },
        "embeddings endpoint failed; stories made without embeddings",
      );
      return new Map();
    }
  }
}
