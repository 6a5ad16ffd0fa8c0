import type { Entity } from "../store/entities.js";
import {
  ELISION,
  fits,
  isPlace,
  type KeyedToken,
  mostlyNonLatin,
  narrowed,
  type Target,
  type TextContext,
} from "./ambiguity.js";
import { type GazetteerEntry, nameKeys } from "./gazetteer.js";
import { nameKeySequences, persianTextKeys, type Token, textKeys, tokenize } from "./normalize.js";

export interface Match {
  entity: Entity;
  start: number;
  end: number;
  surface: string;
  confidence: number;
}

export interface MatchOptions {
  /** Countries the feed reports on (ISO 3166-1 alpha-2): they settle a name several places bear. */
  region?: readonly string[];
  /** The text's language: Persian takes no proclitics off (see `arabicVariants`). */
  language?: string;
}

interface Node {
  /** Made on the first longer name through this node: most names end at their first token. */
  next?: Map<string, Node>;
  target?: Target;
}

interface Found {
  target: Target;
  start: number;
  endToken: number;
  exact: boolean;
}

// Enough namesakes to choose among by context; the rest are villages no one means.
const MAX_NAMESAKES = 4;

/** A trie over the normalised tokens of every name; a match is the longest path from a token. */
export class Matcher {
  private readonly root: Node = {};

  constructor(entries: readonly GazetteerEntry[]) {
    for (const entry of entries) {
      const ranks = new Map(entry.common ?? []);
      entry.names.forEach((name, i) => {
        const sequences = nameKeys(entry, i) ?? nameKeySequences(name);
        this.add(name, sequences, entry, ranks.get(name) ?? Infinity);
      });
    }
  }

  private add(name: string, sequences: string[][], entry: GazetteerEntry, rank: number): void {
    for (const keys of sequences) {
      let node = this.root;
      for (const key of keys) {
        node.next ??= new Map();
        let child = node.next.get(key);
        if (!child) {
          child = {};
          node.next.set(key, child);
        }
        node = child;
      }
      node.target = merge(node.target, name, entry, rank);
    }
  }

  /**
   * Non-overlapping matches, longest first from left to right, each place resolved in context.
   * `words` are the text's tokens when the caller has them already.
   */
  match(
    text: string,
    options: MatchOptions = {},
    words: readonly Token[] = tokenize(text),
  ): Match[] {
    // Each token's keys once: the trie walk from every start and the rules around it read them.
    const keysOf = options.language === "fa" ? persianTextKeys : textKeys;
    const tokens: KeyedToken[] = words.map(({ text: word, start, end }) => ({
      text: word,
      start,
      end,
      keys: keysOf(word),
    }));
    const found: Found[] = [];
    const context: TextContext = { text, latinIsForeign: mostlyNonLatin(text), lastPlace: -1 };
    for (let i = 0; i < tokens.length; ) {
      const hit = this.longestAt(tokens, i, context);
      if (!hit) {
        i++;
        continue;
      }
      found.push(hit);
      if (isPlace(hit.target)) context.lastPlace = hit.endToken;
      i = hit.endToken + 1;
    }
    const countries = contextCountries(found, options.region ?? []);
    return found.map((hit) => toMatch(hit, tokens, text, countries));
  }

  private longestAt(tokens: KeyedToken[], start: number, context: TextContext) {
    return walk(this.root, { tokens, start, context }, start, true, undefined);
  }
}

interface Walk {
  tokens: KeyedToken[];
  start: number;
  context: TextContext;
}

/** The longest fitting name from `w.start` down the trie; plain loops, as it runs per token. */
function walk(
  node: Node,
  w: Walk,
  index: number,
  exact: boolean,
  best: Found | undefined,
): Found | undefined {
  const keys = w.tokens[index]?.keys;
  if (!keys || !node.next) return best;
  for (let k = 0; k < keys.length; k++) {
    const child = node.next.get(keys[k] as string);
    if (!child) continue;
    const isExact = exact && k === 0;
    const target = child.target && narrowed(child.target, w.tokens[w.start]);
    if (target && (!best || index > best.endToken)) {
      const span = { start: w.start, end: index, exact: isExact };
      if (fits(target, w.tokens, span, w.context))
        best = { target, start: w.start, endToken: index, exact: isExact };
    }
    best = walk(child, w, index + 1, isExact, best);
  }
  return best;
}

const built = new Map<string, Matcher>();

/**
 * The matcher over the built-in places and this watchlist, built once per process for each
 * watchlist: building it takes most of a second, and it never changes once built.
 */
export function matcherFor(watchlist: readonly GazetteerEntry[], places: () => GazetteerEntry[]) {
  const key = JSON.stringify(watchlist.map((e) => [e.entity, e.names]));
  let matcher = built.get(key);
  if (!matcher) {
    matcher = new Matcher([...watchlist, ...places()]);
    // A long-running process sees few watchlists; forget the oldest beyond a handful.
    if (built.size >= 4) built.delete(built.keys().next().value as string);
    built.set(key, matcher);
  }
  return matcher;
}

// A place called by its own main name outranks one for which the name is only an alternate
// ("Victoria" is the Seychelles' capital before it is Hong Kong), but not a country or region;
// a town too small to be known abroad does not outrank a capital or a large city so ("Pekin",
// Illinois, is not the «Pékin» of French news: Beijing).
const MAIN_NAME = 2e9;
const KNOWN_ABROAD = 100_000;

function merge(
  target: Target | undefined,
  name: string,
  entry: GazetteerEntry,
  rank: number,
): Target {
  const withArticle = /^\s*(?:ال|آل)/.test(name);
  // A province that yields to its city of the same name (weighed below every city) yields here too.
  const known = entry.kind === "city" ? entry.population >= KNOWN_ABROAD : entry.weight >= 0;
  const score = entry.weight + (name === entry.entity.name && known ? MAIN_NAME : 0);
  if (!target) {
    const articled = withArticle ? [entry] : [];
    const main = name === entry.entity.name;
    return { entries: [entry], scores: [score], casing: casingOf(name), rank, articled, main };
  }
  const articled =
    withArticle && !target.articled.includes(entry)
      ? [...target.articled, entry].sort((a, b) => b.weight - a.weight)
      : target.articled;
  if (target.entries.includes(entry)) return { ...target, articled };
  const ranked = [
    ...target.entries.map((e, k) => [e, target.scores[k] ?? 0] as const),
    [entry, score] as const,
  ]
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_NAMESAKES);
  // The likeliest bearer of the name decides how the name is spelt and whether it is a word.
  const leads = ranked[0]?.[0] === entry;
  return {
    entries: ranked.map(([e]) => e),
    scores: ranked.map(([, s]) => s),
    casing: leads ? casingOf(name) : target.casing,
    rank: leads ? rank : target.rank,
    main: leads ? name === entry.entity.name : target.main,
    articled,
  };
}

function casingOf(name: string): Target["casing"] {
  const first = name[0] ?? "";
  // Arabic script has no case; a name written in lower case is matched in any case.
  if (first.toLowerCase() === first.toUpperCase() || first === first.toLowerCase()) return "any";
  const words = name.split(/[\s-]+/);
  if (words.length > 1 && /^\p{Lu}/u.test(words.at(-1) ?? "")) return "capitals";
  if (name.length > 8) return "capital";
  const letters = name.replace(/[^\p{L}]/gu, "");
  return letters.length <= 5 && letters === letters.toUpperCase() ? "upper" : "capital";
}

/** Countries the text names without doubt, and the feed's: they choose among namesakes. */
function contextCountries(found: Found[], region: readonly string[]): Set<string> {
  const countries = new Set(region);
  for (const hit of found) {
    const [lead, other] = hit.target.entries;
    // A country, a curated region ("England") or the operator's word leads its namesakes for sure.
    const sure =
      lead && (lead.kind === "country" || lead.kind === "region" || lead.kind === "watched");
    const certain = lead && (!other || sure);
    if (certain && lead.entity.country) countries.add(lead.entity.country);
  }
  return countries;
}

function toMatch(hit: Found, tokens: Token[], text: string, countries: Set<string>): Match {
  const first = tokens[hit.start] as Token;
  const last = tokens[hit.endToken] as Token;
  // «l'Irak»: the mention is «Irak», the article is not part of the name.
  const start = first.start + (ELISION.exec(first.text)?.[0].length ?? 0);
  const entries = hit.target.entries;
  const local = entries.find((e) => e.entity.country && countries.has(e.entity.country));
  const entry = local ?? (entries[0] as GazetteerEntry);
  return {
    entity: entry.entity,
    start,
    end: last.end,
    surface: text.slice(start, last.end),
    confidence: (hit.exact ? 0.9 : 0.75) * (entries.length > 1 && !local ? 0.9 : 1),
  };
}
