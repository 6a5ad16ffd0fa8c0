/**
 * The operator's categories: boolean rules over keywords (per language, matched on normalised
 * text, so «взрыв» finds «взрыва» and «والانفجار» finds «انفجار») and over the entities an
 * article names, in the manner of the Europe Media Monitor's keyword categories.
 */
import type { CategoryConfig } from "../config/index.js";
import { nameKeySequences, textKeys, tokenize } from "./normalize.js";

/** One keyword as token keys; a last key ending in * matches any word it begins. */
interface Keyword {
  keys: string[];
  prefix: boolean;
}

interface Terms {
  keywords: Map<string, Keyword[][]>;
  entities: string[];
}

interface Rule {
  id: string;
  any?: Terms;
  all?: Terms;
  none?: Terms;
}

/** What a category is matched against. */
export interface CategoryInput {
  language: string;
  text: string;
  entityIds: ReadonlySet<string>;
}

export class Categories {
  private readonly rules: Rule[];

  constructor(categories: readonly CategoryConfig[]) {
    this.rules = categories.map((c) => ({
      id: c.id,
      any: c.any && compile(c.any),
      all: c.all && compile(c.all),
      none: c.none && compile(c.none),
    }));
  }

  get size(): number {
    return this.rules.length;
  }

  /** The ids of the categories the article falls in, in the config's order. */
  match(input: CategoryInput): string[] {
    if (this.rules.length === 0) return [];
    const text = textIndex(input.text);
    const present = (terms: Terms) => ({
      keywords: (terms.keywords.get(input.language) ?? []).map((k) => k.some((v) => has(text, v))),
      entities: terms.entities.map((id) => input.entityIds.has(id)),
    });
    return this.rules
      .filter((rule) => {
        if (rule.any && !anyOf(present(rule.any))) return false;
        if (rule.all && !allOf(present(rule.all), rule.all, input.language)) return false;
        return !(rule.none && anyOf(present(rule.none)));
      })
      .map((rule) => rule.id);
  }
}

type Presence = { keywords: boolean[]; entities: boolean[] };

const anyOf = (p: Presence) => p.keywords.includes(true) || p.entities.includes(true);

/** Every term; keywords given for other languages only cannot all be found in this one. */
function allOf(p: Presence, terms: Terms, language: string): boolean {
  if (terms.keywords.size > 0 && !terms.keywords.has(language)) return false;
  return !p.keywords.includes(false) && !p.entities.includes(false);
}

function compile(terms: NonNullable<CategoryConfig["any"]>): Terms {
  const keywords = new Map<string, Keyword[][]>();
  for (const [language, list] of Object.entries(terms.keywords)) {
    keywords.set(language, list.map(keywordForms));
  }
  // A watchlist id stands for the watchlist's entity.
  const entities = terms.entities.map((id) => (id.includes(":") ? id : `watch:${id}`));
  return { keywords, entities };
}

/** A keyword's forms: one, or one per Russian case. */
function keywordForms(keyword: string): Keyword[] {
  const prefix = keyword.trimEnd().endsWith("*");
  return nameKeySequences(keyword.replace(/\*\s*$/, "")).map((keys) => ({ keys, prefix }));
}

interface TextIndex {
  keys: (readonly string[])[];
  all: Set<string>;
}

function textIndex(text: string): TextIndex {
  const keys = tokenize(text).map((t) => textKeys(t.text));
  return { keys, all: new Set(keys.flat()) };
}

function has(text: TextIndex, keyword: Keyword): boolean {
  const [first] = keyword.keys;
  if (first === undefined) return false;
  if (keyword.keys.length === 1 && !keyword.prefix) return text.all.has(first);
  return text.keys.some((_, i) => matchesAt(text.keys, i, keyword));
}

function matchesAt(
  tokens: readonly (readonly string[])[],
  start: number,
  keyword: Keyword,
): boolean {
  return keyword.keys.every((key, j) => {
    const candidates = tokens[start + j];
    if (!candidates) return false;
    const last = j === keyword.keys.length - 1;
    return candidates.some((c) => (last && keyword.prefix ? c.startsWith(key) : c === key));
  });
}
