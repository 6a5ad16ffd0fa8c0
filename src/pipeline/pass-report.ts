import type { FeedHealth } from "../store/feeds.js";
import type { RunStats } from "./inline.js";

/** What an operator reads after `run --once`: one line per feed, sick ones with their reason. */
export function formatPass(
  stats: RunStats,
  feeds: readonly FeedHealth[],
  only: ReadonlySet<string>,
): string {
  const lines = feeds
    .filter((f) => only.has(f.id))
    .map((f) =>
      f.lastError === null
        ? `ok      ${f.id}: ${f.itemsLastSeen ?? 0} items${f.lastStatus === 304 ? " (not modified)" : ""}`
        : `failed  ${f.id}: ${f.lastErrorReason}: ${f.lastError} (${f.consecutiveFailures} in a row)`,
    );
  const failedFeeds = feeds.filter((f) => only.has(f.id) && f.lastError !== null).length;
  lines.push(
    `${only.size} feeds (${failedFeeds} failed), ${stats.done.extract} articles processed${stats.failed.length > 0 ? `, ${stats.failed.length} jobs failed (see the log)` : ""}`,
  );
  return lines.join("\n");
}
