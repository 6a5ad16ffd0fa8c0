import { type HashedArticle, nearDuplicateCandidates } from "../store/articles.js";
import type { Sql } from "../store/database.js";
import { hamming, NEAR } from "./simhash.js";

const WINDOW_MS = 7 * 86_400_000;

export interface Hashed {
  id: string;
  language: string;
  simhash: bigint | null;
}

/**
 * For each new article, the earlier article of the same language it re-publishes (its SimHash
 * within NEAR bits), from the store's last week or from earlier in the same batch.
 */
export async function findOriginals(
  db: Sql,
  fresh: readonly Hashed[],
  now: Date,
): Promise<Map<string, string>> {
  const hashes = fresh.flatMap((a) => (a.simhash === null ? [] : [a.simhash]));
  const known: HashedArticle[] = await nearDuplicateCandidates(
    db,
    hashes,
    new Date(now.getTime() - WINDOW_MS),
  );
  const originals = new Map<string, string>();
  for (const article of fresh) {
    if (article.simhash === null) continue;
    const hash = article.simhash;
    const original = known.find(
      (k) => k.language === article.language && hamming(k.simhash, hash) <= NEAR,
    );
    if (original) originals.set(article.id, original.id);
    else known.push({ id: article.id, language: article.language, simhash: hash });
  }
  return originals;
}
