import type { NewArticle } from "../../src/store/articles.js";

/** An article as ingest would store it, for tests that start past ingest; id doubles as hash. */
export function storedArticle(id: string, fields: Partial<NewArticle> = {}): NewArticle {
  const language = fields.language ?? "en";
  return {
    id,
    feedId: "f",
    url: `https://x.example/${id}`,
    contentHash: id,
    title: `Title ${id}`,
    summary: "",
    body: null,
    author: null,
    publishedAt: null,
    fetchedAt: new Date(),
    declaredLanguage: language,
    language,
    languageConfidence: 0.9,
    ...fields,
  };
}
