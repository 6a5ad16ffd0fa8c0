import type { ReadFeed } from "./read-feed.js";

// A clock a little ahead, or a zone written wrong, is not yet "the future".
const FUTURE_MS = 86_400_000;

/**
 * What a read that succeeded still noticed and an operator should see in the feed's health:
 * bytes not valid in the declared charset, dates that could not be stored, dates ahead of now.
 * Null when there is nothing to say.
 */
export function feedNotes(read: ReadFeed, fetchedAt: Date): string | null {
  const notes: string[] = [];
  if (read.replaced > 0)
    notes.push(`${read.replaced} byte sequences not valid ${read.encoding}, read as U+FFFD`);
  const unreadable = read.items.filter((i) => i.badDate).length;
  if (unreadable > 0)
    notes.push(`${unreadable} dates unreadable or outside years 1-9999, stored without a date`);
  const ahead = read.items.filter(
    (i) => i.published && i.published.getTime() > fetchedAt.getTime() + FUTURE_MS,
  ).length;
  if (ahead > 0) notes.push(`${ahead} items dated in the future, kept and sorted as fetched`);
  return notes.length > 0 ? notes.join("; ") : null;
}
