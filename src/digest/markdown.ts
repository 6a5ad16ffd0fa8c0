import type { DigestArticle } from "../store/digests.js";
import type { DigestGroups, DigestSection } from "./group.js";

export interface DigestMeta {
  day: string;
  timeZone: string;
  translationConfigured: boolean;
  articles: readonly DigestArticle[];
  /** The config's categories, id to name, in the config's order. */
  categories: ReadonlyMap<string, string>;
}

const LANGUAGE_NAMES: Record<string, string> = {
  ar: "Arabic",
  fa: "Persian",
  fr: "French",
  ru: "Russian",
  en: "English",
  und: "undetermined",
};

/** Text from the web cannot add links, emphasis or headings to the digest. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>#+|!~]/g, "\\$&").replace(/^([-=]|\d+\.)/, "\\$1");
}

export function renderMarkdown(meta: DigestMeta, groups: DigestGroups): string {
  const lines = [`# wirewatch digest: ${meta.day}`, "", summaryLine(meta), ""];
  const tally = categoryTally(meta);
  if (tally) lines.push(tally, "");
  if (!meta.translationConfigured) {
    lines.push(
      "No translation provider is configured: titles not in English are shown as published, marked untranslated.",
      "",
    );
  }
  if (meta.articles.length === 0) lines.push("No articles were seen on this day.", "");
  const sections: [string, DigestSection[]][] = [
    ["Watchlist", groups.watchlist],
    ["Places", groups.places],
  ];
  for (const [heading, list] of sections) {
    if (list.length === 0) continue;
    lines.push(`## ${heading}`, "");
    for (const section of list) lines.push(...renderSection(section, meta), "");
  }
  if (groups.other.length > 0) {
    lines.push(
      `## Other articles (${groups.other.length})`,
      "",
      ...groups.other.map((a) => renderArticle(a, meta)),
      "",
    );
  }
  return `${lines.join("\n").trimEnd()}\n`;
}

/** "Categories: Armed attacks 3, Elections 1." for the categories some article fell in. */
function categoryTally(meta: DigestMeta): string | undefined {
  const counts = [...meta.categories].map(
    ([id, name]) => [name, meta.articles.filter((a) => a.categories.includes(id)).length] as const,
  );
  const seen = counts.filter(([, n]) => n > 0).map(([name, n]) => `${escapeMarkdown(name)} ${n}`);
  return seen.length > 0 ? `Categories: ${seen.join(", ")}.` : undefined;
}

function summaryLine(meta: DigestMeta): string {
  const byLanguage = new Map<string, number>();
  for (const a of meta.articles) byLanguage.set(a.language, (byLanguage.get(a.language) ?? 0) + 1);
  const feeds = new Set(meta.articles.map((a) => a.feedId)).size;
  const languages = [...byLanguage]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([l, n]) => `${l} ${n}`)
    .join(", ");
  return `${meta.articles.length} articles from ${feeds} feeds (${languages || "none"}); day in ${meta.timeZone}.`;
}

function renderSection(section: DigestSection, meta: DigestMeta): string[] {
  const { entity, articles } = section;
  const kind = entity.type === "place" ? "" : ` (${entity.type})`;
  const count = `${articles.length} article${articles.length === 1 ? "" : "s"}`;
  return [
    `### ${escapeMarkdown(entity.name)}${kind}: ${count}`,
    "",
    ...articles.map((a) => renderArticle(a, meta)),
  ];
}

function renderArticle(article: DigestArticle, meta: DigestMeta): string {
  const language = LANGUAGE_NAMES[article.language] ?? article.language;
  const when = article.publishedAt ? ` · ${timeIn(article.publishedAt, meta.timeZone)}` : "";
  const names = article.entities.map((e) => escapeMarkdown(e.name)).join(", ");
  const categories = article.categories
    .map((id) => escapeMarkdown(meta.categories.get(id) ?? id))
    .join(", ");
  return [
    `- **[${article.language}]** ${headline(article, meta)}`,
    `  ${language} · ${escapeMarkdown(article.feedId)}${when} · <${article.url}>`,
    ...(article.summaryEn ? [`  ${escapeMarkdown(article.summaryEn)}`] : []),
    ...(names ? [`  Names: ${names}`] : []),
    ...(categories ? [`  Categories: ${categories}`] : []),
  ].join("\n");
}

function headline(article: DigestArticle, meta: DigestMeta): string {
  const original = escapeMarkdown(article.title);
  if (article.language === "en") return original;
  if (article.titleEn) return `${escapeMarkdown(article.titleEn)} (original: ${original})`;
  const why = meta.translationConfigured
    ? "no English translation yet"
    : "untranslated: no provider configured";
  return `${original} _(${why})_`;
}

function timeIn(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone,
    day: "2-digit",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(instant);
}
