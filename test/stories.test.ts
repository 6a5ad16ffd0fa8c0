import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../src/lib/logger.js";
import { type Context, createContext } from "../src/pipeline/context.js";
import { STAGES } from "../src/pipeline/stages.js";
import { insertArticles, type NewArticle } from "../src/store/articles.js";
import type { Sql } from "../src/store/database.js";
import { assignStories, StoryCache } from "../src/stories/assign-stories.js";
import { STORY_SETTINGS } from "../src/stories/settings.js";
import { storedArticle } from "./helpers/articles.js";
import { testConfig, WATCHLIST_YAML } from "./helpers/config.js";
import { BACKENDS, type TestDatabase } from "./helpers/databases.js";

const SEEDS = new URL("../../shared/seeds/", import.meta.url);

/** A seed article as a feed would bring it: its first line the title, the rest the body. */
async function seed(file: string, id: string, language: string): Promise<NewArticle> {
  const [title = "", ...rest] = (await readFile(new URL(file, SEEDS), "utf8")).trim().split("\n");
  return storedArticle(id, {
    language,
    title: title.trim(),
    summary: "",
    body: rest.join("\n").trim(),
    publishedAt: new Date("2026-11-20T09:00:00Z"),
  });
}

const at = (hours: number) => new Date(Date.UTC(2026, 10, 20, 6 + hours));

/** Two events in Iraq on one day, each reported in two languages: our own texts. */
const EVENTS: NewArticle[] = [
  storedArticle("attack-en", {
    title: "Car bomb kills 12 soldiers near Mosul",
    summary:
      "A car bomb exploded at an army checkpoint south of Mosul on Tuesday, killing 12 soldiers and wounding 23, Iraqi security officials said. Islamic State claimed the attack.",
    publishedAt: at(1),
  }),
  storedArticle("election-en", {
    title: "Iraqis vote in parliamentary election",
    summary:
      "Polling stations opened across Iraq on Sunday, from Baghdad to Basra; the electoral commission put turnout at 41 percent by midday. Prime Minister Mohammed Shia al-Sudani voted in the capital.",
    publishedAt: at(2),
  }),
  storedArticle("attack-ar", {
    language: "ar",
    title: "مقتل 12 جنديا في تفجير سيارة مفخخة قرب الموصل",
    summary:
      "انفجرت سيارة مفخخة عند نقطة تفتيش للجيش جنوب الموصل يوم الثلاثاء ما أسفر عن مقتل 12 جنديا وإصابة 23 آخرين، وتبنى تنظيم داعش الهجوم.",
    publishedAt: at(3),
  }),
  storedArticle("election-fr", {
    language: "fr",
    title: "Irak : les électeurs aux urnes pour les législatives",
    summary:
      "Les bureaux de vote ont ouvert dimanche de Bagdad à Bassora ; la commission électorale annonce une participation de 41 % à la mi-journée. Le Premier ministre Mohammed Chia al-Soudani a voté dans la capitale.",
    publishedAt: at(4),
  }),
];

async function storyOf(t: TestDatabase): Promise<Record<string, string>> {
  const rows = await t.db.query<{ article_id: string; story_id: string }>(
    "select article_id, story_id from story_articles order by article_id",
  );
  return Object.fromEntries(rows.map((r) => [r.article_id, r.story_id]));
}

async function process(ctx: Context, ids: string[]): Promise<void> {
  await STAGES.extract(ids, ctx);
  await STAGES.stories(ids, ctx);
}

describe.each(BACKENDS)("the stories stage on %s", (_name, open) => {
  let t: TestDatabase;
  let ctx: Context;
  beforeAll(async () => {
    t = await open();
    ctx = await createContext(
      testConfig(`feeds: [{ id: f, url: "https://x.example/rss" }]\n${WATCHLIST_YAML}`),
      { log: silentLogger(), db: t.db },
    );
  });
  afterAll(() => t.drop());

  it("files the two seed articles, English and French, about one committee, under one story", async () => {
    await insertArticles(t.db, [await seed("000_b343f2fd5bbd8b97.txt", "seed-en", "en")]);
    await insertArticles(t.db, [await seed("003_3bdfa15bfe592517.txt", "seed-fr", "fr")]);
    await process(ctx, ["seed-en"]);
    await process(ctx, ["seed-fr"]);
    const stories = await storyOf(t);
    expect(stories["seed-fr"]).toBe(stories["seed-en"]);
    const [story] = await t.db.query<Record<string, unknown>>(
      "select title, title_language, lead_article_id, article_count, languages, watched from stories where id = $1",
      [stories["seed-en"]],
    );
    expect(story).toEqual({
      title: "Iraq, Iran, Russia and Syria to exchange security information",
      title_language: "en",
      lead_article_id: "seed-en",
      article_count: 2,
      languages: ["en", "fr"],
      watched: true,
    });
  });

  it("keeps two events that share a country apart, and joins each one's reports across languages", async () => {
    await insertArticles(t.db, EVENTS);
    await process(
      ctx,
      EVENTS.map((a) => a.id),
    );
    const s = await storyOf(t);
    expect(s["attack-ar"]).toBe(s["attack-en"]);
    expect(s["election-fr"]).toBe(s["election-en"]);
    expect(s["attack-en"]).not.toBe(s["election-en"]);
    expect(s["attack-en"]).not.toBe(s["seed-en"]);
    expect(s["election-en"]).not.toBe(s["seed-en"]);
  });

  it("gives the same result when run again on the same ids: nothing moves, nothing is added", async () => {
    const snapshot = async () => ({
      members: await t.db.query(
        "select story_id, article_id, score from story_articles order by article_id",
      ),
      stories: await t.db.query(
        "select id, title, lead_article_id, article_count, languages, feeds, entities, watched from stories order by id",
      ),
    });
    const before = await snapshot();
    await STAGES.stories(["seed-en", "seed-fr", ...EVENTS.map((a) => a.id)], ctx);
    expect(await snapshot()).toEqual(before);
  });

  it("puts a syndicated copy in its original's story, and an event from last week in a story of its own", async () => {
    await insertArticles(t.db, [
      storedArticle("attack-copy", {
        url: "https://y.example/attack-copy",
        title: "Mosul checkpoint bombing",
        summary: "Twelve soldiers died when a car exploded at a checkpoint.",
        publishedAt: at(5),
        duplicateOf: "attack-en",
      }),
      storedArticle("attack-old", {
        ...EVENTS[0],
        id: "attack-old",
        url: "https://x.example/attack-old",
        contentHash: "attack-old",
        publishedAt: new Date("2026-11-10T07:00:00Z"),
      }),
    ]);
    await process(ctx, ["attack-copy", "attack-old"]);
    const s = await storyOf(t);
    expect(s["attack-copy"]).toBe(s["attack-en"]);
    expect(s["attack-old"]).toBe("story:attack-old");
  });

  it("a second process's index catches up with what the first placed before it joins a story", async () => {
    const other = await createContext(ctx.config, { log: silentLogger(), db: t.db });
    await insertArticles(t.db, [
      storedArticle("market-en", {
        title: "Grain prices steady at the Basra market",
        summary: "Traders reported little change this week.",
        publishedAt: at(5),
      }),
    ]);
    // The second process has its index of the window from an earlier batch.
    await process(other, ["market-en"]);
    expect(other.storyCache.seq).toBeGreaterThan(0);
    await insertArticles(t.db, [
      storedArticle("quake-en", {
        title: "Earthquake of magnitude 6.1 strikes Kermanshah province",
        summary:
          "The quake hit near Sarpol-e Zahab at 21:48, injuring 57 people, Iranian officials said.",
        publishedAt: at(6),
      }),
      storedArticle("quake-fr", {
        language: "fr",
        title: "Iran : un séisme de magnitude 6,1 frappe la province de Kermanshah",
        summary: "Le séisme a frappé près de Sarpol-e Zahab à 21h48, faisant 57 blessés.",
        publishedAt: at(7),
      }),
    ]);
    await STAGES.extract(["quake-en", "quake-fr"], ctx);
    await STAGES.stories(["quake-en"], ctx);
    await STAGES.stories(["quake-fr"], other);
    const s = await storyOf(t);
    expect(s["quake-fr"]).toBe(s["quake-en"]);
  });

  it("leaves a batch alone when another process placed it while this one waited for the lock", async () => {
    const other = await createContext(ctx.config, { log: silentLogger(), db: t.db });
    await insertArticles(t.db, [
      storedArticle("race-en", {
        title: "Dam on the Tigris reopens after repairs",
        summary: "Engineers finished work on the spillway on Thursday.",
        publishedAt: at(8),
      }),
    ]);
    await STAGES.extract(["race-en"], ctx);
    // This process reads the batch, then the other places it before this one takes the lock.
    const db = new Proxy(t.db, {
      get(target, key, receiver) {
        if (key !== "transaction") return Reflect.get(target, key, receiver);
        return async (fn: Parameters<typeof target.transaction>[0]) => {
          await STAGES.stories(["race-en"], other);
          return target.transaction(fn);
        };
      },
    });
    // A process just started: its index has not looked at the store yet.
    const changed = await assignStories(["race-en"], {
      ...ctx,
      db,
      windowMs: ctx.config.stories.window,
      settings: STORY_SETTINGS,
      cache: new StoryCache(),
    });
    expect(changed).toEqual([]);
    expect((await storyOf(t))["race-en"]).toBe("story:race-en");
  });

  it("a batch whose write fails leaves nothing half done, and the next run places it", async () => {
    await insertArticles(t.db, [
      storedArticle("fail-en", {
        title: "Power cut hits Basra for a third day",
        summary: "Generators ran short of fuel across the city.",
        publishedAt: at(10),
      }),
    ]);
    await STAGES.extract(["fail-en"], ctx);
    // The store refuses the members' insert once, as a dropped connection would.
    let refuse = true;
    const failing = (sql: Sql): Sql => ({
      exec: (text) => sql.exec(text),
      query: (text, params) => {
        if (refuse && text.includes("insert into story_articles")) {
          refuse = false;
          return Promise.reject(new Error("connection lost"));
        }
        return sql.query(text, params);
      },
    });
    const db = new Proxy(t.db, {
      get(target, key, receiver) {
        if (key !== "transaction") return Reflect.get(target, key, receiver);
        return (fn: (tx: Sql) => Promise<unknown>) => target.transaction((tx) => fn(failing(tx)));
      },
    });
    const cache = new StoryCache();
    const stories = {
      ...ctx,
      db,
      windowMs: ctx.config.stories.window,
      settings: STORY_SETTINGS,
      cache,
    };
    await expect(assignStories(["fail-en"], stories)).rejects.toThrow("connection lost");
    // Its index may have held the article: it is dropped, to be read again from the store.
    expect(cache.index).toBeUndefined();
    expect((await storyOf(t))["fail-en"]).toBeUndefined();
    expect(await t.db.query("select id from stories where id = 'story:fail-en'")).toEqual([]);
    await assignStories(["fail-en"], stories);
    expect((await storyOf(t))["fail-en"]).toBe("story:fail-en");
  });

  it("gives a story its English title when its lead's translation comes later", async () => {
    await insertArticles(t.db, [
      storedArticle("solo-ar", {
        language: "ar",
        title: "افتتاح معرض للكتاب في أربيل",
        summary: "افتتح معرض الكتاب السنوي في أربيل بمشاركة مئات دور النشر.",
        publishedAt: at(9),
      }),
    ]);
    await process(ctx, ["solo-ar"]);
    const title = () =>
      t.db.query<{ title: string; title_language: string }>(
        "select title, title_language from stories where id = 'story:solo-ar'",
      );
    expect(await title()).toEqual([{ title: "افتتاح معرض للكتاب في أربيل", title_language: "ar" }]);
    // What retranslate does: the article, translated at last, goes through the stage again.
    await t.db.query(
      "update articles set title_en = 'Book fair opens in Erbil' where id = 'solo-ar'",
    );
    await STAGES.stories(["solo-ar"], ctx);
    expect(await title()).toEqual([{ title: "Book fair opens in Erbil", title_language: "en" }]);
  });

  it("joins two English reports of one event whose figures have moved on, and keeps another event in the country apart", async () => {
    const report = (id: string, hours: number, title: string, summary: string) =>
      storedArticle(id, { title, summary, publishedAt: at(hours) });
    await insertArticles(t.db, [
      report(
        "quake-first",
        10,
        "Earthquake in western Iran kills at least 7",
        "A magnitude 5.9 earthquake struck Kermanshah province on Monday night, killing at least 7 people and injuring 300, the Red Crescent said, as rescuers searched collapsed homes in mountain villages.",
      ),
      report(
        "quake-later",
        20,
        "Death toll climbs to 11 in Kermanshah",
        "Emergency services in Iran said on Tuesday that 11 people died and 520 were hurt when the earthquake flattened houses across the province overnight; aid convoys are heading to the worst-hit districts.",
      ),
      report(
        "petrol",
        21,
        "Iran raises petrol prices by 50 percent",
        "The government in Tehran raised the price of subsidised petrol on Friday, the oil ministry said, a move that sparked protests in several cities of Iran.",
      ),
    ]);
    for (const id of ["quake-first", "quake-later", "petrol"]) await process(ctx, [id]);
    const s = await storyOf(t);
    // Every number differs (a toll, the injured, the day's figures): the event is the same.
    expect(s["quake-later"]).toBe(s["quake-first"]);
    expect(s.petrol).not.toBe(s["quake-first"]);
  });

  it("leaves nothing behind: articles a crash kept from their story are found and placed", async () => {
    await t.db.query("delete from story_articles where article_id = 'election-fr'");
    const { articlesAwaitingStory } = await import("../src/store/stories.js");
    const awaiting = () => articlesAwaitingStory(t.db, { translating: false });
    expect(await awaiting()).toEqual(["election-fr"]);
    // With a provider, an article waits for its English title before it joins a story.
    expect(await articlesAwaitingStory(t.db, { translating: true })).toEqual([]);
    await STAGES.stories(await awaiting(), ctx);
    const s = await storyOf(t);
    expect(s["election-fr"]).toBe(s["election-en"]);
    expect(await awaiting()).toEqual([]);
  });
});
