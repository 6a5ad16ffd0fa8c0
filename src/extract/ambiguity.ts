/**
 * Whether a name found in a text is the place there: the rules that keep "Nice weather",
 * «المالي», «Владимир Путин», «جامعة كامبريدج» and «این میدان» from becoming places.
 */
import {
  AND,
  CALENDAR,
  CHAIN_HEAD,
  DEMONSTRATIVE,
  DESTINATION,
  LINKING,
  LOCATIVE,
  ORGANISATION_HEAD,
  PERSIAN_THAT,
  PERSON_TITLE,
  PLACE_NOUN,
} from "./context-words.js";
import type { GazetteerEntry } from "./gazetteer.js";
import type { Token } from "./normalize.js";

/** A token of the text with every key it might be filed under, made once per text. */
export interface KeyedToken extends Token {
  keys: readonly string[];
}

/** What a path of the trie names: the entries bearing that name, likeliest first. */
export interface Target {
  entries: GazetteerEntry[];
  /**
   * Latin and Cyrillic names must meet a capitalised word; acronyms an upper-case one; a name of
   * several words whose last is capitalised ("La Réunion", "New York") a capitalised last word
   * too, so the French «la réunion» (a meeting) opening a sentence is not the island.
   */
  casing: "any" | "capital" | "capitals" | "upper";
  /** The frequency rank of the word the name also is; Infinity for a name that is no word. */
  rank: number;
  /** The name is the likeliest bearer's main (English or romanised) name. */
  main: boolean;
  /** How likely each entry is the one meant, in the order of `entries`. */
  scores: number[];
  /** The entries whose name here is written with the article (العراق, الموصل), likeliest first. */
  articled: GazetteerEntry[];
}

// A city this large is what its name means even when the name is also a word.
const LARGE_CITY = 1_000_000;
// Below these a town is a namesake more often than the place: Arabic script, where a name cannot
// be told from a word by its capital, needs a word of place before far larger towns.
const SMALL_TOWN = { cased: 20_000, uncased: 100_000 };
// Words this frequent ("Les", «كيف», «تازه») are never read as a place without a capital
// letter; in Arabic script, where there are none, the threshold is wider.
const MOST_FREQUENT = { cased: 1_000, uncased: 3_000 };
// The rank the gazetteer gives a place name that is a common given name (Vladimir, Victoria):
// a place only after a word of place.
const GIVEN_NAME = 0;
const COMMONEST = 500;
const FREQUENT = 5_000;

/**
 * «البوروندي», «المالي», «السوري»: the article on a name written without one makes an adjective
 * (Burundian, financial, Syrian). A token with the article can only be a place named with it.
 */
export function narrowed(target: Target, token: KeyedToken | undefined): Target | undefined {
  if (target.casing !== "any" || !hasArticle(token)) return target;
  if (target.articled.length === 0) return undefined;
  return { ...target, entries: target.articled, scores: target.articled.map((e) => e.weight) };
}

export const ELISION = /^(l|d|j|m|n|s|t|c|qu)['’]/i;

export interface Span {
  start: number;
  end: number;
  /** Matched as written, no clitic or suffix taken off. */
  exact: boolean;
}

export interface TextContext {
  text: string;
  /** The text is written in another script: its Latin words are names of firms, titles, quotes. */
  latinIsForeign: boolean;
  /** The last token of the last place found so far, left to right; -1 before the first. */
  lastPlace: number;
}

const PLACE_KINDS = new Set(["country", "capital", "city", "region", "province"]);

/** Whether a found name is a place, for the names coordinated with it. */
export const isPlace = (target: Target) =>
  PLACE_KINDS.has((target.entries[0] as GazetteerEntry).kind);

/**
 * Whether the name follows a place found just before it, in a list: «في حلب وحمص», «в Мосуле и
 * Ракке», "in Aleppo, Homs": coordinated names share the preposition before the first.
 */
function listed(tokens: KeyedToken[], start: number, context: TextContext): boolean {
  const before = tokens[start - 1];
  if (!before || context.lastPlace < 0 || context.lastPlace < start - 2) return false;
  if (context.lastPlace === start - 2) return has(AND, before);
  const token = tokens[start] as KeyedToken;
  const gap = context.text.slice(before.end, token.start);
  // Arabic script writes «و» (and) onto the name; other scripts write a word or a comma.
  return /^\s*[,،]\s*$/.test(gap) || (/^\s+$/.test(gap) && /^و[^\s]{2,}/.test(token.text));
}

/** Whether tokens start..end may be read as the target's name where they stand. */
export function fits(
  target: Target,
  tokens: KeyedToken[],
  span: Span,
  context: TextContext,
): boolean {
  const { start, end } = span;
  const { text } = context;
  if (!casingFits(target, tokens, start, end)) return false;
  const lead = target.entries[0] as GazetteerEntry;
  // The operator's words, and the curated organisations, are meant wherever their casing fits.
  if (lead.kind === "watched" || lead.kind === "organisation") return true;
  if (context.latinIsForeign && /\p{Script=Latin}/u.test(tokens[start]?.text ?? "")) return false;
  // «Валдай», "Rossiya": a name in quotation marks is a title, a club, a channel.
  if (quoted(tokens[start], tokens[end], text)) return false;
  if (inOrganisation(target, tokens, start, text)) return false;
  const before = tokens[start - 1];
  if (before && lead.kind !== "country" && demonstrative(before)) return false;
  // «الرئيس بشار», "President Washington"; a minister visiting Baghdad is no person.
  // Read only where a title or a capitalised word makes it matter: a place has many names.
  let inflected: boolean | undefined;
  const isDeclined = () => {
    inflected ??= declined(lead, tokens, span);
    return inflected;
  };
  if (titled(tokens, start, text) && lead.population < LARGE_CITY && !isDeclined()) return false;
  const inList = listed(tokens, start, context);
  const placeWord =
    inList || (before !== undefined && has(LOCATIVE, before)) || placeNounOf(tokens, start);
  // «زار الرئيس السوري مالي»: an Arabic adjective takes its noun's article, so «مالي» with none
  // after a word that has one is no adjective of it (financial) but a noun: the country.
  if (lead.kind === "country")
    return commonFits(target, tokens, start, text, placeWord || hasArticle(before));
  if (inLargerName(target, tokens, span, text, isDeclined)) return false;
  if (start === end && lead.population < LARGE_CITY && has(CALENDAR, tokens[start] as KeyedToken))
    return false;
  const smallOneWord = end === start && lead.population < SMALL_TOWN.uncased;
  if (!placeWord && smallOneWord && russianAdjectiveBeforeNoun(tokens, start, text)) return false;
  if (lead.population < LARGE_CITY && (inCompound(tokens[start], text) || afterThe(before, lead)))
    return false;
  // «بلير», «لديه»: a clitic taken off a short word leaves some three-letter place's name.
  const short = (tokens[start]?.text.length ?? 0) <= 4;
  // A clitic taken off is the conjunction when the name continues a list of places.
  if (!span.exact && target.casing === "any" && short && lead.population < LARGE_CITY && !inList)
    return false;
  if (
    lead.kind === "city" &&
    lead.population < SMALL_TOWN[target.casing === "any" ? "uncased" : "cased"]
  ) {
    if (!placeWord) return false;
  }
  return commonFits(target, tokens, start, text, placeWord);
}

/**
 * «Советский режим», «Мирный житель»: Russia names many towns with adjectives (Sovetsky, Mirny,
 * Lesnoy), and an adjective in the nominative right before a word in lower case qualifies that
 * word; such a town is named after a preposition («в Мирном»), which makes a word of place. A
 * city as large as Grozny is meant even as the subject («Грозный встретил гостей»).
 */
function russianAdjectiveBeforeNoun(tokens: KeyedToken[], start: number, text: string): boolean {
  const word = tokens[start];
  const next = tokens[start + 1];
  if (!word || !next || !/^[А-ЯЁ][а-яё]+(?:ый|ий|ой|ая|яя|ое|ее|ые|ие)$/.test(word.text))
    return false;
  return /^[а-яё]+$/.test(next.text) && /^ +$/.test(text.slice(word.end, next.start));
}

/** A name that is also a frequent word reads as a place only where a place is meant. */
function commonFits(
  target: Target,
  tokens: KeyedToken[],
  start: number,
  text: string,
  placeWord: boolean,
): boolean {
  if (!Number.isFinite(target.rank)) return true;
  const before = tokens[start - 1];
  const lead = target.entries[0] as GazetteerEntry;
  if (target.casing === "any") {
    if (target.rank === GIVEN_NAME) return placeWord;
    if (before && has(DESTINATION, before)) return false;
    // «في إطار»: a small town whose name is a frequent word is the word even after «في».
    if (lead.kind === "city" && lead.population < SMALL_TOWN.uncased) return false;
    // Subtitles say «لندن» as often as any word; a capital's name among them is still the city,
    // unless it is one of the commonest words (Kyiv's «كيف» is "how").
    if (target.rank <= MOST_FREQUENT.uncased && !(worldCity(target) && target.rank > COMMONEST))
      return false;
    return placeWord || largeWithoutArticle(target, tokens[start]);
  }
  if (placeWord) return true;
  // "Google" for Topeka: a town's alternate name that is also a word needs a word of place; a
  // large city's is its name in another language ("Moscou", "Londres").
  if (!target.main && lead.population < LARGE_CITY) return false;
  // "Paris", "Londres" open a dateline; a city that large is meant whenever it is capitalised.
  if (lead.population >= LARGE_CITY) return true;
  if (target.rank <= MOST_FREQUENT.cased) return false;
  // "Police said", "including Honda", "Tom Moore": a town too small to be known abroad, named
  // with one of the 5,000 commonest words, is the word, the firm or the person unless a word of
  // place stands before it.
  if (lead.kind === "city" && lead.population < SMALL_TOWN.uncased && target.rank <= FREQUENT)
    return false;
  return placeWord || !sentenceStart(tokens, start, text);
}

function worldCity(target: Target): boolean {
  const lead = target.entries[0] as GazetteerEntry;
  return lead.kind === "capital" || lead.population >= 5_000_000;
}

export function mostlyNonLatin(text: string): boolean {
  // By code ranges, in one pass: a match of every letter made an array as long as the text.
  let balance = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f))
      balance--;
    else if (
      (c >= 0x400 && c <= 0x52f) ||
      (c >= 0x600 && c <= 0x6ff) ||
      (c >= 0xfb50 && c <= 0xfeff)
    )
      balance++;
  }
  return balance > 0;
}

function quoted(
  first: KeyedToken | undefined,
  last: KeyedToken | undefined,
  text: string,
): boolean {
  if (!first || !last) return false;
  const open = text.slice(Math.max(0, first.start - 2), first.start).trimEnd();
  const close = text.slice(last.end, last.end + 2).trimStart();
  return /["«“]$/.test(open) && /^["»”]/.test(close);
}

/**
 * «губернатор Курской области», «глава Чечни»: in Russian a title's own name stands in its case
 * («президент Вашингтон»), what it is the title of in the genitive. A Cyrillic name found in a
 * form none of its names is written in is declined, so no person's.
 */
function declined(lead: GazetteerEntry, tokens: KeyedToken[], span: Span): boolean {
  const first = tokens[span.start] as KeyedToken;
  if (!/\p{Script=Cyrillic}/u.test(first.text)) return false;
  const written = tokens
    .slice(span.start, span.end + 1)
    .map((t) => t.text)
    .join(" ")
    .toLowerCase();
  return !lead.names.some((name) => name.toLowerCase() === written);
}

/** "Mr Jackson", "M. Gladstone", «الرئيس بشار». */
function titled(tokens: KeyedToken[], start: number, text: string): boolean {
  const before = tokens[start - 1];
  const current = tokens[start];
  if (!before || !current) return false;
  return /^\s*\.?\s*$/.test(text.slice(before.end, current.start)) && has(PERSON_TITLE, before);
}

/**
 * «جامعة كامبريدج», "Bank of America", «Banque de France», and for a city, a capitalised name
 * joined to it by "of" or «de»: "Eagles de Philadelphie", "University of Cambridge".
 */
function inOrganisation(
  target: Target,
  tokens: KeyedToken[],
  start: number,
  text: string,
): boolean {
  const before = tokens[start - 1];
  if (!before) return false;
  if (has(ORGANISATION_HEAD, before)) return true;
  if (target.casing === "any") return inNameChain(tokens, start, text);
  const head = tokens[start - 2];
  if (!head || !has(LINKING, before)) return false;
  if (has(ORGANISATION_HEAD, head)) return true;
  const lead = target.entries[0] as GazetteerEntry;
  return (
    lead.kind !== "country" &&
    lead.kind !== "region" &&
    /^\p{Lu}/u.test(head.text) &&
    !sentenceStart(tokens, start - 2, text) &&
    !has(LOCATIVE, head)
  );
}

// How far back an Arabic or Persian name chain (idafa, ezafe) is followed to its head.
const CHAIN = 4;

/**
 * «شرکت ملی نفت ایران», «سازمان صدا و سیمای جمهوری اسلامی ایران», «وزارة الخارجية السورية»:
 * an organisation's head a few words back, with no punctuation or word of place between, makes
 * the place part of the organisation's name.
 */
function inNameChain(tokens: KeyedToken[], start: number, text: string): boolean {
  for (let i = start - 1; i >= Math.max(0, start - CHAIN); i--) {
    const token = tokens[i] as KeyedToken;
    const next = tokens[i + 1] as KeyedToken;
    if (!/^[\s\u200c]*$/.test(text.slice(token.end, next.start))) return false;
    if (has(ORGANISATION_HEAD, token) || has(CHAIN_HEAD, token)) return true;
    if (has(LOCATIVE, token)) return false;
  }
  return false;
}

function casingFits(target: Target, tokens: KeyedToken[], start: number, end: number): boolean {
  if (target.casing === "any") return true;
  const first = tokens[start]?.text ?? "";
  const bare = first.replace(ELISION, "");
  if (target.casing === "capital") return /^\p{Lu}/u.test(bare);
  if (target.casing === "capitals")
    return /^\p{Lu}/u.test(bare) && /^\p{Lu}/u.test(tokens[end]?.text ?? "");
  return tokens
    .slice(start, end + 1)
    .every((t) => t.text.replace(ELISION, "") === t.text.replace(ELISION, "").toUpperCase());
}

/**
 * A city's name joined by a space to a capitalised word is part of a larger name: "Real
 * Madrid", "Victoria Beckham", «Владимир Путин». Only where the script has capitals.
 */
function inLargerName(
  target: Target,
  tokens: KeyedToken[],
  span: Span,
  text: string,
  isDeclined: () => boolean,
) {
  if (target.casing === "any") return false;
  const { start, end } = span;
  const before = tokens[start - 1];
  const after = tokens[end + 1];
  const capitalised = (t: KeyedToken) => /^\p{Lu}/u.test(t.text);
  // «губернатора Курской области Алексея Смирнова»: a declined name opens no longer one, whose
  // first words would agree with its last.
  if (after && isAdjacent(tokens[end], after, text) && capitalised(after) && !isDeclined())
    return true;
  return (
    before !== undefined &&
    isAdjacent(before, tokens[start], text) &&
    capitalised(before) &&
    !sentenceStart(tokens, start - 1, text) &&
    !has(LOCATIVE, before)
  );
}

/** "the town of Hit", "the city of Reading": English names a place after its noun and "of". */
function placeNounOf(tokens: KeyedToken[], start: number): boolean {
  const of = tokens[start - 1];
  const noun = tokens[start - 2];
  return of?.text.toLowerCase() === "of" && noun !== undefined && has(PLACE_NOUN, noun);
}

/** "Mega-Deal", "anti-Union": the second half of a hyphenated word is no town. */
function inCompound(token: KeyedToken | undefined, text: string): boolean {
  return (
    token !== undefined && /\p{L}-$/u.test(text.slice(Math.max(0, token.start - 2), token.start))
  );
}

/**
 * "the Union", "the Deal": English towns and cities take no article, so a town's name after
 * "the" is a noun of a title or a phrase ("State of the Union"), unless "the" is part of its
 * name (The Hague). Countries and the curated regions take one: seas, rivers and lands ("the
 * Red Sea", "the Nile", "the West Bank", "the Sahel").
 */
const afterThe = (before: KeyedToken | undefined, lead: GazetteerEntry) =>
  before !== undefined &&
  /^the$/i.test(before.text) &&
  lead.kind !== "region" &&
  !lead.names.some((n) => /^the /i.test(n));

/** An Arabic-script name that is also a word: a large city, and not the word with its article. */
function largeWithoutArticle(target: Target, token: KeyedToken | undefined): boolean {
  const lead = target.entries[0] as GazetteerEntry;
  if (lead.population < LARGE_CITY || !token) return false;
  return hasArticle(token) === target.articled.includes(lead);
}

const hasArticle = (token: KeyedToken | undefined) =>
  token !== undefined && /^(?:[وف]?[بلك]?ال|[وف]?لل)/.test(token.text);

const isAdjacent = (a: KeyedToken | undefined, b: KeyedToken | undefined, text: string) =>
  a !== undefined && b !== undefined && text.slice(a.end, b.start) === " ";

const demonstrative = (token: KeyedToken) =>
  has(DEMONSTRATIVE, token) || token.text === PERSIAN_THAT;

const has = (words: ReadonlySet<string>, token: KeyedToken) => token.keys.some((k) => words.has(k));

/** Whether the token at `index` opens a sentence: the text's start, or after . ! ? : or a quote. */
export function sentenceStart(tokens: readonly Token[], index: number, text: string): boolean {
  const before = tokens[index - 1];
  if (!before) return true;
  return /[.!?:«»"“”]\s*$|\n\s*$/.test(text.slice(before.end, tokens[index]?.start));
}
