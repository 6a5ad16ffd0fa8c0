import type { Sql } from "../store/database.js";
import { saveSearchDocuments, searchSources } from "../store/search-index.js";
import { searchDocument } from "./search-keys.js";

/** These articles' search words: original and English text alike. */
export async function searchDocuments(
  db: Sql,
  ids: readonly string[],
): Promise<{ id: string; document: string }[]> {
  return (await searchSources(db, ids)).map((s) => ({
    id: s.id,
    document: searchDocument([s.title, s.summary, s.lead, s.titleEn, s.summaryEn]),
  }));
}

/** Files these articles for search again: when a translation adds English. */
export async function indexForSearch(db: Sql, ids: readonly string[]): Promise<void> {
  await saveSearchDocuments(db, await searchDocuments(db, ids));
}
