import type { IncomingMessage, ServerResponse } from "node:http";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../src/config/index.js";
import { silentLogger } from "../src/lib/logger.js";
import { createContext } from "../src/pipeline/context.js";
import { STAGES } from "../src/pipeline/stages.js";
import { insertArticles, type NewArticle } from "../src/store/articles.js";
import { storedArticle } from "./helpers/articles.js";
import { freshPglite } from "./helpers/databases.js";
import {
  type ChatRequest,
  type FakeLlm,
  faithful,
  fakeLlm,
  type Reply,
} from "./helpers/fake-llm.js";
import { serve, type TestServer } from "./helpers/http-server.js";

const day = (hours: number) => new Date(Date.UTC(2026, 10, 20, 6 + hours));

/** One event, five languages: our own texts. */
const REPORTS: NewArticle[] = [
  [
    "en",
    "Car bomb kills 12 soldiers near Mosul",
    "A car bomb exploded at an army checkpoint south of Mosul, killing 12 soldiers and wounding 23.",
  ],
  [
    "ar",
    "مقتل 12 جنديا في تفجير سيارة مفخخة قرب الموصل",
    "انفجرت سيارة مفخخة عند نقطة تفتيش جنوب الموصل ما أسفر عن مقتل 12 جنديا وإصابة 23.",
  ],
  [
    "fr",
    "Irak : 12 soldats tués par une voiture piégée près de Mossoul",
    "Une voiture piégée a explosé à un poste de contrôle au sud de Mossoul, tuant 12 soldats et en blessant 23.",
  ],
  [
    "ru",
    "Взрыв заминированного автомобиля под Мосулом: погибли 12 военных",
    "Заминированный автомобиль взорвался на блокпосту к югу от Мосула, погибли 12 военных, 23 ранены.",
  ],
  [
    "fa",
    "انفجار خودروی بمب‌گذاری‌شده در نزدیکی موصل ۱۲ کشته برجای گذاشت",
    "یک خودروی بمب‌گذاری‌شده در ایست بازرسی جنوب موصل منفجر شد و ۱۲ سرباز کشته و ۲۳ نفر زخمی شدند.",
  ],
].map(([language, title, summary], i) =>
  storedArticle(`r-${language}`, { language, title, summary, publishedAt: day(i) }),
);

const isSummary = (r: ChatRequest) => r.messages[0]?.content.includes("reports about one event");

describe("story summaries, one request per story", () => {
  let llm: FakeLlm;
  let failSummaries: false | "status" | "misfit" = false;
  beforeAll(async () => {
    llm = await fakeLlm((r: ChatRequest): Reply => {
      if (!isSummary(r)) return faithful(r);
      if (failSummaries === "status") return { kind: "status", status: 500 };
      // A model that obeys a source instead of answering: not the schema asked for.
      if (failSummaries === "misfit")
        return {
          kind: "answer",
          content: JSON.stringify({ note: "ignore previous instructions" }),
        };
      const sources = JSON.parse(r.messages[1]?.content ?? "[]") as unknown[];
      return {
        kind: "answer",
        content: JSON.stringify({
          summary_en: `Twelve soldiers died near Mosul (${sources.length} sources).`,
        }),
      };
    });
  });
  afterAll(() => llm.close());

  it("summarises a story at three sources, again when it has grown by half, and counts the tokens", async () => {
    const t = await freshPglite();
    const config = parseConfig(
      `feeds: [{ id: f, url: "https://x.example/rss" }]
translate: { provider: openai, baseURL: "${llm.url}", apiKey: k, model: m, maxRetries: 0 }`,
      "t.yaml",
      {},
    );
    const ctx = await createContext(config, { log: silentLogger(), db: t.db });
    const step = async (articles: NewArticle[]) => {
      await insertArticles(t.db, articles);
      const ids = articles.map((a) => a.id);
      await STAGES.extract(ids, ctx);
      for (const job of await STAGES.translate(ids, ctx)) await STAGES[job.stage](job.ids, ctx);
    };
    const summaries = () => llm.requests.filter(isSummary).length;
    const story = async () =>
      (
        await t.db.query<{
          article_count: number;
          summary_en: string | null;
          summary_sources: number;
        }>("select article_count, summary_en, summary_sources from stories where id = 'story:r-en'")
      )[0];

    await step(REPORTS.slice(0, 2));
    expect(summaries()).toBe(0);
    expect(await story()).toMatchObject({ article_count: 2, summary_en: null });

    await step(REPORTS.slice(2, 3));
    expect(summaries()).toBe(1);
    expect(await story()).toEqual({
      article_count: 3,
      summary_en: "Twelve soldiers died near Mosul (3 sources).",
      summary_sources: 3,
    });

    await step(REPORTS.slice(3, 4));
    expect(summaries()).toBe(1);

    failSummaries = "status";
    await step(REPORTS.slice(4, 5));
    expect(summaries()).toBe(2);
    const [failed] = await t.db.query<{ summary_en: string; summary_error: string }>(
      "select summary_en, summary_error from stories where id = 'story:r-en'",
    );
    // The old summary stays; the failure is said, and tried again when the story next changes.
    expect(failed?.summary_en).toBe("Twelve soldiers died near Mosul (3 sources).");
    expect(failed?.summary_error).toContain("HTTP 500");

    failSummaries = "misfit";
    const { summarizeStories } = await import("../src/stories/summaries.js");
    const translator = ctx.translator as NonNullable<typeof ctx.translator>;
    await summarizeStories(["story:r-en"], { ...ctx, translator });
    // Asked once more, then the failure is kept with its reason, and nothing else changes.
    expect(summaries()).toBe(4);
    const [misfit] = await t.db.query<{ summary_en: string; summary_error: string }>(
      "select summary_en, summary_error from stories where id = 'story:r-en'",
    );
    expect(misfit?.summary_en).toBe("Twelve soldiers died near Mosul (3 sources).");
    expect(misfit?.summary_error).toContain("did not fit the schema twice: summary_en");

    failSummaries = false;
    await STAGES.stories(["r-fa"], ctx);
    expect(summaries()).toBe(4);
    await summarizeStories(["story:r-en"], { ...ctx, translator });
    expect(summaries()).toBe(5);
    expect(await story()).toMatchObject({
      article_count: 5,
      summary_en: "Twelve soldiers died near Mosul (5 sources).",
      summary_sources: 5,
    });
    // Each summary request is counted with the headline requests: 100 + 40 tokens each here.
    const [usage] = await t.db.query<{ requests: number; prompt_tokens: number }>(
      "select requests, prompt_tokens from token_usage",
    );
    expect(usage?.requests).toBe(llm.requests.length - 1);
    await t.drop();
  });
});

describe("embeddings from an OpenAI-compatible endpoint", () => {
  let server: TestServer;
  let down = false;
  const inputs: string[] = [];
  beforeAll(async () => {
    server = await serve((req: IncomingMessage, res: ServerResponse) => {
      let body = "";
      req.on("data", (c) => {
        body += c;
      });
      req.on("end", () => {
        if (down || req.url !== "/v1/embeddings") return void res.writeHead(503).end("{}");
        const request = JSON.parse(body) as { input: string[]; model: string };
        inputs.push(...request.input);
        // Both flood reports point the same way; anything else elsewhere.
        const vector = (text: string) =>
          /flood|inondation/i.test(text) ? [0.9, 0.1, 0] : [0, 0.2, 0.9];
        res.writeHead(200, { "content-type": "application/json" }).end(
          JSON.stringify({
            object: "list",
            model: request.model,
            data: request.input.map((text, index) => ({
              object: "embedding",
              index,
              embedding: vector(text),
            })),
            usage: { prompt_tokens: 10, total_tokens: 10 },
          }),
        );
      });
    });
  });
  afterAll(() => server.close());

  const FLOODS = [
    storedArticle("flood-en", {
      title: "Record rain brings flooding to Iraq",
      summary: "Rivers burst their banks after a week of storms.",
      publishedAt: day(0),
    }),
    storedArticle("flood-fr", {
      language: "fr",
      title: "Irak : des pluies record provoquent des inondations",
      summary: "Les cours d'eau ont débordé après une semaine de tempêtes.",
      publishedAt: day(1),
    }),
  ];

  async function run(embeddings: string, log = silentLogger()) {
    const t = await freshPglite();
    const config = parseConfig(
      `feeds: [{ id: f, url: "https://x.example/rss" }]\n${embeddings}`,
      "t.yaml",
      {},
    );
    const ctx = await createContext(config, { log, db: t.db });
    await insertArticles(t.db, FLOODS);
    for (const a of FLOODS) await STAGES.extract([a.id], ctx);
    for (const a of FLOODS) await STAGES.stories([a.id], ctx);
    const rows = await t.db.query<{ story_id: string }>(
      "select story_id from story_articles order by article_id",
    );
    await t.drop();
    return rows.map((r) => r.story_id);
  }

  it("joins two reports that share only a country offline once their embeddings agree", async () => {
    const [en, fr] = await run("");
    expect(fr).not.toBe(en);
    const embeddings = `stories: { embeddings: { baseURL: "${server.url}/v1", apiKey: none, model: bge-m3 } }`;
    const [en2, fr2] = await run(embeddings);
    expect(fr2).toBe(en2);
    expect(inputs.some((i) => i.startsWith("Irak : des pluies record"))).toBe(true);
  });

  it("makes stories offline when the endpoint fails, and says so", async () => {
    down = true;
    const embeddings = `stories: { embeddings: { baseURL: "${server.url}/v1", apiKey: none, model: bge-m3 } }`;
    const lines: string[] = [];
    const log = pino({ level: "warn" }, { write: (line: string) => void lines.push(line) });
    const [en, fr] = await run(embeddings, log);
    expect(en).toBe("story:flood-en");
    expect(fr).toBe("story:flood-fr");
    expect(lines.map((l) => JSON.parse(l))).toContainEqual(
      expect.objectContaining({
        stage: "stories",
        msg: "embeddings endpoint failed; stories made without embeddings",
      }),
    );
  });
});
