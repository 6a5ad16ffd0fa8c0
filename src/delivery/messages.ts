/**
 * What each kind of channel is sent: a mail's subject and parts, a webhook's body (the digest's
 * JSON, or {"text"} for Slack and Mattermost). Made once when queued and stored, so a retry sends
 * exactly what the first attempt did.
 */
import type { Channel } from "../config/index.js";
import { defang } from "../digest/defang.js";
import type { DigestDocument } from "../digest/document.js";
import { renderHtml } from "../digest/html.js";
import { languageName, sourceTime } from "../digest/labels.js";
import { renderMarkdown } from "../digest/markdown.js";
import type { Payload } from "../store/deliveries.js";

/** An alert: a watched item named in a story. */
export interface Alert {
  entity: { id: string; name: string; type: string };
  story: {
    id: string;
    title: string;
    titleEn: string | null;
    titleLanguage: string;
    languages: string[];
  };
  sources: {
    feedId: string;
    language: string;
    title: string;
    url: string;
    publishedAt: string | null;
    firstSeen: string;
  }[];
  /** The first source's link. */
  link: string;
  timeZone: string;
  day: string;
}

// Slack's list of a digest's stories: the first ones, the rest counted.
const SLACK_STORIES = 10;
const SUBJECT_CHARS = 160;

/** Feed text on one line, bounded, its web addresses defanged: only an article's own is a link. */
function oneLine(text: string): string {
  const flat = defang(text).replace(/\s+/g, " ").trim();
  return flat.length > SUBJECT_CHARS ? `${flat.slice(0, SUBJECT_CHARS - 1)}…` : flat;
}

/** Slack and Mattermost read &, < and > as markup. */
const slackEscape = (text: string) =>
  oneLine(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

const slackLink = (url: string, text: string) =>
  /^https?:\/\//.test(url)
    ? `<${url.replace(/[<>|]/g, "")}|${slackEscape(text)}>`
    : slackEscape(text);

export function digestSubject(doc: DigestDocument): string {
  const { stories, watchedStories } = doc.figures;
  return `wirewatch digest ${doc.day}: ${stories} ${stories === 1 ? "story" : "stories"} (${watchedStories} watched)`;
}

export function digestPayload(channel: Channel, doc: DigestDocument): Payload {
  if (channel.type === "email") {
    return { subject: digestSubject(doc), text: renderMarkdown(doc), html: renderHtml(doc) };
  }
  if (channel.format === "json") return { body: JSON.stringify(doc) };
  const lines = [`*${slackEscape(digestSubject(doc))}*`];
  for (const story of doc.stories.slice(0, SLACK_STORIES)) {
    const link = story.sources[0]?.url ?? "";
    const languages = story.languages.map(languageName).join(", ");
    lines.push(
      `• ${story.watched ? "[watched] " : ""}${slackLink(link, story.title)} (${languages}; ${story.sources.length} sources)`,
    );
  }
  if (doc.stories.length > SLACK_STORIES)
    lines.push(`…and ${doc.stories.length - SLACK_STORIES} more stories`);
  return { body: JSON.stringify({ text: lines.join("\n") }) };
}

function alertTitle(alert: Alert): string {
  const { story } = alert;
  return story.titleLanguage === "en"
    ? story.title
    : `${story.title} [${languageName(story.titleLanguage)}, untranslated]`;
}

export function alertSubject(alert: Alert): string {
  return `wirewatch alert: ${oneLine(alert.entity.name)}: ${oneLine(alertTitle(alert))}`;
}

function alertText(alert: Alert): string {
  const lines = [
    `${alert.entity.name} (${alert.entity.type}) is named in a story.`,
    "",
    oneLine(alertTitle(alert)),
    "",
    `Sources (${alert.sources.length}):`,
  ];
  for (const s of alert.sources) {
    const when = sourceTime(s.publishedAt ?? s.firstSeen, alert.timeZone, alert.day);
    lines.push(`- ${when} · ${languageName(s.language)} · ${s.feedId}: ${oneLine(s.title)}`);
    lines.push(`  ${s.url}`);
  }
  return `${lines.join("\n")}\n`;
}

export function alertPayload(channel: Channel, alert: Alert): Payload {
  if (channel.type === "email") return { subject: alertSubject(alert), text: alertText(alert) };
  if (channel.format === "json") {
    const { timeZone: _zone, day: _day, ...body } = alert;
    return { body: JSON.stringify({ event: "alert", ...body }) };
  }
  const text = `*${slackEscape(alert.entity.name)}* named in ${slackLink(alert.link, alertTitle(alert))} (${alert.story.languages.map(languageName).join(", ")}; ${alert.sources.length} sources)`;
  return { body: JSON.stringify({ text }) };
}
