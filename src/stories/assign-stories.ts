import type { Logger } from "pino";
import type { Database, Sql } from "../store/database.js";
import {
  articlesWithoutStory,
  lastPlacement,
  type Placed,
  placementsSince,
  refreshStories,
  type StoryArticle,
  savePlacements,
  storiesOf,
} from "../store/stories.js";
import type { Embedder } from "./embeddings.js";
import type { StorySettings } from "./score.js";
import { type Signals, storySignals } from "./signals.js";
import { StoryIndex } from "./story-index.js";

/**
 * A process's index of the window's stories, kept between batches: the store holds every
 * placement, numbered, and the index reads only those made since its last look (by other
 * processes), so a batch costs no look-ups. Dropped when a batch fails, and built again.
 */
export class StoryCache {
  index: StoryIndex | undefined;
  seq = 0;
  latest = 0;

  reset(): void {
    this.index = undefined;
    this.seq = 0;
    this.latest = 0;
  }
}

export interface StoriesContext {
  db: Database;
  log: Logger;
  settings: StorySettings;
  /** How far back a story can still take an article. */
  windowMs: number;
  cache: StoryCache;
  embedder?: Embedder;
}

// Any constant will do; it only has to be the same for every wirewatch process on one database.
const STORIES_LOCK = 7_736_011;

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
  if (articles.length < ids.length) await refreshPlaced(ids, articles, ctx.db);
  if (articles.length === 0) return [];
  const signals = await signalsOf(articles, ctx);
  const touched = await ctx.db
    .transaction(async (tx) => {
      await tx.query("select pg_advisory_xact_lock($1)", [STORIES_LOCK]);
      // Another process may have placed some while this one waited for the lock; and a copy
      // goes to its original's story.
      const known = await storiesOf(tx, [
        ...articles.map((a) => a.id),
        ...articles.flatMap((a) => a.duplicateOf ?? []),
      ]);
      const todo = articles.filter((a) => !known.has(a.id));
      if (todo.length === 0) return { storyIds: [], created: 0, placed: 0 };
      const index = await caughtUp(tx, todo, ctx);
      const placed = place(index, todo, signals, known);
      await savePlacements(tx, placed);
      const storyIds = [...new Set(placed.map((p) => p.storyId))];
      await refreshStories(tx, storyIds);
      ctx.cache.seq = await lastPlacement(tx);
      return { storyIds, created: placed.filter((p) => p.created).length, placed: placed.length };
    })
    .catch((error: unknown) => {
      // The index may hold placements the store does not: start afresh from the store.
      ctx.cache.reset();
      throw error;
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

/**
 * Articles already in a story come back here when they change (an English title that came
 * later, from retranslate): their stories' titles and summary columns are made again.
 */
async function refreshPlaced(
  ids: readonly string[],
  unplaced: readonly StoryArticle[],
  db: Database,
): Promise<void> {
  const fresh = new Set(unplaced.map((a) => a.id));
  const placed = await storiesOf(
    db,
    ids.filter((id) => !fresh.has(id)),
  );
  await db.transaction((tx) => refreshStories(tx, [...new Set(placed.values())]));
}

/**
 * The cached index with every placement made since it last looked (all of the window, for a
 * process just started), and the stories quiet for longer than the window let go.
 */
async function caughtUp(
  tx: Sql,
  articles: readonly StoryArticle[],
  ctx: StoriesContext,
): Promise<StoryIndex> {
  const { cache } = ctx;
  const times = articles.map((a) => new Date(a.time).getTime());
  cache.index ??= new StoryIndex(ctx.settings);
  const since = new Date(Math.min(...times, cache.latest || Infinity) - ctx.windowMs);
  for (const row of await placementsSince(tx, cache.seq, since)) {
    cache.index.join(row.storyId, row.articleId, row.signals);
    cache.latest = Math.max(cache.latest, row.signals.time);
  }
  cache.latest = Math.max(cache.latest, ...times);
  cache.index.evictBefore(cache.latest - ctx.windowMs);
  return cache.index;
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

/** Each article in time order into the index; a syndicated copy into its original's story. */
function place(
  index: StoryIndex,
  articles: readonly StoryArticle[],
  signals: ReadonlyMap<string, Signals>,
  originals: ReadonlyMap<string, string>,
): Placed[] {
  const placedHere = new Map(originals);
  return articles.map((article) => {
    const s = signals.get(article.id) as Signals;
    const original = article.duplicateOf;
    const copyOf = original ? placedHere.get(original) : undefined;
    const assignment = copyOf ? index.join(copyOf, article.id, s) : index.add(article.id, s);
    placedHere.set(article.id, assignment.storyId);
    return { ...assignment, signals: s, time: new Date(article.time) };
  });
}
