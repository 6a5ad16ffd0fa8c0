import { numbersIn } from "../lib/numbers.js";
import { nearDuplicateCandidates, type SignedArticle } from "../store/articles.js";
import type { Sql } from "../store/database.js";
import { SAME_STORY, similarity } from "./minhash.js";

const WINDOW_MS = 7 * 86_400_000;

export interface Signed {
  id: string;
  language: string;
  minhash: number[] | null;
  /** Title and summary. */
  text: string;
}

/** The numbers a text gives, every one (a day of the month too), as one comparable key. */
const numbersKey = (text: string) => numbersIn(text, 1).sort().join(" ");

/**
 * For each new article, the earlier article of the same language it re-publishes, from the
 * store's last week or from earlier in the same batch: nearly the same words and the same
 * numbers. A daily briefing differs from yesterday's by its date, a toll by its count; each is
 * news of its own however alike the words.
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
  const keys = new Map<string, string>();
  const keyOf = (k: SignedArticle) => {
    const key = keys.get(k.id) ?? numbersKey(k.text);
    keys.set(k.id, key);
    return key;
  };
  for (const article of fresh) {
    const sig = article.minhash;
    if (!sig) continue;
    const numbers = numbersKey(article.text);
    const original = known.find(
      (k) =>
        k.language === article.language &&
        similarity(k.minhash, sig) >= SAME_STORY &&
        keyOf(k) === numbers,
    );
    if (original) originals.set(article.id, original.id);
    else
      known.push({ id: article.id, language: article.language, minhash: sig, text: article.text });
  }
  return originals;
}
