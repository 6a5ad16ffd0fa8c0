import { extractArticle } from "../extract/extract-article.js";
import { ingestFeed } from "../ingest/ingest-feed.js";
import type { Context } from "./context.js";

export type StageName = "fetch" | "extract";

export interface Job {
  stage: StageName;
  /** A feed id for fetch, an article id for the others. */
  id: string;
}

/** Each stage does its work on one id and says which jobs come next. */
export const STAGES: Record<StageName, (id: string, ctx: Context) => Promise<Job[]>> = {
  async fetch(feedId, ctx) {
    const result = await ingestFeed(feedId, ctx);
    return result.articleIds.map((id) => ({ stage: "extract", id }));
  },
  async extract(articleId, ctx) {
    await extractArticle(articleId, ctx);
    return [];
  },
};
