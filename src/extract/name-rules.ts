/**
 * People and organisations the built-in lists do not hold, found by how each language writes
 * them: a title before a person's name, a common given name before a surname, an organisation's
 * head noun and the words that complete it. A person found once is found again by surname.
 */

import { wordRank } from "../lib/common-words.js";
import { perWord } from "../lib/per-word.js";
import { sentenceStart } from "./ambiguity.js";
import { ARABIC_LETTER } from "./arabic.js";
import {
  ARABIC_NATIONALITIES,
  ARABIC_ORG_HEADS,
  ARABIC_PORTFOLIOS,
  ARABIC_ROLES,
  ARABIC_SAYING,
  ARABIC_SCRIPT_GIVEN,
  ARABIC_TITLES,
  FRENCH_ORG_ADJECTIVE,
  fold,
  frenchWord,
  LATIN_GIVEN,
  LATIN_ORG_HEADS,
  LATIN_TITLES,
  NOT_NAMES,
  PERSIAN_LIGHT_VERBS,
  PERSIAN_OFFICES,
  PERSIAN_OFFICES_AFTER,
  PERSIAN_ORG_HEADS,
  PERSIAN_PORTFOLIOS,
  PERSIAN_TITLES,
  RUSSIAN_DETERMINERS,
  RUSSIAN_GIVEN,
  RUSSIAN_ORG_ACRONYMS,
  RUSSIAN_ORG_STEMS,
  RUSSIAN_PLACE_ACRONYMS,
  RUSSIAN_TITLE_STEMS,
  stopsName,
} from "./name-cues.js";
import type { Token } from "./normalize.js";
import { CYRILLIC_LETTER } from "./russian.js";
import { frenchTownAt } from "./town-rules.js";

export interface RuleSpan {
  type: "person" | "org" | "place";
  /** Token indices, inclusive. */
  first: number;
  last: number;
  /** Where the name starts when that is inside its first token (past an elided article). */
  start?: number;
  /** Where the name ends when that is past its last token (a closing quotation mark). */
  end?: number;
  /** The body's own name when the text names it otherwise (a ministry by its minister's title). */
  name?: string;
}

export interface Scan {
  text: string;
  tokens: Token[];
  /** Tokens inside a name the gazetteer found. */
  taken: boolean[];
  /** Of those, one-word towns and cities (not countries): a surname may be spelt like one. */
  town?: boolean[];
  language: string;
}

const capitalised = (t: Token | undefined) => t !== undefined && /^\p{Lu}/u.test(t.text);
const arabicScript = (t: Token | undefined) => t !== undefined && ARABIC_LETTER.test(t.text);
const cyrillic = (t: Token | undefined) => t !== undefined && CYRILLIC_LETTER.test(t.text);
// The article, or «لل» (for the) which names carry («الاتحاد الدولي للشرطة»); «بال» (with the)
// and «وال» (and the) start a phrase of their own.
const withArticle = (word: string) => /^(?:ال|لل)/.test(word);
/**
 * A word of Arabic script as written and without the conjunction or preposition it may carry
 * («والرئيس», «ومجلس»), folded: a cue matches either («وزارة» begins with و of its own).
 */
const forms = perWord((word: string): string[] => {
  const folded = fold(word);
  const bare = folded.replace(/^(?:و|ف|ب|ل)(?=ال)|^و(?=.{3})/, "");
  return bare === folded ? [folded] : [folded, bare];
});
const among = (set: ReadonlySet<string>, word: string) => forms(word).some((f) => set.has(f));

/** Whether only spaces (or a hyphen or apostrophe inside a Latin name) part two tokens. */
function joined(scan: Scan, a: number, b: number): boolean {
  const left = scan.tokens[a];
  const right = scan.tokens[b];
  if (!left || !right) return false;
  return /^[\s\u200c]*(?:[-'’][\s]*)?$/.test(scan.text.slice(left.end, right.start));
}

/** Every person, organisation and town the rules find, earliest first, none overlapping another. */
export function ruleSpans(scan: Scan): RuleSpan[] {
  const found: RuleSpan[] = [];
  // Spans start at or after the token that found them and are taken in order: each token is
  // passed once, and one after a span's end is free of it.
  for (let i = 0; i < scan.tokens.length; i++) {
    if (scan.taken[i]) continue;
    const span = organisationAt(scan, i) ?? personAt(scan, i) ?? frenchTownAt(scan, i);
    if (span && span.last >= span.first) {
      found.push(span);
      i = span.last;
    }
  }
  return [...found, ...surnamesAgain(scan, found)].sort((a, b) => a.first - b.first);
}

function personAt(scan: Scan, i: number): RuleSpan | undefined {
  const t = scan.tokens[i] as Token;
  if (arabicScript(t)) return arabicPerson(scan, i);
  if (cyrillic(t)) return russianPerson(scan, i);
  return latinPerson(scan, i);
}

const notName = (t: Token | undefined) =>
  t !== undefined && (NOT_NAMES.has(fold(t.text)) || LATIN_ORG_HEADS.has(fold(t.text)));

/** Up to `most` capitalised tokens from `from`, joined, none a place; particles inside. */
function capitalRun(scan: Scan, from: number, most: number): number | undefined {
  const first = scan.tokens[from];
  const place = scan.taken[from] && !scan.town?.[from];
  if (!capitalised(first) || place || notName(first)) return undefined;
  let last = from;
  for (let j = from + 1; j < scan.tokens.length && j - from < most; j++) {
    const word = scan.tokens[j] as Token;
    const particle = /^(?:de|du|da|di|van|von|der|bin|ben|ibn|al|el|la|le)$/.test(word.text);
    // «Paul Martin»: after a first name, a surname that a town also bears is the surname.
    if (!joined(scan, j - 1, j) || (scan.taken[j] && !scan.town?.[j]) || notName(word)) break;
    if (capitalised(word)) last = j;
    else if (!(particle && capitalised(scan.tokens[j + 1]))) break;
  }
  return last;
}

function latinPerson(scan: Scan, i: number): RuleSpan | undefined {
  const t = scan.tokens[i] as Token;
  const word = fold(t.text);
  const dotted = /^\s?\./.test(scan.text.slice(t.end, t.end + 2)) ? `${word}.` : word;
  if (LATIN_TITLES.has(word) || LATIN_TITLES.has(dotted)) {
    let from = i + 1;
    // «le président américain Joe Biden»: one adjective of nationality between.
    const next = scan.tokens[from];
    if (next && /^\p{Ll}{4,}$/u.test(next.text) && capitalised(scan.tokens[from + 1])) from++;
    const last = capitalRun(scan, from, 4);
    return last === undefined ? undefined : { type: "person", first: from, last };
  }
  // «Peter Martin», «Sharon Davis»: after a given name, a word a town bears is the surname.
  const surname = !scan.taken[i + 1] || scan.town?.[i + 1];
  if (LATIN_GIVEN.has(word) && capitalised(t) && surname && joined(scan, i, i + 1)) {
    const last = capitalRun(scan, i + 1, 3);
    return last === undefined ? undefined : { type: "person", first: i, last };
  }
  return undefined;
}

const stemmed = (word: string, stems: readonly string[], slack: number) =>
  stems.some((s) => word.startsWith(s) && word.length <= s.length + slack);
const russianTitle = perWord((word: string) => stemmed(word, RUSSIAN_TITLE_STEMS, 3));
const russianHead = perWord((word: string) => stemmed(word, RUSSIAN_ORG_STEMS, 4));
const GIVEN_STEMS = RUSSIAN_GIVEN.map((n) => n.replace(/[айяьей]$/, ""));
const russianGiven = perWord((word: string) =>
  GIVEN_STEMS.some((stem) => word.startsWith(stem) && word.length <= stem.length + 3),
);

function russianPerson(scan: Scan, i: number): RuleSpan | undefined {
  const t = scan.tokens[i] as Token;
  const word = fold(t.text);
  // «В. В. Путин»: initials, then the surname.
  if (/^\p{Lu}$/u.test(t.text) && scan.text[t.end] === ".") {
    let j = i + 1;
    if (/^\p{Lu}$/u.test(scan.tokens[j]?.text ?? "") && scan.text[scan.tokens[j]?.end ?? 0] === ".")
      j++;
    if (capitalised(scan.tokens[j]) && !scan.taken[j] && (scan.tokens[j]?.text.length ?? 0) > 2)
      return { type: "person", first: i, last: j };
  }
  if (!capitalised(t) && russianTitle(word)) {
    // «министр иностранных дел России Сергей Лавров»: the office's words, then the name; «глава
    // МИД»: an abbreviation there is the office's body, not the person.
    let from = i + 1;
    for (let k = 0; k < 3 && from < scan.tokens.length; k++) {
      const next = scan.tokens[from] as Token;
      if (capitalised(next) && !scan.taken[from] && !/^\p{Lu}{2,}$/u.test(next.text)) break;
      from++;
    }
    const last = capitalRun(scan, from, 3);
    return last === undefined ? undefined : { type: "person", first: from, last };
  }
  if (capitalised(t) && russianGiven(word) && joined(scan, i, i + 1)) {
    const last = capitalRun(scan, i + 1, 2);
    return last === undefined ? undefined : { type: "person", first: i, last };
  }
  return russianSurname(scan, i, word);
}

// -ов, -ев, -ин and their case forms; -енко, -швили, -дзе, -ян whatever the case.
const RUSSIAN_SURNAME =
  /^[А-ЯЁ][а-яё]{2,}(?:(?:ов|ев|ёв|ин|ын)(?:а|у|ым|ой|е|ых|ыми)?|енко|швили|дзе|ян)$/u;

/**
 * «Свиридова», «Дурову», «Лукашенко»: Russian surnames are built on a few endings. Such a word,
 * capitalised inside a sentence, is a surname unless it is a common word, a place or a given name.
 */
function russianSurname(scan: Scan, i: number, folded: string): RuleSpan | undefined {
  const t = scan.tokens[i] as Token;
  if (
    scan.language !== "ru" ||
    !RUSSIAN_SURNAME.test(t.text) ||
    sentenceStart(scan.tokens, i, scan.text)
  )
    return undefined;
  if (wordRank("ru", folded) !== undefined || russianGiven(folded)) return undefined;
  return { type: "person", first: i, last: i };
}

/** A name token in Arabic script: no particle or verb of saying, no place, no verb's noun. */
const nameWord = (scan: Scan, j: number) => {
  const t = scan.tokens[j];
  return (
    t !== undefined &&
    arabicScript(t) &&
    !scan.taken[j] &&
    !stopsName(t.text) &&
    !among(ARABIC_TITLES, t.text) &&
    !among(PERSIAN_TITLES, t.text) &&
    !among(PERSIAN_OFFICES_AFTER, t.text) &&
    // «صرحت», «عضو»: a verb of saying or a role after a name is the sentence going on.
    !among(ARABIC_SAYING, t.text) &&
    !among(ARABIC_ROLES, t.text) &&
    !PERSIAN_LIGHT_VERBS.has(fold(t.text)) &&
    !PERSIAN_LIGHT_VERBS.has(fold(scan.tokens[j + 1]?.text ?? ""))
  );
};

function arabicPerson(scan: Scan, i: number): RuleSpan | undefined {
  const word = scan.tokens[i]?.text ?? "";
  const persian = scan.language === "fa";
  const apposed =
    beforeOffice(scan, i) ?? afterSaying(scan, i) ?? persianSurname(scan, i) ?? afterNisba(scan, i);
  if (apposed) return apposed;
  const titled = among(persian ? PERSIAN_TITLES : ARABIC_TITLES, word);
  if (persian && among(PERSIAN_OFFICES, word)) {
    // «رئیس‌جمهوری آمریکا بیل کلینتون»: past the country, a given name starts the name.
    let from = i + 1;
    while (scan.taken[from] && from - i <= 2) from++;
    const given = ARABIC_SCRIPT_GIVEN.has(fold(scan.tokens[from]?.text ?? ""));
    return given ? arabicName(scan, from, 3) : undefined;
  }
  if (titled) {
    let from = i + 1;
    // «آیت الله», «الرئيس السوري», «وزيرة الخارجية الأميركية»: the rest of the title. A Persian
    // title is followed by the name itself: one already found («آقای خاتمی») ends the rule there.
    // «وزير خارجيتها»: a word with an attached pronoun (its, their) belongs to the office.
    // «وزير خارجية روسيا»: a title without the article is in construct with its portfolio.
    const restOfTitle = (word: string, taken: boolean) =>
      persian
        ? word === "الله"
        : withArticle(word) ||
          taken ||
          /..(?:ها|هما|هم)$/.test(word) ||
          ARABIC_PORTFOLIOS.has(word);
    while (
      from < scan.tokens.length &&
      from - i <= 3 &&
      joined(scan, from - 1, from) &&
      restOfTitle(fold(scan.tokens[from]?.text ?? ""), scan.taken[from] ?? false)
    )
      from++;
    // «الوزيرة الأميركية تحمل أفكارا»: a common word there is the sentence going on, and so is a
    // feminine plural («أجرى وزير خارجية روسيا محادثات», held talks).
    const first = scan.tokens[from]?.text ?? "";
    const noun = commonOrObject(first) || /^[^\s]{3,}ات$/.test(fold(first));
    if (!persian && noun && !among(ARABIC_SCRIPT_GIVEN, first)) return undefined;
    return arabicName(scan, from, 3);
  }
  if (among(ARABIC_SCRIPT_GIVEN, word) && nameWord(scan, i + 1) && joined(scan, i, i + 1)) {
    const span = arabicName(scan, i, 3);
    return span && span.last > span.first ? span : undefined;
  }
  return undefined;
}

/**
 * «تئودورس پانگلوس وزیر فرهنگ یونان», «کوفی عنان ، دبیرکل سازمان ملل»: Persian news sets a
 * person's name before the office its bearer holds. The name opens a clause (the text's start,
 * a punctuation mark, a particle) and is two or three words, so a lone noun before «وزیر» is not
 * taken. (Tried for Arabic, «…، وزير الخارجية», it found nothing on either half.)
 */
function beforeOffice(scan: Scan, i: number): RuleSpan | undefined {
  if (scan.language !== "fa" || !clauseOpens(scan, i)) return undefined;
  // «گفت‌وگوی تلفنی رئیس‌جمهور»: common words there are a noun the office owns (ezafe), no name.
  const named = (j: number) => {
    const word = scan.tokens[j]?.text ?? "";
    return nameWord(scan, j) && (!commonPersian(word) || among(ARABIC_SCRIPT_GIVEN, word));
  };
  if (!named(i)) return undefined;
  for (let last = i + 1; last <= i + 2; last++) {
    if (!named(last) || !joined(scan, last - 1, last)) return undefined;
    const next = scan.tokens[last + 1];
    const between = next ? scan.text.slice(scan.tokens[last]?.end ?? 0, next.start) : "";
    if (next && /^\s*،?\s*$/.test(between) && among(PERSIAN_OFFICES_AFTER, next.text))
      return { type: "person", first: i, last };
  }
  return undefined;
}

/**
 * «وقال غادان», «وصف صبري الحوار»: Arabic puts the verb first, and after a verb of saying comes
 * who said it. A word there that is no common word of the language (nor has the article, which
 * names of people do not open with) is a name: «وقال مصدر», «قالت الوكالة» are not.
 */
function afterSaying(scan: Scan, i: number): RuleSpan | undefined {
  if (scan.language !== "ar" || !among(ARABIC_SAYING, scan.tokens[i]?.text ?? "")) return undefined;
  const next = scan.tokens[i + 1];
  if (!next || !joined(scan, i, i + 1) || commonArabic(next.text)) return undefined;
  if (among(ARABIC_ROLES, next.text)) return undefined;
  return arabicName(scan, i + 1, 3);
}

/** Among a language's commonest words, as written or as `bare` leaves it (a clitic off). */
function common(language: string, word: string, bare: (folded: string) => string): boolean {
  const folded = fold(word);
  return wordRank(language, folded) !== undefined || wordRank(language, bare(folded)) !== undefined;
}

// Persian without the ezafe's ی («گفت‌وگوی»), Arabic without «و» or «ف» (and, so).
const commonPersian = (word: string) => common("fa", word, (w) => w.replace(/\u200c?[يی]$/, ""));
const commonArabic = (word: string) => common("ar", word, (w) => w.replace(/^[وف]/, ""));
/**
 * «حكما», «عزما»: a common noun with the accusative's alif (written or not with its tanween) is
 * the sentence's object, which no name is.
 */
const commonOrObject = (word: string) =>
  commonArabic(word) || (/..[اً]+$/.test(word) && commonArabic(word.replace(/[اً]+$/, "")));

// «تاج‌زاده», «ابراهیم‌پور», «احمدی‌نژاد»: Persian family names built on -zadeh, -pour, -nejad.
const PERSIAN_SURNAME = /^[\p{Script=Arabic}\u200c]{2,}\u200c?(?:زاده|پور|نژاد)$/u;

/** A Persian family name by its ending, with the given name before it when one is. */
function persianSurname(scan: Scan, i: number): RuleSpan | undefined {
  if (scan.language !== "fa") return undefined;
  const at = (j: number) => PERSIAN_SURNAME.test(scan.tokens[j]?.text ?? "") && nameWord(scan, j);
  const given = among(ARABIC_SCRIPT_GIVEN, scan.tokens[i]?.text ?? "");
  if (given && at(i + 1) && joined(scan, i, i + 1))
    return { type: "person", first: i, last: i + 1 };
  return at(i) ? { type: "person", first: i, last: i } : undefined;
}

function clauseOpens(scan: Scan, i: number): boolean {
  const before = scan.tokens[i - 1];
  if (!before) return true;
  if (/[.،,:؛»«"()]/.test(scan.text.slice(before.end, scan.tokens[i]?.start))) return true;
  return stopsName(before.text);
}

/** A name of up to `most` words from `from`: the first without the article, a family name last. */
function arabicName(scan: Scan, from: number, most: number): RuleSpan | undefined {
  if (!nameWord(scan, from) || withArticle(fold(scan.tokens[from]?.text ?? ""))) return undefined;
  // «نظيره الروسي»: a word an adjective of nationality follows is a noun, not a name.
  if (ARABIC_NATIONALITIES.has(fold(scan.tokens[from + 1]?.text ?? ""))) return undefined;
  let last = from;
  for (let j = from + 1; j < from + most && nameWord(scan, j) && joined(scan, j - 1, j); j++) {
    const word = fold(scan.tokens[j]?.text ?? "");
    const previous = forms(scan.tokens[j - 1]?.text ?? "").at(-1) ?? "";
    // «بشار الأسد»: a family name with the article ends the name (an adjective of nationality
    // is no family name).
    if (ARABIC_NATIONALITIES.has(word)) break;
    // «يحيى زوجته» (Yahya … his wife): a noun with a pronoun attached is no part of a name.
    if (scan.language === "ar" && /..(?:ته|تها|تهم)$/.test(word)) break;
    if (withArticle(word)) {
      last = j;
      break;
    }
    // A third word only after a compound or a second given name («عبد الله», «علي أصغر»), and
    // not a verb in the present («عمرو سليمان يكتب», writes).
    if (
      j - from >= 2 &&
      ((!/^(?:عبد|ابو|بن|ابن)$/.test(previous) && !ARABIC_SCRIPT_GIVEN.has(previous)) ||
        (scan.language === "ar" && ARABIC_VERB.test(word)))
    )
      break;
    last = j;
  }
  return { type: "person", first: from, last };
}

function organisationAt(scan: Scan, i: number): RuleSpan | undefined {
  const t = scan.tokens[i] as Token;
  if (arabicScript(t)) return arabicOrganisation(scan, i);
  if (cyrillic(t)) return russianOrganisation(scan, i);
  return latinOrganisation(scan, i) ?? latinInRussian(scan, i);
}

function latinOrganisation(scan: Scan, i: number): RuleSpan | undefined {
  const token = scan.tokens[i] as Token;
  // «l'Assemblée nationale»: French writes the elided article onto the head; the name starts after.
  if (scan.language !== "fr" || !/^[ld]['’]\p{Lu}/u.test(token.text))
    return headedOrganisation(scan, i, token);
  const head = { ...token, text: token.text.slice(2), start: token.start + 2 };
  const span = headedOrganisation(scan, i, head);
  return span && { ...span, start: head.start };
}

function headedOrganisation(scan: Scan, i: number, t: Token): RuleSpan | undefined {
  if (!LATIN_ORG_HEADS.has(fold(t.text))) return undefined;
  const next = scan.tokens[i + 1];
  if (!next || !joined(scan, i, i + 1)) return undefined;
  // «Parti socialiste», «Assemblée nationale»; a head in lower case only before "of"/«de» and
  // a capitalised name («le ministère de l'Intérieur»).
  if (FRENCH_ORG_ADJECTIVE.test(next.text) && scan.language === "fr" && capitalised(t))
    return { type: "org", first: i, last: i + 1 };
  // «la Galerie Sonnabend», «la compagnie Bellator»: a name in apposition, as French writes them.
  if (scan.language === "fr" && capitalised(next) && !scan.taken[i + 1] && !frenchWord(next.text))
    return { type: "org", first: i, last: i + 1 };
  // "Ministry of Defence", «Banque de France», «ministère de l'Intérieur»: the name after "of".
  let from = i + 1;
  const linker = fold(next.text);
  if (!/^(?:of|for|de|du|des|d'.+)$/.test(linker)) return undefined;
  if (linker.startsWith("d'") && capitalised({ ...next, text: next.text.slice(2) }))
    return { type: "org", first: i, last: i + 1 };
  from++;
  if (/^(?:the|la)$/.test(fold(scan.tokens[from]?.text ?? ""))) from++;
  let last: number | undefined;
  // «la Société des pontonniers de Bâle», «l'Académie de musique»: French writes an institution's
  // head with a capital inside a sentence, and its name may go on in lower case.
  const institution =
    scan.language === "fr" && capitalised(t) && !sentenceStart(scan.tokens, i, scan.text);
  let lower: number | undefined;
  for (let j = from; j < scan.tokens.length && j - from < 5 && joined(scan, j - 1, j); j++) {
    const word = scan.tokens[j] as Token;
    // «l'Intérieur»: the elided article is written onto the name.
    if (capitalised(word) || /^[ld]['’]\p{Lu}/u.test(word.text)) last = j;
    else if (/^(?:and|of|et|de|des|du)$/.test(word.text)) continue;
    else if (institution && last === undefined && /^\p{Ll}{4,}$/u.test(word.text)) lower ??= j;
    else break;
  }
  const end = last ?? lower;
  return end === undefined ? undefined : { type: "org", first: i, last: end };
}

const GENITIVE = /(?:ого|его|ых|их|ой|ей|ов|ев|а|я|ы|и)$/;

function russianOrganisation(scan: Scan, i: number): RuleSpan | undefined {
  const t = scan.tokens[i] as Token;
  if (RUSSIAN_ORG_ACRONYMS.has(t.text)) return { type: "org", first: i, last: i };
  // «ДПНИ», «ОЗПП»: an abbreviation in capitals in running Russian is an organisation's.
  if (
    scan.language === "ru" &&
    /^[А-ЯЁ]{2,6}$/.test(t.text) &&
    !RUSSIAN_PLACE_ACRONYMS.has(t.text) &&
    !shouting(scan)
  )
    return { type: "org", first: i, last: i };
  const named = quotedName(scan, i);
  if (named) return named;
  const word = fold(t.text);
  let head = i;
  // «Республиканской партии», «Федеральная служба»: a capitalised adjective before the head.
  if (capitalised(t) && /(?:ая|ой|ий|ый|ое|ую|ого|ому|ым|ом)$/.test(word)) {
    const next = scan.tokens[i + 1];
    if (!next || !joined(scan, i, i + 1) || !russianHead(fold(next.text))) return undefined;
    head = i + 1;
  } else if (!russianHead(word)) return undefined;
  // «партии «Яблоко»»: the quoted name.
  const quoted = /^\s*«/.test(scan.text.slice(scan.tokens[head]?.end ?? 0));
  if (quoted) {
    const close = scan.text.indexOf("»", scan.tokens[head]?.end ?? 0);
    let last = head;
    for (let j = head + 1; (scan.tokens[j]?.end ?? Infinity) <= close; j++) last = j;
    return last > head ? { type: "org", first: i, last, end: close + 1 } : undefined;
  }
  // «министерство иностранных дел», «службы безопасности Украины».
  let last = head === i ? -1 : head;
  for (let j = head + 1; j < scan.tokens.length && j - head <= 3 && joined(scan, j - 1, j); j++) {
    const next = scan.tokens[j] as Token;
    if (scan.taken[j]) {
      last = j;
      break;
    }
    const folded = fold(next.text);
    // «иностранных дел»: after an adjective in the genitive comes its noun, whatever its ending.
    const afterAdjective =
      j > head + 1 && /(?:ых|их|ого|его|ой|ей)$/.test(fold(scan.tokens[j - 1]?.text ?? ""));
    if (capitalised(next) || RUSSIAN_DETERMINERS.has(folded) || folded.length < 3) break;
    if (!GENITIVE.test(folded) && !afterAdjective) break;
    last = j;
  }
  return last >= i ? { type: "org", first: i, last } : undefined;
}

/** A headline or a line in capitals: there an abbreviation cannot be told from a word. */
const shouting = (scan: Scan) => {
  const letters = scan.text.replace(/[^\p{L}]/gu, "");
  return letters.length > 0 && letters.replace(/\p{Lu}/gu, "").length < letters.length / 2;
};

/**
 * «Роснефти», «Дождя», «СТС Медиа»: in Russian a capitalised name in guillemets is a company's,
 * a channel's or a party's; people and places are never quoted so.
 */
function quotedName(scan: Scan, i: number): RuleSpan | undefined {
  const t = scan.tokens[i] as Token;
  if (scan.language !== "ru" || !capitalised(t) || !/«\s*$/.test(scan.text.slice(0, t.start)))
    return undefined;
  const close = scan.text.indexOf("»", t.end);
  if (close < 0 || close - t.start > 60) return undefined;
  let last = i;
  for (let j = i + 1; (scan.tokens[j]?.end ?? Infinity) <= close; j++) last = j;
  return { type: "org", first: i, last, end: close };
}

/**
 * "Nokia", "Wall Street Journal" in a Russian text: Russian writes people and places in its own
 * letters, so a capitalised name left in Latin letters is a company's, a newspaper's, a brand's.
 */
function latinInRussian(scan: Scan, i: number): RuleSpan | undefined {
  const t = scan.tokens[i] as Token;
  if (
    scan.language !== "ru" ||
    !/^\p{Lu}[\p{L}\d]/u.test(t.text) ||
    !/^\p{Script=Latin}/u.test(t.text)
  )
    return undefined;
  let last = i;
  for (let j = i + 1; j <= i + 4 && joined(scan, j - 1, j); j++) {
    const next = scan.tokens[j] as Token;
    if (!/^\p{Script=Latin}/u.test(next.text) || !/^[\p{Lu}\d]/u.test(next.text)) break;
    last = j;
  }
  return { type: "org", first: i, last };
}

function arabicOrganisation(scan: Scan, i: number): RuleSpan | undefined {
  const word = scan.tokens[i]?.text ?? "";
  if (scan.language === "fa") {
    if (fold(word) === fold("وزیر")) return portfolio(scan, i + 1);
    if (!among(PERSIAN_ORG_HEADS, word)) return undefined;
    // The name after the head, to a particle or a verb: «سازمان انرژی اتمی», «قوه قضائیه».
    let last = i;
    for (let j = i + 1; j <= i + 3 && nameWord(scan, j) && joined(scan, j - 1, j); j++) last = j;
    return last > i ? { type: "org", first: i, last } : undefined;
  }
  if (!among(ARABIC_ORG_HEADS, word)) return undefined;
  const quoted = quotedAfter(scan, i);
  if (quoted) return quoted;
  // The construct chain: every word after the head carries the article («مجلس الأمن الدولي»).
  // A head with the article is in no construct: only adjectives follow it («المجلس الوطني»),
  // and a noun there opens another phrase («فتح الجيش الطريق», the army opened the road).
  const definite = withArticle(fold(word));
  if (!definite) {
    const proper = properNounAfter(scan, i);
    if (proper) return proper;
  }
  let last = i;
  for (let j = i + 1; j <= i + 4 && joined(scan, j - 1, j); j++) {
    const next = fold(scan.tokens[j]?.text ?? "");
    if (!withArticle(next) || stopsName(scan.tokens[j]?.text ?? "")) break;
    // «المجلس الأعلى للقضاء»: «لل» (for the) takes the body's field after its adjectives.
    if (definite && !ADJECTIVE.test(next) && !next.startsWith("لل")) break;
    last = j;
  }
  // «القوات الألمانية», «الجيش اللبناني»: a head and a nationality describe a body, not name one.
  const described = last === i + 1 && ARABIC_NATIONALITIES.has(fold(scan.tokens[last]?.text ?? ""));
  return last > i && !described ? { type: "org", first: i, last } : undefined;
}

// Endings of Arabic nouns and adjectives (ة, ات, the nisba ي), which foreign names do not have.
const ARABIC_MORPHOLOGY = /(?:ة|ات|ي)$/;
// The present tense's prefix before a consonant («تعلن», «يزور», «نرفض»): a verb, where foreign
// names written in Arabic letters put a long vowel after their first («توماس», «يوهان», «نيلسون»).
const ARABIC_VERB = /^[تين][^اويى]/;

/**
 * «جامعة كامبريدج», «شركة فورد»: an indefinite head's construct ends in a definite noun, and a
 * proper noun is definite without the article: a town, or a word no frequency list holds that
 * ends as no Arabic noun or adjective does, a foreign name written in Arabic letters.
 */
function properNounAfter(scan: Scan, head: number): RuleSpan | undefined {
  // One word: the next is as likely the sentence's verb or noun («شركة تويوتا خفض الإنتاج»).
  const j = head + 1;
  if (!joined(scan, head, j)) return undefined;
  const place = scan.taken[j] && scan.town?.[j];
  return place || foreignWord(scan, j) ? { type: "org", first: head, last: j } : undefined;
}

/**
 * A word no frequency list holds, without the article, ending as no Arabic noun does, with no
 * tanween (names take none), not shaped as a verb in the present: a foreign name.
 */
function foreignWord(scan: Scan, j: number): boolean {
  const word = scan.tokens[j]?.text ?? "";
  const folded = fold(word);
  return (
    !scan.taken[j] &&
    arabicScript(scan.tokens[j]) &&
    word.length >= 3 &&
    !withArticle(folded) &&
    !stopsName(word) &&
    !ARABIC_MORPHOLOGY.test(folded) &&
    !ARABIC_VERB.test(folded) &&
    !/\u064b/.test(word) &&
    !commonArabic(word)
  );
}

/**
 * «السويدي غوران إريكسون», «اليونانية دورا باكويانيس»: Arabic names a foreigner after the
 * adjective of their nation, used as a noun (the Swede …) or after the noun it qualifies (the
 * Dutch runner …); two foreign words right after an adjective of nationality are the name.
 */
function afterNisba(scan: Scan, i: number): RuleSpan | undefined {
  const before = fold(scan.tokens[i - 1]?.text ?? "");
  if (scan.language !== "ar" || !ARABIC_NATIONALITIES.has(before) || !joined(scan, i - 1, i))
    return undefined;
  const words = [i, i + 1].map((j) => fold(scan.tokens[j]?.text ?? ""));
  // «لمصلحته», «عزما اكيدا»: a pronoun attached, or two accusatives, are the sentence going on.
  const sentence =
    words.some((w) => /..(?:ه|ها|هم|هما)$/.test(w)) || words.every((w) => /ا$/.test(w));
  if (sentence || !foreignWord(scan, i) || !foreignWord(scan, i + 1) || !joined(scan, i, i + 1))
    return undefined;
  return { type: "person", first: i, last: i + 1 };
}

/**
 * «وزیر فرهنگ و ارشاد اسلامی», «وزیر دفاع آمریکا»: the portfolio after a minister's title names
 * the ministry, with the words that complete it («و» and another portfolio, an adjective in -ی)
 * and the country that holds it, where the name ends. A name after that is the minister's own.
 * The mention is the portfolio's words; the entity is the ministry, as «وزارت …» names it.
 */
function portfolio(scan: Scan, from: number): RuleSpan | undefined {
  const word = (j: number) => scan.tokens[j]?.text ?? "";
  const isPortfolio = (j: number) => among(PERSIAN_PORTFOLIOS, word(j));
  if (!isPortfolio(from) || scan.taken[from]) return undefined;
  let last = from;
  for (let j = from + 1; j <= from + 4 && joined(scan, j - 1, j); j++) {
    if (scan.taken[j]) return ministry(scan, from, j);
    if (word(j) === "و" && isPortfolio(j + 1) && joined(scan, j, j + 1)) j++;
    else if (!isPortfolio(j) && !/..ی$/.test(word(j))) break;
    last = j;
  }
  return ministry(scan, from, last);
}

/** The portfolio's words as the text has them, named as the ministry: «وزارت خارجه ایران». */
function ministry(scan: Scan, first: number, last: number): RuleSpan {
  const words = scan.text.slice(scan.tokens[first]?.start, scan.tokens[last]?.end);
  return { type: "org", first, last, name: `وزارت ${words}` };
}

// Arabic adjectives after a definite head (folded): relational (-ي, -ية, their plurals) or
// elative, «الأعلى», «الأكبر», «الأوسط» (af'al), «العليا» (its feminine; «الكبرى» ends in ي).
const ADJECTIVE = /(?:ي|ية|يه|يون|يين|يات)$|^الا..[^ة]$|^ال..يا$/;

/**
 * «مؤسسة " فيتش ريتنغز "»: a foreign name in quotation marks after an organisation's head is
 * the organisation's own, as written; the head with it.
 */
function quotedAfter(scan: Scan, head: number): RuleSpan | undefined {
  const from = scan.tokens[head + 1];
  const headEnd = scan.tokens[head]?.end ?? 0;
  if (!from || !/^\s*["«“]\s*$/.test(scan.text.slice(headEnd, from.start))) return undefined;
  const close = scan.text.slice(from.start, from.start + 60).search(/["»”]/);
  if (close < 0) return undefined;
  let last = head + 1;
  while ((scan.tokens[last + 1]?.end ?? Infinity) <= from.start + close) last++;
  // «وكالة «رويترز»»: a name the lists know is theirs.
  if (scan.taken.slice(head + 1, last + 1).some(Boolean)) return undefined;
  return { type: "org", first: head, last, end: from.start + close + 1 };
}

/** «Путин … Путина», «Macron … Macron»: a person named in full is found again by surname. */
function surnamesAgain(scan: Scan, found: readonly RuleSpan[]): RuleSpan[] {
  const surnames = new Set(
    found
      .filter((s) => s.type === "person" && s.last > s.first)
      .map((s) => surnameKey(scan.tokens[s.last]?.text ?? "")),
  );
  if (surnames.size === 0) return [];
  const inFound = new Array<boolean>(scan.tokens.length).fill(false);
  for (const s of found) for (let i = s.first; i <= s.last; i++) inFound[i] = true;
  const again: RuleSpan[] = [];
  scan.tokens.forEach((t, i) => {
    if (scan.taken[i] || inFound[i]) return;
    if (!arabicScript(t) && !capitalised(t)) return;
    if (surnames.has(surnameKey(t.text))) again.push({ type: "person", first: i, last: i });
  });
  return again;
}

/** A surname's key: Russian case endings and Arabic-script clitics off, so «Путина» is «Путин». */
function surnameKey(word: string): string {
  const folded = forms(word).at(-1) ?? "";
  if (CYRILLIC_LETTER.test(word)) {
    const stem = folded.replace(/(?:ым|им|ой|ей|ом|ем|ах|ях|а|я|у|ю|е|ы|и)$/, "");
    return stem.length >= 3 ? stem : folded;
  }
  return folded.length >= 3 ? folded : `\u0000${folded}`;
}
