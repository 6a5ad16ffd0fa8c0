/**
 * Stories: the assigner over 100,000 articles spread over 7 days (in memory, as the stage uses
 * it, signals made from each article's text), the stage itself on PGlite, and a day's digest of
 * 10,000 articles in three formats.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { parseConfig } from "../src/config/index.js";
import { buildDigest } from "../src/digest/build.js";
import { silentLogger } from "../src/lib/logger.js";
import { createContext } from "../src/pipeline/context.js";
import { STAGES } from "../src/pipeline/stages.js";
import { insertArticles, type NewArticle } from "../src/store/articles.js";
import { STORY_SETTINGS } from "../src/stories/settings.js";
import { storySignals } from "../src/stories/signals.js";
import { StoryIndex } from "../src/stories/story-index.js";

const DAY_MS = 86_400_000;
const WINDOW_MS = 3 * DAY_MS;
const START = Date.UTC(2026, 10, 14);

const PLACES: Record<string, string[]> = {
  en: [
    "Baghdad",
    "Mosul",
    "Basra",
    "Damascus",
    "Aleppo",
    "Homs",
    "Tehran",
    "Beirut",
    "Moscow",
    "Sanaa",
  ],
  fr: [
    "Bagdad",
    "Mossoul",
    "Bassora",
    "Damas",
    "Alep",
    "Homs",
    "Téhéran",
    "Beyrouth",
    "Moscou",
    "Sanaa",
  ],
  ru: [
    "Багдаде",
    "Мосуле",
    "Басре",
    "Дамаске",
    "Алеппо",
    "Хомсе",
    "Тегеране",
    "Бейруте",
    "Москве",
    "Сане",
  ],
  ar: ["بغداد", "الموصل", "البصرة", "دمشق", "حلب", "حمص", "طهران", "بيروت", "موسكو", "صنعاء"],
  fa: ["بغداد", "موصل", "بصره", "دمشق", "حلب", "حمص", "تهران", "بیروت", "مسکو", "صنعا"],
};
const VERBS: Record<string, string[]> = {
  en: ["attack near", "talks in", "protest in", "blast in", "visit to", "flooding in"],
  fr: [
    "attaque près de",
    "pourparlers à",
    "manifestation à",
    "explosion à",
    "visite à",
    "inondations à",
  ],
  ru: ["нападение в", "переговоры в", "протест в", "взрыв в", "визит в", "наводнение в"],
  ar: ["هجوم قرب", "محادثات في", "احتجاج في", "انفجار في", "زيارة إلى", "فيضانات في"],
  fa: ["حمله در", "مذاکره در", "اعتراض در", "انفجار در", "سفر به", "سیل در"],
};
const LANGUAGES = Object.keys(PLACES);

const CONSONANTS = "bdfghklmnrstvz";
const VOWELS = "aeiou";

/** A made-up surname for an event: its own consonants, as real names differ. */
function surname(seed: number): string {
  let state = (seed * 2654435761) >>> 0;
  let name = "";
  for (let k = 0; k < 3; k++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    name += CONSONANTS[(state >>> 8) % CONSONANTS.length];
    name += VOWELS[(state >>> 16) % VOWELS.length];
  }
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** A place among 300, the commonest named far more often (a Zipf-like draw). */
const placeOf = (event: number) => Math.floor(300 * ((event * 0.618034) % 1) ** 2);

/** The i-th article: event i/4 (about four reports each), in turn in each language. */
export function article(i: number) {
  const event = Math.floor(i / 4);
  const language = LANGUAGES[(i + event) % LANGUAGES.length] as string;
  const place = placeOf(event);
  const placeName = (PLACES[language] as string[])[place % 10] as string;
  const verb = (VERBS[language] as string[])[event % 6] as string;
  const figure = 10 + ((event * 7919) % 99_989);
  const person = surname(event);
  // Words of the event's own (a ship's name, a district, a party), as real reports have.
  const own = `${surname(event + 1_000_003).toLowerCase()} ${surname(event + 2_000_003).toLowerCase()}`;
  return {
    id: `a${i}`,
    language,
    title: `${verb} ${placeName}: ${figure} ${own}`,
    summary: `${placeName}. ${person} ${verb} ${figure} ${own}.`,
    body: null,
    titleEn: null,
    summaryEn: null,
    entityIds: [
      `geonames:${place}`,
      `country:C${place % 20}`,
      ...(event % 5 === 0 ? ["watch:isis"] : []),
    ],
    entitySurfaces: [placeName],
    time: START + Math.floor((i * 7 * DAY_MS) / 100_000),
  };
}

function heapMB(): number {
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
  return Math.round(process.memoryUsage().heapUsed / 2 ** 20);
}

export interface StoriesBench {
  articlesPerSecond: number;
  peakRssMB: number;
  heapMBDay4: number;
  heapMBDay7: number;
  storiesHeld: number;
  /** Stories made for 25,000 events of four reports each. */
  storiesMade: number;
  stageArticlesPerSecond: number;
  digestMs10k: number;
}

/** The assigner: every article in time order, stories quiet for longer than the window let go. */
function assignInMemory(total: number) {
  const index = new StoryIndex(STORY_SETTINGS);
  let heapMBDay4 = 0;
  let lastEviction = START;
  let created = 0;
  const started = performance.now();
  for (let i = 0; i < total; i++) {
    const a = article(i);
    if (index.add(a.id, storySignals(a)).created) created++;
    if (a.time - lastEviction >= DAY_MS / 4) {
      index.evictBefore(a.time - WINDOW_MS);
      lastEviction = a.time;
    }
    if (heapMBDay4 === 0 && a.time >= START + 4 * DAY_MS) heapMBDay4 = heapMB();
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    articlesPerSecond: Math.round(total / seconds),
    heapMBDay4,
    heapMBDay7: heapMB(),
    held: index.size,
    created,
  };
}

/** The stage on PGlite, 500 at a time, then the digest of that day in md, html and json. */
async function stageAndDigest(count: number) {
  const dir = await mkdtemp(join(tmpdir(), "wirewatch-bench-stories-"));
  try {
    const config = parseConfig(
      `feeds: [{ id: f, url: "https://x.example/rss" }]\nstore: { path: "${join(dir, "store")}" }\ndigest: { outDir: "${join(dir, "digests")}", formats: [md, html, json] }\ntimezone: UTC`,
      "bench.yaml",
      {},
    );
    const ctx = await createContext(config, { log: silentLogger() });
    try {
      const day = new Date(START);
      const rows: NewArticle[] = Array.from({ length: count }, (_, i) => {
        const a = article(i);
        const at = new Date(START + Math.floor((i * DAY_MS) / (count + 1)));
        return {
          id: a.id,
          feedId: "f",
          url: `https://x.example/${a.id}`,
          contentHash: a.id,
          title: a.title,
          summary: a.summary,
          body: null,
          author: null,
          publishedAt: at,
          fetchedAt: at,
          declaredLanguage: a.language,
          language: a.language,
          languageConfidence: 1,
          translationStatus: "none",
        };
      });
      for (let i = 0; i < rows.length; i += 1000)
        await insertArticles(ctx.db, rows.slice(i, i + 1000));
      const ids = rows.map((r) => r.id);
      for (let i = 0; i < ids.length; i += 500) await STAGES.extract(ids.slice(i, i + 500), ctx);
      const started = performance.now();
      for (let i = 0; i < ids.length; i += 500) await STAGES.stories(ids.slice(i, i + 500), ctx);
      const stageSeconds = (performance.now() - started) / 1000;
      const digestStarted = performance.now();
      await buildDigest(ctx.db, config, day.toISOString().slice(0, 10));
      return {
        stageArticlesPerSecond: Math.round(count / stageSeconds),
        digestMs10k: Math.round(performance.now() - digestStarted),
      };
    } finally {
      await ctx.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function benchStories(): Promise<StoriesBench> {
  const memory = assignInMemory(100_000);
  const peakRssMB = Math.round(process.resourceUsage().maxRSS / 1024);
  const store = await stageAndDigest(10_000);
  return {
    articlesPerSecond: memory.articlesPerSecond,
    peakRssMB,
    heapMBDay4: memory.heapMBDay4,
    heapMBDay7: memory.heapMBDay7,
    storiesHeld: memory.held,
    storiesMade: memory.created,
    ...store,
  };
}
