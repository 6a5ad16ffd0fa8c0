import { describe, expect, it } from "vitest";
import { Categories } from "../src/extract/categories.js";
import { testConfig } from "./helpers/config.js";

const config = testConfig(`
feeds: [{ id: f, url: "http://127.0.0.1:9/feed.xml" }]
watchlist:
  - { id: isis, type: group, name: Islamic State, aliases: { ar: [داعش] } }
categories:
  - id: attack
    name: Armed attacks
    any:
      keywords:
        en: [attack*, car bomb]
        fr: [attentat, attaque*]
        ru: [взрыв, теракт]
        ar: [انفجار, هجوم]
        fa: [انفجار]
      entities: [isis]
    none:
      keywords: { en: [football], fr: [football], ru: [футбол] }
  - id: iraq-vote
    name: Elections in Iraq
    all:
      keywords: { en: [election*], ar: [انتخابات] }
      entities: [country:IQ]
`);
const categories = new Categories(config.categories);
const tag = (language: string, text: string, entities: string[] = []) =>
  categories.match({ language, text, entityIds: new Set(entities) });

describe("categories", () => {
  it("matches any keyword of the article's language on normalised text", () => {
    expect(tag("en", "Attacks on the border")).toEqual(["attack"]);
    expect(tag("en", "A car bomb near Kirkuk")).toEqual(["attack"]);
    expect(tag("fr", "Un ATTENTAT à Bagdad")).toEqual(["attack"]);
    // Russian case forms of the keyword, an Arabic keyword behind a clitic and the article.
    expect(tag("ru", "После взрыва в Багдаде")).toEqual(["attack"]);
    expect(tag("ar", "قتلى في والانفجار قرب بغداد")).toEqual(["attack"]);
  });

  it("keeps each language's keywords to its own articles", () => {
    expect(tag("fr", "attack on the border")).toEqual([]);
    expect(tag("en", "ordinary news of the day")).toEqual([]);
  });

  it("matches a watched entity by its watchlist id, whatever the words", () => {
    expect(tag("ar", "بيان جديد", ["watch:isis"])).toEqual(["attack"]);
  });

  it("drops an article with a word of `none`", () => {
    expect(tag("en", "Football fans attacked after the match")).toEqual([]);
  });

  it("needs every term of `all`, and keywords in the article's own language", () => {
    expect(tag("en", "Election day in Iraq", ["country:IQ"])).toEqual(["iraq-vote"]);
    expect(tag("en", "Election day in Iraq", [])).toEqual([]);
    expect(tag("ar", "انتخابات في العراق", ["country:IQ"])).toEqual(["iraq-vote"]);
    // No Russian keywords were given: the rule cannot hold in a Russian article.
    expect(tag("ru", "Выборы в Ираке", ["country:IQ"])).toEqual([]);
  });
});

describe("categories in the config", () => {
  const feeds = 'feeds: [{ id: f, url: "http://127.0.0.1:9/feed.xml" }]';
  it("refuses a category with only `none`", () => {
    expect(() =>
      testConfig(`${feeds}\ncategories: [{ id: c, none: { keywords: { en: [sport] } } }]`),
    ).toThrow(/categories\[0\].*needs `any` or `all`/);
  });

  it("refuses an entity that is neither a watchlist id nor an entity id", () => {
    expect(() =>
      testConfig(`${feeds}\ncategories: [{ id: c, any: { entities: [isil] } }]`),
    ).toThrow(/categories\[0\]\.any\.entities\[0\].*"isil" is neither a watchlist id/);
  });

  it("refuses a triage rule naming a category that does not exist", () => {
    expect(() => testConfig(`${feeds}\ntriage: { full: { categories: [attacks] } }`)).toThrow(
      /triage\.full\.categories\[0\].*no category has the id "attacks"/,
    );
  });
});
