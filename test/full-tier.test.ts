import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../src/config/index.js";
import { buildDigest } from "../src/digest/build.js";
import { silentLogger } from "../src/lib/logger.js";
import { createContext } from "../src/pipeline/context.js";
import { STAGES } from "../src/pipeline/stages.js";
import { insertArticles, type NewArticle } from "../src/store/articles.js";
import { resetForRetranslation } from "../src/store/translations.js";
import { storedArticle } from "./helpers/articles.js";
import { freshPglite, type TestDatabase } from "./helpers/databases.js";
import {
  type ChatRequest,
  englishOf,
  type FakeLlm,
  faithful,
  fakeLlm,
  type Reply,
} from "./helpers/fake-llm.js";

const WATCHED = "Réunion du renseignement à Bagdad contre Daech";
const SUMMARY = "Le général Saad al-Alaq a dirigé la réunion à Bagdad.";

function article(id: string, title: string, summary: string): NewArticle {
  return storedArticle(id, { title, summary, language: "fr" });
}

/** Headline requests answered faithfully; a full request answered as a careful model would. */
function model(request: ChatRequest): Reply {
  if (!request.messages[0]?.content.includes("summary_en")) return faithful(request);
  return {
    kind: "answer",
    content: JSON.stringify({
      title_en: "Intelligence meeting in Baghdad against Islamic State",
      summary_en:
        "General Saad al-Alaq chaired a meeting in Baghdad. Its subject was the fight against Islamic State.",
      body_en: null,
      entities: [
        { name: "Islamic State", type: "ORG", surface: "Daech", country: null },
        { name: "Baghdad", type: "LOC", surface: "Bagdad", country: "IQ" },
        { name: "Saad al-Alaq", type: "PER", surface: "Saad al-Alaq", country: null },
        { name: "Iraqi Army", type: "ORG", surface: "armée irakienne", country: null },
      ],
    }),
  };
}

describe("the full tier", () => {
  let t: TestDatabase;
  let llm: FakeLlm;
  beforeAll(async () => {
    t = await freshPglite();
    llm = await fakeLlm(model);
  });
  afterAll(async () => {
    await llm.close();
    await t.drop();
  });

  it("goes to articles that name a watched item: English summary, and the model's entities linked to the gazetteer", async () => {
    const config = parseConfig(
      `feeds: [{ id: f, url: "https://x.example/rss" }]
watchlist:
  - { id: isis, type: group, name: Islamic State, aliases: { fr: [Daech], ar: [داعش] } }
translate: { provider: openai, baseURL: "${llm.url}", apiKey: k, model: m }`,
      "t.yaml",
      {},
    );
    const ctx = await createContext(config, { log: silentLogger(), db: t.db });
    await insertArticles(t.db, [
      article("w1", WATCHED, SUMMARY),
      article("p1", "La météo du week-end à Marseille", "Du soleil partout."),
    ]);
    await STAGES.extract(["w1", "p1"], ctx);
    await STAGES.translate(["w1", "p1"], ctx);

    const full = llm.requests.filter((r) => r.messages[0]?.content.includes("summary_en"));
    expect(full).toHaveLength(1);
    expect(full[0]?.messages[0]?.content).toContain("Islamic State (also written: Daech, داعش)");
    expect(JSON.parse(full[0]?.messages[1]?.content ?? "{}")).toMatchObject({
      id: "w1",
      title: WATCHED,
    });

    const rows = await t.db.query<{
      id: string;
      title_en: string;
      summary_en: string | null;
      full_status: string | null;
    }>("select id, title_en, summary_en, full_status from articles order by id");
    expect(rows).toEqual([
      {
        id: "p1",
        title_en: englishOf("La météo du week-end à Marseille"),
        summary_en: null,
        full_status: null,
      },
      {
        id: "w1",
        title_en: englishOf(WATCHED),
        summary_en:
          "General Saad al-Alaq chaired a meeting in Baghdad. Its subject was the fight against Islamic State.",
        full_status: "done",
      },
    ]);
    const mentions = await t.db.query<{
      entity_id: string;
      field: string;
      start_offset: number;
      surface: string;
    }>(
      "select entity_id, field, start_offset, surface from mentions where article_id = 'w1' and method = 'llm' order by entity_id",
    );
    expect(mentions).toEqual([
      { entity_id: "geonames:98182", field: "title", start_offset: 27, surface: "Bagdad" },
      {
        entity_id: "llm:org:iraqi-army",
        field: "summary",
        start_offset: -1,
        surface: "armée irakienne",
      },
      {
        entity_id: "llm:per:saad-al-alaq",
        field: "summary",
        start_offset: 11,
        surface: "Saad al-Alaq",
      },
      { entity_id: "watch:isis", field: "title", start_offset: 41, surface: "Daech" },
    ]);
    const person = await t.db.query(
      "select type, name, watched from entities where id = 'llm:per:saad-al-alaq'",
    );
    expect(person).toEqual([{ type: "person", name: "Saad al-Alaq", watched: false }]);

    await STAGES.stories(["w1", "p1"], ctx);
    const out = join(await mkdtemp(join(tmpdir(), "wirewatch-full-")), "d.md");
    const day = new Date().toISOString().slice(0, 10);
    const [md] = (await buildDigest(t.db, config, day, { formats: ["md"], out })).files;
    expect(md?.content).toContain(`### S1. ${englishOf(WATCHED)}\n`);
    expect(md?.content).toMatch(
      new RegExp(
        `\\*\\*\\[fr\\]\\*\\* f · ${englishOf(WATCHED)} \\(original: ${WATCHED}\\) · <https://`,
      ),
    );
    expect(md?.content).toContain(
      "General Saad al-Alaq chaired a meeting in Baghdad. Its subject was the fight against Islamic State.\n",
    );

    // The same text re-published under another URL: its full tier comes from the cache.
    await insertArticles(t.db, [
      { ...article("w2", WATCHED, SUMMARY), url: "https://y.example/w2", contentHash: "w2" },
    ]);
    await STAGES.extract(["w2"], ctx);
    const before = llm.requests.length;
    await STAGES.translate(["w2"], ctx);
    expect(llm.requests.length).toBe(before);
    const w2 = await t.db.query("select summary_en, full_status from articles where id = 'w2'");
    expect(w2).toEqual([{ summary_en: rows[1]?.summary_en, full_status: "done" }]);
  });

  it("goes to articles of a category triage names, and to no other", async () => {
    const config = parseConfig(
      `feeds: [{ id: f, url: "https://x.example/rss" }]
categories:
  - { id: storms, name: Storms, any: { keywords: { fr: [tempête*, orage*] } } }
triage: { full: { watchlist: false, categories: [storms] } }
translate: { provider: openai, baseURL: "${llm.url}", apiKey: k, model: m }`,
      "t.yaml",
      {},
    );
    const ctx = await createContext(config, { log: silentLogger(), db: t.db });
    await insertArticles(t.db, [
      article("c1", "Tempêtes sur la côte atlantique", "Des vents violents."),
      article("c2", "Les marchés ouvrent en hausse", "La Bourse progresse."),
    ]);
    const before = llm.requests.length;
    await STAGES.extract(["c1", "c2"], ctx);
    await STAGES.translate(["c1", "c2"], ctx);
    const full = llm.requests
      .slice(before)
      .filter((r) => r.messages[0]?.content.includes("summary_en"))
      .map((r) => JSON.parse(r.messages[1]?.content ?? "{}").id);
    expect(full).toEqual(["c1"]);
  });

  it("a full tier that failed is tried again by retranslate", async () => {
    const own = await freshPglite();
    let failing = true;
    const flaky = await fakeLlm((r) =>
      failing && r.messages[0]?.content.includes("summary_en")
        ? { kind: "status", status: 500 }
        : model(r),
    );
    try {
      const config = parseConfig(
        `feeds: [{ id: f, url: "https://x.example/rss" }]
watchlist:
  - { id: isis, type: group, name: Islamic State, aliases: { fr: [Daech] } }
translate: { provider: openai, baseURL: "${flaky.url}", apiKey: k, model: m, maxRetries: 0 }`,
        "t.yaml",
        {},
      );
      const ctx = await createContext(config, { log: silentLogger(), db: own.db });
      await insertArticles(own.db, [article("w2", WATCHED, SUMMARY)]);
      await STAGES.extract(["w2"], ctx);
      await STAGES.translate(["w2"], ctx);
      const status = async () =>
        (
          await own.db.query<{ translation_status: string; full_status: string }>(
            "select translation_status, full_status from articles where id = 'w2'",
          )
        )[0];
      expect(await status()).toEqual({ translation_status: "done", full_status: "failed" });
      failing = false;
      const ids = await resetForRetranslation(own.db, null);
      expect(ids).toEqual(["w2"]);
      await STAGES.translate(ids, ctx);
      expect(await status()).toEqual({ translation_status: "done", full_status: "done" });
    } finally {
      await flaky.close();
      await own.drop();
    }
  });
});
