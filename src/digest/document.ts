/**
 * A day's digest as data, told by stories: what the Markdown, HTML and JSON renderings share.
 * Stories naming a watched item come first, then the top stories, then the rest; each story is
 * told once, and an index by country points to it.
 */
import type { DayFigures, DigestEntity, DigestSource, DigestStoryRow } from "../store/digests.js";

export type Section = "watched" | "top" | "other";

export interface StorySummary {
  text: string;
  language: string;
  /** model: the model's summary of every source; article: the lead article's, in English or not. */
  kind: "model" | "article";
}

export interface DigestStory {
  id: string;
  section: Section;
  title: string;
  titleEn: string | null;
  titleLanguage: string;
  /** Why the title is not in English, when it is not. */
  untranslated: string | null;
  summary: StorySummary | null;
  languages: string[];
  feeds: string[];
  firstSeen: string;
  lastSeen: string;
  watched: boolean;
  categories: { id: string; name: string }[];
  entities: { id: string; name: string; type: string; country: string | null }[];
  sources: {
    articleId: string;
    feedId: string;
    url: string;
    title: string;
    titleEn: string | null;
    language: string;
    publishedAt: string | null;
    firstSeen: string;
  }[];
}

export interface DigestDocument {
  day: string;
  timeZone: string;
  generatedAt: string;
  translationConfigured: boolean;
  figures: {
    stories: number;
    watchedStories: number;
    articles: number;
    byLanguage: Record<string, number>;
    feedsOk: number;
    feedsFailing: { id: string; reason: string }[];
    translatedShare: number | null;
    tokens: { requests: number; prompt: number; completion: number };
    categories: { id: string; name: string; stories: number }[];
  };
  stories: DigestStory[];
  countries: { code: string; name: string; storyIds: string[] }[];
}

export interface DocumentInput {
  day: string;
  timeZone: string;
  now: Date;
  translationConfigured: boolean;
  /** The config's categories, id to name, in the config's order. */
  categories: ReadonlyMap<string, string>;
  /** Feeds in the config: figures count these. */
  feedIds: ReadonlySet<string>;
  stories: readonly DigestStoryRow[];
  sources: ReadonlyMap<string, readonly DigestSource[]>;
  figures: DayFigures;
  countryNames: ReadonlyMap<string, string>;
  /** End of the digest's day: recency counts back from it. */
  end: Date;
}

// How many stories are "top"; the rest are told after the index by country.
const TOP_STORIES = 15;
const ENTITIES_SHOWN = 12;
const LEAD_SENTENCES = 2;

/**
 * A story's rank: sources from more feeds and more languages, watched items, and freshness.
 * Each feed counts 1, each language beyond the first 1.5, a watched item 3; a story quiet for
 * a day loses a third.
 */
function storyRank(story: DigestStoryRow, end: Date): number {
  const watched = story.entities.filter((e) => e.watched).length;
  const hoursOld = Math.max(0, (end.getTime() - new Date(story.lastSeen).getTime()) / 3_600_000);
  const base = story.feeds.length + 1.5 * (story.languages.length - 1) + 3 * Math.min(watched, 2);
  return base * (1 / (1 + hoursOld / 48));
}

export function buildDocument(input: DocumentInput): DigestDocument {
  const ranked = [...input.stories].sort(
    (a, b) => storyRank(b, input.end) - storyRank(a, input.end) || (a.id < b.id ? -1 : 1),
  );
  let top = 0;
  const stories = ranked.map((row): DigestStory => {
    const section: Section = row.watched
      ? "watched"
      : top++ < TOP_STORIES && row.articleCount > 1
        ? "top"
        : "other";
    return tell(row, section, input);
  });
  const order: Section[] = ["watched", "top", "other"];
  stories.sort((a, b) => order.indexOf(a.section) - order.indexOf(b.section));
  const { figures } = input;
  const feeds = figures.feeds.filter((f) => input.feedIds.has(f.id));
  return {
    day: input.day,
    timeZone: input.timeZone,
    generatedAt: input.now.toISOString(),
    translationConfigured: input.translationConfigured,
    figures: {
      stories: stories.length,
      watchedStories: stories.filter((s) => s.watched).length,
      articles: figures.articles,
      byLanguage: figures.byLanguage,
      feedsOk: feeds.filter((f) => f.failure === null).length,
      feedsFailing: feeds.flatMap((f) =>
        f.failure === null ? [] : [{ id: f.id, reason: f.failure }],
      ),
      translatedShare:
        figures.foreign === 0
          ? null
          : Math.round((figures.translated / figures.foreign) * 1000) / 1000,
      tokens: figures.tokens,
      categories: categoryFigures(
        stories,
        [...input.categories].map(([id, name]) => ({ id, name })),
      ),
    },
    stories,
    countries: countryIndex(stories, input.countryNames),
  };
}

/** Each category with the number of these stories tagged with it, those with none left out. */
export function categoryFigures(
  stories: readonly DigestStory[],
  categories: readonly { id: string; name: string }[],
): DigestDocument["figures"]["categories"] {
  return categories
    .map(({ id, name }) => ({
      id,
      name,
      stories: stories.filter((s) => s.categories.some((c) => c.id === id)).length,
    }))
    .filter((c) => c.stories > 0);
}

function tell(row: DigestStoryRow, section: Section, input: DocumentInput): DigestStory {
  const at = (s: DigestSource) => new Date(s.publishedAt ?? s.firstSeen).getTime();
  const sources = [...(input.sources.get(row.id) ?? [])].sort((a, b) => at(a) - at(b));
  const lead = sources.find((s) => s.articleId === row.leadArticleId) ?? sources[0];
  return {
    id: row.id,
    section,
    title: row.title,
    titleEn: row.titleEn,
    titleLanguage: row.titleLanguage,
    untranslated:
      row.titleLanguage === "en" ? null : whyUntranslated(lead, input.translationConfigured),
    summary: summaryOf(row, lead),
    languages: row.languages,
    feeds: row.feeds,
    firstSeen: new Date(row.firstSeen).toISOString(),
    lastSeen: new Date(row.lastSeen).toISOString(),
    watched: row.watched,
    categories: row.categories.map((id) => ({ id, name: input.categories.get(id) ?? id })),
    entities: shownEntities(row.entities).map(entityOut),
    sources: sources.map((s) => ({
      articleId: s.articleId,
      feedId: s.feedId,
      url: s.url,
      title: s.title,
      titleEn: s.language === "en" ? s.title : s.titleEn,
      language: s.language,
      publishedAt: s.publishedAt ? new Date(s.publishedAt).toISOString() : null,
      firstSeen: new Date(s.firstSeen).toISOString(),
    })),
  };
}

/** The most named, and every watched item whatever its rank: a channel's filter looks for them. */
function shownEntities(all: readonly DigestEntity[]): DigestEntity[] {
  const watched = all.filter((e) => e.watched);
  const rest = all.filter((e) => !e.watched);
  return [...watched, ...rest.slice(0, Math.max(0, ENTITIES_SHOWN - watched.length))];
}

const entityOut = (e: DigestEntity) => ({
  id: e.id,
  name: e.name,
  type: e.type,
  country: e.country,
});

function whyUntranslated(lead: DigestSource | undefined, configured: boolean): string {
  if (!configured) return "no translation provider is configured";
  if (lead?.translationStatus === "failed")
    return `translation failed: ${lead.translationError ?? "unknown reason"}`;
  return "not translated yet";
}

/** The model's story summary, else the lead's English summary, else its opening sentences. */
function summaryOf(row: DigestStoryRow, lead: DigestSource | undefined): StorySummary | null {
  if (row.summaryEn) return { text: row.summaryEn, language: "en", kind: "model" };
  if (!lead) return null;
  if (lead.summaryEn) return { text: lead.summaryEn, language: "en", kind: "article" };
  const opening = firstSentences(lead.summary, LEAD_SENTENCES);
  return opening ? { text: opening, language: lead.language, kind: "article" } : null;
}

/** Up to n sentences (ending in . ! ? ؟ or ۔), whole. */
function firstSentences(text: string, n: number): string {
  const sentences = text.match(/[^.!?؟۔]+[.!?؟۔]+["»”']?\s*/gu) ?? [];
  const taken = sentences.slice(0, n).join("").trim();
  return taken || text.trim();
}

/** Each country named, with the stories that name it (a city counts for its country). */
function countryIndex(stories: readonly DigestStory[], names: ReadonlyMap<string, string>) {
  const byCountry = new Map<string, string[]>();
  for (const story of stories) {
    const codes = new Set(
      story.entities.filter((e) => e.type === "place" && e.country).map((e) => e.country as string),
    );
    for (const code of codes) byCountry.set(code, [...(byCountry.get(code) ?? []), story.id]);
  }
  return [...byCountry]
    .map(([code, storyIds]) => ({ code, name: names.get(code) ?? code, storyIds }))
    .sort((a, b) => b.storyIds.length - a.storyIds.length || a.name.localeCompare(b.name));
}
