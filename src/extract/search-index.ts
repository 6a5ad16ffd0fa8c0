import type { Sql } from "../store/database.js";
import {
  LEAD_CHARS,
  type SearchSource,
  saveSearchDocuments,
  searchSources,
} from "../store/search-index.js";
import { searchDocument } from "./search-keys.js";

/** An article's search words: original and English text alike. */
export function documentOf(s: SearchSource): { id: string; document: string } {
  return {
    id: s.id,
    document: searchDocument([s.title, s.summary, s.lead, s.titleEn, s.summaryEn]),
  };
}

/** An article as read for extraction, as search reads it: the body's lead only. */
export const asSearchSource = (a: Omit<SearchSource, "lead"> & { body: string | null }) => ({
  ...a,
  lead: a.body?.slice(0, LEAD_CHARS) ?? null,
});

/** Files these articles for search again: when a translation adds English. */
export async function indexForSearch(db: Sql, ids: readonly string[]): Promise<void> {
  await saveSearchDocuments(db, (await searchSources(db, ids)).map(documentOf));
}
