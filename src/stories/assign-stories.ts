import type { Logger } from "pino";
import type { Database, Sql } from "../store/database.js";
import {
  articlesWithoutStory,
  candidateStories,
  keyCounts,
  latestMembers,
  type Placed,
  pruneStoryKeys,
  refreshStories,
  type StoryArticle,
  savePlacements,
  storiesOf,
} from "../store/stories.js";
import type { Embedder } from "./embeddings.js";
import type { StorySettings } from "./score.js";
import { type Signals, storySignals } from "./signals.js";
import {
  COMMON_KEY_STORIES,
  type IndexedStory,
  indexKeys,
  MEMBERS_COMPARED,
  StoryIndex,
} from "./story-index.js";

export interface StoriesContext {
  db: Database;
  log: Logger;
  settings: StorySettings;
  /** How far back a story can still take an article. */
  windowMs: number;
  embedder?: Embedder;
}

// Any constant will do; it only has to be the same for every wirewatch process on one database.
const STORIES_LOCK = 7_736_011;
// Stories scored per article of a batch, at most.
const CANDIDATES_PER_ARTICLE = 40;

/**
 * Each article joins the story of the same event or starts one. One batch at a time across
 * every process (an advisory lock), so two workers never open two stories for one event; an
 * article already in a story is left where it is, so a re-run changes nothing. Returns the
 * stories that changed.
 */
export async function assignStories(
  ids: readonly string[],
  ctx: StoriesContext,
): Promise<string[]> {
  const articles = await articlesWithoutStory(ctx.db, ids);
  if (articles.length === 0) return [];
  const signals = await signalsOf(articles, ctx);
  const touched = await ctx.db.transaction(async (tx) => {
    await tx.query("select pg_advisory_xact_lock($1)", [STORIES_LOCK]);
    // Another process may have placed some while this one waited for the lock.
    const still = new Set((await articlesWithoutStory(tx, ids)).map((a) => a.id));
    const todo = articles.filter((a) => still.has(a.id));
    const placed = await place(tx, todo, signals, ctx);
    await savePlacements(tx, placed);
    const storyIds = [...new Set(placed.map((p) => p.storyId))];
    await refreshStories(tx, storyIds);
    const earliest = Math.min(...todo.map((a) => new Date(a.time).getTime()));
    await pruneStoryKeys(tx, new Date(earliest - 2 * ctx.windowMs));
    return { storyIds, created: placed.filter((p) => p.created).length, placed: placed.length };
  });
  ctx.log.info(
    {
      stage: "stories",
      articles: touched.placed,
      created: touched.created,
      stories: touched.storyIds.length,
    },
    "stories assigned",
  );
  return touched.storyIds;
}

async function signalsOf(articles: readonly StoryArticle[], ctx: StoriesContext) {
  const out = new Map<string, Signals>();
  for (const a of articles) {
    out.set(a.id, storySignals({ ...a, time: new Date(a.time).getTime() }));
  }
  if (ctx.embedder) {
    const vectors = await ctx.embedder.embed(articles, ctx.log);
    for (const [id, vector] of vectors) {
      const s = out.get(id);
      if (s) s.embedding = vector;
    }
  }
  return out;
}

/** The index, seeded with the stories these articles may join, then each article in time order. */
async function place(
  tx: Sql,
  articles: readonly StoryArticle[],
  signals: ReadonlyMap<string, Signals>,
  ctx: StoriesContext,
): Promise<Placed[]> {
  if (articles.length === 0) return [];
  const keys = [...new Set(articles.flatMap((a) => indexKeys(signals.get(a.id) as Signals)))];
  const earliest = Math.min(...articles.map((a) => new Date(a.time).getTime()));
  const since = new Date(earliest - ctx.windowMs);
  // How common each key is in the window: it weighs entities by rarity, and a key most stories
  // carry finds no candidates.
  const counts = await keyCounts(tx, keys, since);
  const index = new StoryIndex(ctx.settings, counts);
  const candidates = await candidateStories(
    tx,
    keys.filter((k) => (counts.get(k) ?? 0) <= COMMON_KEY_STORIES),
    since,
    CANDIDATES_PER_ARTICLE * articles.length,
  );
  for (const story of group(await latestMembers(tx, candidates, MEMBERS_COMPARED)))
    index.load(story);
  const originals = await storiesOf(
    tx,
    articles.flatMap((a) => a.duplicateOf ?? []),
  );
  const placedHere = new Map<string, string>();
  return articles.map((article) => {
    const s = signals.get(article.id) as Signals;
    const time = new Date(article.time);
    const original = article.duplicateOf;
    // A syndicated copy is its original's story, whatever its words.
    const copyOf = original ? (originals.get(original) ?? placedHere.get(original)) : undefined;
    const assignment = copyOf ? index.join(copyOf, article.id, s) : index.add(article.id, s);
    placedHere.set(article.id, assignment.storyId);
    return { ...assignment, signals: s, keys: indexKeys(s), time };
  });
}

function group(rows: readonly { storyId: string; articleId: string; signals: Signals }[]) {
  const stories = new Map<string, IndexedStory>();
  for (const row of rows) {
    const story = stories.get(row.storyId) ?? { id: row.storyId, members: [], lastTime: 0 };
    story.members.push({ articleId: row.articleId, signals: row.signals });
    story.lastTime = Math.max(story.lastTime, row.signals.time);
    stories.set(row.storyId, story);
  }
  return stories.values();
}
