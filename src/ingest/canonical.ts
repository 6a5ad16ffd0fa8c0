import { createHash } from "node:crypto";

const TRACKING = [
  /^utm_/i,
  /^(fbclid|gclid|dclid|msclkid|yclid|mc_cid|mc_eid|igshid|_ga|ref_src|cmpid|at_medium|at_campaign)$/i,
];

/**
 * One URL per article however it was linked: lower-case scheme and host, no default port, no
 * fragment, no tracking parameters, the rest of the query sorted.
 */
export function canonicalUrl(text: string): string {
  const url = new URL(text);
  url.hash = "";
  url.hostname = url.hostname.toLowerCase();
  if (
    (url.protocol === "http:" && url.port === "80") ||
    (url.protocol === "https:" && url.port === "443")
  ) {
    url.port = "";
  }
  const kept = [...url.searchParams].filter(
    ([key]) => !TRACKING.some((pattern) => pattern.test(key)),
  );
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  url.search = new URLSearchParams(kept).toString();
  return url.toString();
}

const hash = (text: string) => createHash("sha256").update(text).digest("hex");

/** The article id: stable for one canonical URL, so every stage's write is keyed the same way. */
export const articleId = (canonical: string): string => hash(canonical).slice(0, 20);

/** Same title and summary, whatever the URL: the same article syndicated or re-linked. */
export function contentHash(title: string, summary: string): string {
  const normalise = (s: string) => s.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
  return hash(`${normalise(title)}\n${normalise(summary)}`);
}
