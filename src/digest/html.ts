/**
 * The digest as one self-contained HTML file that mail clients render: inline styles only, no
 * scripts, no external resources. Every piece of text from the web or a model is escaped, and
 * only an article's own http(s) address becomes a link.
 */

import { defang } from "./defang.js";
import type { DigestDocument, DigestStory } from "./document.js";
import { languageName, sourceTime, storyLabels, summaryLabel } from "./labels.js";

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/** Text for the page: escaped, and no address in it becomes a link in a mail client. */
const escapeText = (text: string): string => escapeHtml(defang(text));

/** An href only for http(s) addresses; anything else is not a link. */
function link(url: string, text: string): string {
  const safe = /^https?:\/\//i.test(url);
  return safe ? `<a href="${escapeHtml(url)}" style="${STYLE.link}">${text}</a>` : text;
}

const STYLE = {
  body: "margin:0;padding:16px;background:#f5f5f5;font-family:Arial,Helvetica,sans-serif;color:#222;font-size:14px;line-height:1.45",
  box: "max-width:760px;margin:0 auto;background:#fff;padding:20px;border:1px solid #ddd",
  h1: "font-size:22px;margin:0 0 8px",
  h2: "font-size:17px;margin:24px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px",
  h3: "font-size:15px;margin:16px 0 4px",
  meta: "color:#666;font-size:12px;margin:2px 0",
  summary: "margin:6px 0",
  note: "color:#8a5a00;font-style:italic",
  list: "margin:4px 0 0;padding-left:18px",
  link: "color:#1a5fb4",
} as const;

export function renderHtml(doc: DigestDocument): string {
  const labels = storyLabels(doc.stories.map((s) => s.id));
  const parts: string[] = [
    `<h1 style="${STYLE.h1}">wirewatch digest: ${escapeText(doc.day)}</h1>`,
    `<p style="${STYLE.meta}">${escapeText(overview(doc))}</p>`,
  ];
  if (!doc.translationConfigured) {
    parts.push(
      `<p style="${STYLE.note}">No translation provider is configured: titles not in English are shown as published, marked untranslated.</p>`,
    );
  }
  if (doc.stories.length === 0) parts.push("<p>No articles were seen on this day.</p>");
  const section = (name: DigestStory["section"], heading: string) => {
    const list = doc.stories.filter((s) => s.section === name);
    if (list.length === 0) return;
    parts.push(`<h2 style="${STYLE.h2}">${heading}</h2>`);
    for (const story of list) parts.push(renderStory(story, labels, doc));
  };
  section("watched", "Watched");
  section("top", "Top stories");
  if (doc.countries.length > 0) {
    const titles = new Map(doc.stories.map((s) => [s.id, s.title]));
    const items = doc.countries.map((c) => {
      const stories = c.storyIds.map((id) => {
        const label = labels.get(id) ?? "";
        const title = `<span dir="auto">${escapeText(titles.get(id) ?? "")}</span>`;
        return `<li><a href="#${anchor(label)}" style="${STYLE.link}">${label}</a> ${title}</li>`;
      });
      return `<li>${escapeText(c.name)}<ul style="${STYLE.list}">${stories.join("")}</ul></li>`;
    });
    parts.push(
      `<h2 style="${STYLE.h2}">By country</h2><ul style="${STYLE.list}">${items.join("")}</ul>`,
    );
  }
  section("other", "Other stories");
  parts.push(footer(doc));
  return [
    "<!DOCTYPE html>",
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>wirewatch digest ${escapeText(doc.day)}</title></head>`,
    `<body style="${STYLE.body}"><div style="${STYLE.box}">`,
    ...parts,
    "</div></body></html>",
    "",
  ].join("\n");
}

const anchor = (label: string) => label.toLowerCase();

function overview(doc: DigestDocument): string {
  const f = doc.figures;
  const categories = f.categories.map((c) => `${c.name} ${c.stories}`).join(", ");
  return `${f.stories} stories (${f.watchedStories} watched) from ${f.articles} articles; day in ${doc.timeZone}.${categories ? ` Categories: ${categories}.` : ""}`;
}

function renderStory(story: DigestStory, labels: Map<string, string>, doc: DigestDocument): string {
  const label = labels.get(story.id) ?? "";
  const title = story.untranslated
    ? `<span dir="auto">${escapeText(story.title)}</span> <span style="${STYLE.note}">(${escapeText(languageName(story.titleLanguage))}, untranslated: ${escapeText(story.untranslated)})</span>`
    : escapeText(story.title);
  const lines = [
    `<h3 id="${anchor(label)}" style="${STYLE.h3}">${label}. ${title}</h3>`,
    `<p style="${STYLE.meta}">${escapeText(story.languages.join(", "))} · ${story.sources.length} source${story.sources.length === 1 ? "" : "s"} · first seen ${escapeText(sourceTime(story.firstSeen, doc.timeZone, doc.day))}</p>`,
  ];
  if (story.summary) {
    lines.push(
      story.summary.language === "en"
        ? `<p style="${STYLE.summary}"><b>${escapeText(summaryLabel(story.summary))}:</b> ${escapeText(story.summary.text)}</p>`
        : // Right-to-left text gets a block of its own, so it runs and wraps as it is written.
          `<p style="${STYLE.summary}"><b>${escapeText(summaryLabel(story.summary))}:</b></p><p dir="auto" style="${STYLE.summary}">${escapeText(story.summary.text)}</p>`,
    );
  }
  if (story.entities.length > 0)
    lines.push(
      `<p style="${STYLE.meta}">Names: ${escapeText(story.entities.map((e) => e.name).join(", "))}</p>`,
    );
  if (story.categories.length > 0)
    lines.push(
      `<p style="${STYLE.meta}">Categories: ${escapeText(story.categories.map((c) => c.name).join(", "))}</p>`,
    );
  const sources = story.sources.map((s) => {
    const when = escapeText(sourceTime(s.publishedAt ?? s.firstSeen, doc.timeZone, doc.day));
    const text =
      s.language === "en" || !s.titleEn
        ? `<span dir="auto">${escapeText(s.title)}</span>`
        : `${escapeText(s.titleEn)} <span style="${STYLE.meta}">(original: <span dir="auto">${escapeText(s.title)}</span>)</span>`;
    return `<li>${when} · <b>[${escapeText(s.language)}]</b> ${escapeText(s.feedId)} · ${link(s.url, text)}</li>`;
  });
  lines.push(`<ul style="${STYLE.list}">${sources.join("")}</ul>`);
  return lines.join("\n");
}

function footer(doc: DigestDocument): string {
  const f = doc.figures;
  const languages = Object.entries(f.byLanguage)
    .map(([l, n]) => `${l} ${n}`)
    .join(", ");
  const failing = f.feedsFailing.map((x) => `${x.id} (${x.reason})`).join("; ");
  const items = [
    `Feeds: ${f.feedsOk} ok, ${f.feedsFailing.length} failing${failing ? `: ${failing}` : ""}`,
    `Articles: ${f.articles}${languages ? ` (${languages})` : ""}`,
    `Translated: ${f.translatedShare === null ? "no articles in other languages" : `${Math.round(f.translatedShare * 100)} % of the articles not in English`}`,
    `Tokens: ${f.tokens.prompt + f.tokens.completion} in ${f.tokens.requests} requests`,
  ];
  return `<h2 style="${STYLE.h2}">Figures</h2><ul style="${STYLE.list}">${items.map((i) => `<li>${escapeText(i)}</li>`).join("")}</ul>`;
}
