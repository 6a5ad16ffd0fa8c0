import { pairScore, type Rarity, rarityOf, type StorySettings } from "./score.js";
import type { Signals } from "./signals.js";

interface IndexedStory {
  id: string;
  /** The latest members' signals, newest last: enough to recognise the event as it develops. */
  members: Signals[];
  lastTime: number;
}

export interface Assignment {
  articleId: string;
  storyId: string;
  created: boolean;
  /** The score it joined with; for a story's first article, the best one it did not reach. */
  score: number;
}

// A story is compared through its latest members only, so a long story costs no more than this.
const MEMBERS_COMPARED = 12;
// Only the stories sharing the most keys with an article are scored.
const CANDIDATES_SCORED = 24;
// A key more stories than this carry (a country, a year) finds no candidates: it is in the
// score, but looking a story up by it would mean scoring half the window.
const COMMON_KEY_STORIES = 200;
const TERM_KEYS = 6;

/**
 * The keys an article is found by: its entities, names and numbers, and its heaviest words.
 * Two articles of one event share some of them whatever their languages.
 */
export function indexKeys(signals: Signals): readonly string[] {
  let keys = keysOf.get(signals);
  if (!keys) {
    keys = makeKeys(signals);
    keysOf.set(signals, keys);
  }
  return keys;
}

// An article's keys are read each time it is looked up, posted or let go: made once.
const keysOf = new WeakMap<Signals, readonly string[]>();

function makeKeys(signals: Signals): string[] {
  // Sorted again: a member's words come back from the store in the store's order.
  const terms = Object.entries(signals.terms)
    .sort((a, b) => b[1] - a[1])
    .slice(0, TERM_KEYS)
    .map(([word]) => `t:${signals.termLanguage}:${word}`);
  return [
    ...Object.keys(signals.entities).map((id) => `e:${id}`),
    ...signals.names.map((n) => `n:${n}`),
    ...signals.numbers.map((n) => `d:${n}`),
    ...terms,
  ];
}

/**
 * The stories sharing the most keys with an article, best first: only they are scored. A key
 * that too many stories carry is left out of the look-up.
 */
function topCandidates(
  keys: readonly string[],
  storiesWith: (key: string) => Iterable<string> | undefined,
  isCommon: (key: string) => boolean,
  limit = CANDIDATES_SCORED,
): string[] {
  const hits = new Map<string, number>();
  let most = 0;
  for (const key of keys) {
    if (isCommon(key)) continue;
    for (const id of storiesWith(key) ?? []) {
      const n = (hits.get(id) ?? 0) + 1;
      hits.set(id, n);
      if (n > most) most = n;
    }
  }
  let ranked = [...hits];
  // Many stories sharing one word each: those sharing more come first anyway, so the rest are
  // not worth sorting.
  if (ranked.length > 4 * limit && most > 1) ranked = ranked.filter(([, n]) => n > 1);
  return ranked
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, limit)
    .map(([id]) => id);
}

/** A story's id, made from its first article's: stable, and the same when the stage re-runs. */
export const storyIdFor = (articleId: string): string => `story:${articleId}`;

/**
 * Stories of a time window, found by an inverted index over their members' keys. An article
 * joins the best-scoring story that shares a key with it, or starts one: never all pairs.
 */
export class StoryIndex {
  private readonly stories = new Map<string, IndexedStory>();
  private readonly postings = new Map<string, Set<string>>();
  private readonly keysOf = new Map<string, Set<string>>();

  constructor(private readonly settings: StorySettings) {}

  /**
   * Entities' rarity in the window, remembered for one look-up: an article is scored against a
   * dozen members of two dozen stories, naming the same few entities.
   */
  private rarityNow(): Rarity {
    const known = new Map<string, number>();
    return (entityId) => {
      let r = known.get(entityId);
      if (r === undefined) {
        r = rarityOf(this.postings.get(`e:${entityId}`)?.size ?? 0);
        known.set(entityId, r);
      }
      return r;
    };
  }

  get size(): number {
    return this.stories.size;
  }

  add(articleId: string, signals: Signals): Assignment {
    const best = this.best(signals);
    if (best && best.score >= this.settings.threshold) {
      return { ...this.join(best.id, articleId, signals), score: best.score };
    }
    const started = this.join(storyIdFor(articleId), articleId, signals);
    return { ...started, created: true, score: best?.score ?? 0 };
  }

  /**
   * Puts an article into a given story, making it when the index does not hold it: a
   * syndicated copy into its original's, a placement another process made.
   */
  join(storyId: string, articleId: string, signals: Signals): Assignment {
    const story = this.stories.get(storyId) ?? { id: storyId, members: [], lastTime: 0 };
    this.stories.set(storyId, story);
    story.members.push(signals);
    if (story.members.length > MEMBERS_COMPARED) story.members.shift();
    story.lastTime = Math.max(story.lastTime, signals.time);
    this.post(storyId, signals);
    return { articleId, storyId, created: false, score: 1 };
  }

  /** Forgets stories last added to before `time`: memory stays bounded by the window. */
  evictBefore(time: number): void {
    for (const [id, story] of this.stories) {
      if (story.lastTime >= time) continue;
      this.stories.delete(id);
      for (const key of this.keysOf.get(id) ?? []) {
        const ids = this.postings.get(key);
        ids?.delete(id);
        if (ids?.size === 0) this.postings.delete(key);
      }
      this.keysOf.delete(id);
    }
  }

  private post(storyId: string, signals: Signals): void {
    const mine = this.keysOf.get(storyId) ?? new Set<string>();
    this.keysOf.set(storyId, mine);
    for (const key of indexKeys(signals)) {
      mine.add(key);
      const ids = this.postings.get(key);
      if (ids) ids.add(storyId);
      else this.postings.set(key, new Set([storyId]));
    }
  }

  private best(signals: Signals): { id: string; score: number } | undefined {
    const candidates = topCandidates(
      indexKeys(signals),
      (key) => this.postings.get(key),
      (key) => (this.postings.get(key)?.size ?? 0) > COMMON_KEY_STORIES,
    );
    let best: { id: string; score: number } | undefined;
    const rarity = this.rarityNow();
    for (const id of candidates) {
      const story = this.stories.get(id);
      if (!story) continue;
      const score = this.storyScore(signals, story, rarity);
      if (!best || score > best.score) best = { id, score };
    }
    return best;
  }

  /**
   * Halfway between the best-matching member and the mean of all compared: one member of a
   * story is not enough to pull an article about something else into it.
   */
  private storyScore(signals: Signals, story: IndexedStory, rarity: Rarity): number {
    const scores = story.members.map((m) => pairScore(signals, m, this.settings, rarity));
    if (scores.length === 0) return 0;
    const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
    return (Math.max(...scores) + mean) / 2;
  }
}
