import { nearDuplicateCandidates, type SignedArticle } from "../store/articles.js";
import type { Sql } from "../store/database.js";
import { SAME_STORY, similarity } from "./minhash.js";

const WINDOW_MS = 7 * 86_400_000;

export interface Signed {
  id: string;
  language: string;
  minhash: number[] | null;
}

/**
 * For each new article, the earlier article of the same language it re-publishes, from the
 * store's last week or from earlier in the same batch.
 */
export async function findOriginals(
  db: Sql,
  fresh: readonly Signed[],
  now: Date,
): Promise<Map<string, string>> {
  const signatures = fresh.flatMap((a) => (a.minhash ? [a.minhash] : []));
  const known: SignedArticle[] = await nearDuplicateCandidates(
    db,
    signatures,
    new Date(now.getTime() - WINDOW_MS),
  );
  const originals = new Map<string, string>();
  for (const article of fresh) {
    const sig = article.minhash;
    if (!sig) continue;
    const original = known.find(
      (k) => k.language === article.language && similarity(k.minhash, sig) >= SAME_STORY,
    );
    if (original) originals.set(article.id, original.id);
    else known.push({ id: article.id, language: article.language, minhash: sig });
  }
  return originals;
}
