import { readFile } from "node:fs/promises";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { buildDocument, type DocumentInput } from "../src/digest/document.js";
import { renderHtml } from "../src/digest/html.js";
import { renderMarkdown } from "../src/digest/markdown.js";
import type { DigestSource, DigestStoryRow } from "../src/store/digests.js";

const DAY = "2026-11-20";
const END = new Date("2026-11-20T21:00:00Z");

function source(id: string, fields: Partial<DigestSource> = {}): DigestSource {
  return {
    articleId: id,
    feedId: "wire",
    url: `https://news.example/${id}`,
    title: `Title ${id}`,
    titleEn: null,
    summary: "",
    summaryEn: null,
    language: "en",
    translationStatus: "none",
    translationError: "no translation provider is configured",
    publishedAt: new Date("2026-11-20T08:00:00Z"),
    firstSeen: new Date("2026-11-20T08:05:00Z"),
    ...fields,
  };
}

function story(id: string, fields: Partial<DigestStoryRow> = {}): DigestStoryRow {
  return {
    id,
    title: `Story ${id}`,
    titleEn: `Story ${id}`,
    titleLanguage: "en",
    leadArticleId: `${id}-1`,
    summaryEn: null,
    articleCount: 1,
    languages: ["en"],
    feeds: ["wire"],
    watched: false,
    categories: [],
    firstSeen: new Date("2026-11-20T08:05:00Z"),
    lastSeen: new Date("2026-11-20T08:05:00Z"),
    entities: [],
    ...fields,
  };
}

const EVIL = `<script>alert(1)</script><img src=x onerror=alert(2)> "quoted" & http://evil.example/x`;

function input(): DocumentInput {
  const stories = [
    story("a", {
      title: EVIL,
      titleEn: EVIL,
      articleCount: 2,
      languages: ["ar", "en"],
      feeds: ["wire", "arabic"],
      watched: true,
      categories: ["attacks"],
      entities: [
        {
          id: "watch:isis",
          name: "Islamic State",
          type: "group",
          country: null,
          watched: true,
          count: 2,
        },
        {
          id: "geonames:99072",
          name: "Mosul",
          type: "place",
          country: "IQ",
          watched: false,
          count: 2,
        },
      ],
    }),
    story("b", {
      title: "اجتماع في بغداد",
      titleEn: null,
      titleLanguage: "ar",
      entities: [
        { id: "country:IQ", name: "Iraq", type: "place", country: "IQ", watched: false, count: 1 },
      ],
    }),
  ];
  const sources = new Map<string, DigestSource[]>([
    [
      "a",
      [
        source("a-1", { title: EVIL, summary: `${EVIL}. Second sentence.` }),
        source("a-2", {
          language: "ar",
          feedId: "arabic",
          url: "javascript:alert(3)",
          title: "هجوم قرب الموصل",
          titleEn: "Attack near Mosul <b>now</b>",
          publishedAt: new Date("2025-12-30T08:00:00Z"),
        }),
      ],
    ],
    [
      "b",
      [
        source("b-1", {
          language: "ar",
          title: "اجتماع في بغداد",
          summary: "عقد اجتماع في بغداد. وحضره ممثلون عن أربع دول. وناقش التعاون.",
        }),
      ],
    ],
  ]);
  return {
    day: DAY,
    timeZone: "Asia/Baghdad",
    now: new Date("2026-11-21T04:00:00Z"),
    translationConfigured: false,
    categories: new Map([["attacks", "Armed attacks"]]),
    feedIds: new Set(["wire", "arabic", "down"]),
    stories,
    sources,
    figures: {
      feeds: [
        { id: "wire", failure: null },
        { id: "arabic", failure: null },
        { id: "down", failure: "connect: ECONNREFUSED" },
        { id: "removed-from-config", failure: "timeout: no answer" },
      ],
      articles: 3,
      byLanguage: { ar: 2, en: 1 },
      foreign: 2,
      translated: 1,
      tokens: { requests: 2, prompt: 300, completion: 80 },
    },
    countryNames: new Map([["IQ", "Iraq"]]),
    end: END,
  };
}

describe("the digest's three formats", () => {
  const doc = buildDocument(input());

  it("tells watched stories first, each once, with an index by country and the day's figures", () => {
    expect(doc.stories.map((s) => [s.id, s.section])).toEqual([
      ["a", "watched"],
      ["b", "other"],
    ]);
    expect(doc.countries).toEqual([{ code: "IQ", name: "Iraq", storyIds: ["a", "b"] }]);
    expect(doc.figures).toMatchObject({
      stories: 2,
      watchedStories: 1,
      feedsOk: 2,
      feedsFailing: [{ id: "down", reason: "connect: ECONNREFUSED" }],
      translatedShare: 0.5,
      categories: [{ id: "attacks", name: "Armed attacks", stories: 1 }],
    });
    // Untranslated: the original title, its language, why; the lead's opening, marked.
    expect(doc.stories[1]).toMatchObject({
      untranslated: "no translation provider is configured",
      summary: {
        text: "عقد اجتماع في بغداد. وحضره ممثلون عن أربع دول.",
        language: "ar",
        kind: "article",
      },
    });
  });

  it("Markdown: sources in time order with zone and the year when not the digest's; web text cannot add markup", () => {
    const md = renderMarkdown(doc);
    expect(md).toContain("## Watched\n\n### S1. ");
    const sources = md.slice(
      md.indexOf("Categories: Armed attacks\n"),
      md.indexOf("## By country"),
    );
    expect(sources).toMatch(
      /- 30 Dec 2025 11:00 GMT\+3 · \*\*\[ar\]\*\* arabic · Attack near Mosul \\<b\\>now\\<\/b\\> \(original: هجوم قرب الموصل\) · javascript:alert\(3\)\n- 20 Nov 11:00 GMT\+3 · \*\*\[en\]\*\* wire · /,
    );
    expect(md).not.toContain("<script>");
    expect(md).not.toMatch(/[^\\]http:\/\/evil/);
    expect(md).toContain(
      "### S2. اجتماع في بغداد _(Arabic, untranslated: no translation provider is configured)_",
    );
    expect(md).toContain("Lead article's opening, in Arabic, untranslated: عقد اجتماع في بغداد.");
    expect(md).toContain("## By country\n\n- Iraq\n  - S1 \\<script\\>alert(1)\\</script\\>");
    expect(md).toContain("\n  - S2 اجتماع في بغداد\n");
    expect(md).toContain("- Feeds: 2 ok, 1 failing: down (connect: ECONNREFUSED)");
    expect(md).toContain("- Translated: 50 % of the articles not in English");
  });

  it("HTML: one self-contained file; <script> and onerror= in titles come out inert", () => {
    const html = renderHtml(doc);
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).not.toMatch(/<script|<img|<link|<style|href="javascript:/i);
    expect(html).toContain("Attack near Mosul &lt;b&gt;now&lt;/b&gt;");
    expect(html).toContain(
      "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;",
    );
    // Every tag in the file is one the renderer writes.
    const tags = new Set([...html.matchAll(/<([a-z0-9!]+)/gi)].map((m) => m[1]?.toLowerCase()));
    expect([...tags].sort()).toEqual(
      [
        "!doctype",
        "a",
        "b",
        "body",
        "div",
        "h1",
        "h2",
        "h3",
        "head",
        "html",
        "li",
        "meta",
        "p",
        "span",
        "title",
        "ul",
      ].sort(),
    );
    // Only http(s) addresses are links: the javascript: source is shown as text.
    expect(
      [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]).filter((h) => !h?.startsWith("#")),
    ).toEqual(["https://news.example/a-1", "https://news.example/b-1"]);
  });

  it("JSON validates against the committed JSON Schema, checked by a real validator", async () => {
    const schema = JSON.parse(await readFile("schemas/digest.schema.json", "utf8"));
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    const json = JSON.parse(JSON.stringify(doc));
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    // The validator is not a formality: a story without sources is refused.
    const broken = { ...json, stories: [{ ...json.stories[0], sources: [] }] };
    expect(validate(broken)).toBe(false);
  });
});
