import { describe, expect, it } from "vitest";
import { type StoryText, storySignals } from "../src/stories/signals.js";

const article = (id: string, title: string, summary: string): StoryText => ({
  id,
  language: "en",
  title,
  summary,
  body: null,
  titleEn: null,
  summaryEn: null,
  entityIds: [],
  entitySurfaces: [],
  time: 0,
});

describe("story signals: the words of an English text", () => {
  it("counts one word once across its inflections, so two reports' wording meets", () => {
    const a = storySignals(article("a", "Council recycles plastic bags", "Bags recycled weekly"));
    const b = storySignals(article("b", "Recycling of plastic bag waste", "The council's plan"));
    const shared = Object.keys(a.terms).filter((term) => term in b.terms);
    expect(shared.sort()).toEqual(["bag", "council", "plastic", "recycl"]);
    // "recycles" and "recycled" are one term in a, weighed as said twice.
    expect(Object.keys(a.terms).filter((term) => term.startsWith("recycl"))).toEqual(["recycl"]);
  });
});
