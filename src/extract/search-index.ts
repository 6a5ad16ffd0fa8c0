import type { Sql } from "../store/database.js";
import { saveSearchDocuments, searchSources } from "../store/search-index.js";
import { searchDocument } from "./search-keys.js";

/**
 * Files these articles for search under their words' keys, original and English text alike:
 * at extraction, and again when a translation adds English.
 */
export async function indexForSearch(db: Sql, ids: readonly string[]): Promise<void> {
  const sources = await searchSources(db, ids);
  await saveSearchDocuments(
    db,
    sources.map((s) => ({
      id: s.id,
      document: searchDocument([s.title, s.summary, s.lead, s.titleEn, s.summaryEn]),
    })),
  );
}
