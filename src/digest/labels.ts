/** Words and times as the renderings show them. */

import { languageName } from "../ingest/language-codes.js";

export { languageName };

// Making a formatter costs far more than using one: a digest of 10,000 sources reuses three.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string, kind: "year" | "short" | "long"): Intl.DateTimeFormat {
  const key = `${timeZone}\u0000${kind}`;
  let made = formatters.get(key);
  if (!made) {
    made =
      kind === "year"
        ? new Intl.DateTimeFormat("en-GB", { timeZone, year: "numeric" })
        : new Intl.DateTimeFormat("en-GB", {
            timeZone,
            day: "numeric",
            month: "short",
            ...(kind === "long" ? { year: "numeric" } : {}),
            hour: "2-digit",
            minute: "2-digit",
            hourCycle: "h23",
            timeZoneName: "shortOffset",
          });
    formatters.set(key, made);
  }
  return made;
}

/** "20 Nov 14:30 GMT+3", with the year when it is not the digest's. */
export function sourceTime(iso: string, timeZone: string, day: string): string {
  const instant = new Date(iso);
  const sameYear = formatter(timeZone, "year").format(instant) === day.slice(0, 4);
  return formatter(timeZone, sameYear ? "short" : "long")
    .format(instant)
    .replace(",", "");
}

/** How the summary came about, said next to it. */
export function summaryLabel(summary: { language: string; kind: "model" | "article" }): string {
  if (summary.kind === "model") return "Summary of the sources";
  if (summary.language === "en") return "From the lead article";
  return `Lead article's opening, in ${languageName(summary.language)}, untranslated`;
}

/** S1, S2… in the order the digest tells the stories, so the index can point to them. */
export const storyLabels = (ids: readonly string[]): Map<string, string> =>
  new Map(ids.map((id, i) => [id, `S${i + 1}`]));
