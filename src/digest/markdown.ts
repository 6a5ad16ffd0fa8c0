import { defang } from "./defang.js";
import type { DigestDocument, DigestStory } from "./document.js";
import { languageName, sourceTime, storyLabels, summaryLabel } from "./labels.js";

/** Text from the web cannot add links, emphasis or headings to the digest. */
export function escapeMarkdown(text: string): string {
  return defang(text)
    .replace(/[\\`*_{}[\]<>#+|!~]/g, "\\$&")
    .replace(/^([-=]|\d+\.)/, "\\$1");
}

const SECTIONS = [
  ["watched", "Watched"],
  ["top", "Top stories"],
] as const;

export function renderMarkdown(doc: DigestDocument): string {
  const labels = storyLabels(doc.stories.map((s) => s.id));
  const lines = [`# wirewatch digest: ${doc.day} (${doc.timeZone})`, "", overview(doc), ""];
  if (!doc.translationConfigured) {
    lines.push(
      "No translation provider is configured: titles not in English are shown as published, marked untranslated.",
      "",
    );
  }
  if (doc.stories.length === 0) lines.push("No articles were seen on this day.", "");
  for (const [section, heading] of SECTIONS) {
    const list = doc.stories.filter((s) => s.section === section);
    if (list.length === 0) continue;
    lines.push(`## ${heading}`, "");
    for (const story of list) lines.push(...renderStory(story, labels, doc), "");
  }
  if (doc.countries.length > 0) {
    lines.push("## By country", "");
    const titles = new Map(doc.stories.map((s) => [s.id, s.title]));
    for (const c of doc.countries) {
      lines.push(`- ${escapeMarkdown(c.name)}`);
      for (const id of c.storyIds)
        lines.push(`  - ${labels.get(id)} ${escapeMarkdown(titles.get(id) ?? "")}`);
    }
    lines.push("");
  }
  const rest = doc.stories.filter((s) => s.section === "other");
  if (rest.length > 0) {
    lines.push(`## Other stories (${rest.length})`, "");
    for (const story of rest) lines.push(...renderStory(story, labels, doc), "");
  }
  lines.push(...footer(doc));
  return `${lines.join("\n").trimEnd()}\n`;
}

function overview(doc: DigestDocument): string {
  const { figures } = doc;
  const categories = figures.categories
    .map((c) => `${escapeMarkdown(c.name)} ${c.stories}`)
    .join(", ");
  return [
    `${figures.stories} stories (${figures.watchedStories} watched) from ${figures.articles} articles.`,
    categories ? ` Categories: ${categories}.` : "",
  ].join("");
}

function renderStory(
  story: DigestStory,
  labels: Map<string, string>,
  doc: DigestDocument,
): string[] {
  const out = [`### ${labels.get(story.id)}. ${headline(story)}`, ""];
  const count = `${story.sources.length} source${story.sources.length === 1 ? "" : "s"}`;
  out.push(
    `${story.languages.join(", ")} · ${count} · first seen ${sourceTime(story.firstSeen, doc.timeZone, doc.day)}`,
  );
  if (story.summary)
    out.push("", `${summaryLabel(story.summary)}: ${escapeMarkdown(story.summary.text)}`);
  const names = story.entities.map((e) => escapeMarkdown(e.name)).join(", ");
  if (names) out.push("", `Names: ${names}`);
  if (story.categories.length > 0)
    out.push(`Categories: ${story.categories.map((c) => escapeMarkdown(c.name)).join(", ")}`);
  out.push("", ...story.sources.map((s) => sourceLine(s, doc)));
  return out;
}

function headline(story: DigestStory): string {
  if (!story.untranslated) return escapeMarkdown(story.title);
  return `${escapeMarkdown(story.title)} _(${languageName(story.titleLanguage)}, untranslated: ${escapeMarkdown(story.untranslated)})_`;
}

function sourceLine(s: DigestStory["sources"][number], doc: DigestDocument): string {
  const when = sourceTime(s.publishedAt ?? s.firstSeen, doc.timeZone, doc.day);
  const title =
    s.language === "en" || !s.titleEn
      ? escapeMarkdown(s.title)
      : `${escapeMarkdown(s.titleEn)} (original: ${escapeMarkdown(s.title)})`;
  const link = /^https?:\/\/[^\s<>]+$/i.test(s.url) ? `<${s.url}>` : escapeMarkdown(s.url);
  return `- ${when} · **[${s.language}]** ${escapeMarkdown(s.feedId)} · ${title} · ${link}`;
}

function footer(doc: DigestDocument): string[] {
  const f = doc.figures;
  const languages = Object.entries(f.byLanguage)
    .map(([l, n]) => `${l} ${n}`)
    .join(", ");
  const failing = f.feedsFailing.map(
    (x) => `${escapeMarkdown(x.id)} (${escapeMarkdown(x.reason)})`,
  );
  return [
    "## Figures",
    "",
    `- Feeds: ${f.feedsOk} ok, ${f.feedsFailing.length} failing${failing.length ? `: ${failing.join("; ")}` : ""}`,
    `- Articles: ${f.articles}${languages ? ` (${languages})` : ""}`,
    `- Translated: ${f.translatedShare === null ? "no articles in other languages" : `${Math.round(f.translatedShare * 100)} % of the articles not in English`}`,
    `- Tokens: ${f.tokens.prompt + f.tokens.completion} in ${f.tokens.requests} requests`,
  ];
}
