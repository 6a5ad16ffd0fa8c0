import { francAll } from "franc";
import { FUNCTION_WORD_INDEX } from "./function-words.js";
import { CYRILLIC_CANDIDATES, LATIN_CANDIDATES, toIso1 } from "./language-codes.js";
import { ownWordCounts } from "./word-lists.js";

export interface LanguageGuess {
  /** ISO 639-1 where one exists, else ISO 639-3; `und` when too short or too unsure. */
  language: string;
  confidence: number;
}

export const UNDETERMINED: LanguageGuess = { language: "und", confidence: 0 };

const MIN_LETTERS = 8;
const MIN_LETTERS_STATISTICAL = 15;
const MIN_MARGIN = 0.03;
const SHORT_LETTERS = 40;
const UNSURE = 0.6;
// Russian and Bulgarian read alike to franc; a close call between them is no call at all.
const MIN_MARGIN_CYRILLIC = 0.1;

// Letters each language uses and its neighbours in the same script do not.
const ARABIC_SCRIPT_MARKERS: [string, RegExp][] = [
  ["ur", /[ٹڈڑںےۓ]/g],
  ["ps", /[ټډړږښځڅۍېګڼ]/g],
  ["ckb", /[ڕڵۆێە]/g],
  ["fa", /[پچژگیک]/g],
  ["ar", /[ةىيكأإؤ]/g],
];
// Letters of the other languages that write і: with one of them, і is not Ukrainian's
// (Kazakh writes і with қ and ғ too: «Қазақстан Республикасы»).
const OTHER_I = /[ўЎәөүңһұӘӨҮҢҺҰғқҒҚ]/;
const CYRILLIC_MARKERS: [string, RegExp][] = [
  // Belarusian and Kazakh write і as Ukrainian does, and letters no other language does.
  ["be", /[ўЎ]/g],
  ["kk", /[әөүңһұӘӨҮҢҺҰ]/g],
  ["uk", /[іїєґІЇЄҐ]/g],
  ["mk", /[ѓќѕЃЌЅ]/g],
  ["sr", /[ђћЂЋ]/g],
  // Tajik shares ғ and қ with Kazakh, not these; without і or Kazakh's own letters, ғ and қ are
  // Tajik's too (Russian, Bulgarian, Macedonian and Serbian write neither).
  ["tg", /[ҳҷӣӯҲҶӢӮғқҒҚ]/g],
  ["ru", /[ыэёЫЭЁ]/g],
];

// Word forms one language of a script uses and its neighbours do not: function words, and
// endings (Russian adjective endings; Bulgarian's definite article) that decide short headlines.
const ARABIC_SCRIPT_WORDS: [string, RegExp, number][] = [
  // Pronouns and adverbs Pashto writes with letters Persian shares (هغه "he", دوی "they", نن
  // "today", لپاره "for"): a Pashto line without its own letters still has them.
  [
    "ps",
    /(?:^|[\s،.:؛])(?:د|په|کې|ته|چې|سره|دغو|دغه|شوي|وو|هغه|دوی|دا|زه|تاسو|نن|لپاره|وروسته|وویل)(?=$|[\s،.:؛؟])/g,
    2,
  ],
  ["ur", /(?:^|[\s،.:؛])(?:کے|کی|ہے|ہیں|میں|نے|کو|سے|اور)(?=$|[\s،.:؛])/g, 2],
  // Pashto's circumposition «له … سره» (with): «له» alone is Arabic's "to him" too.
  ["ps", /(?:^|[\s،.:؛])له\s+(?:\S+\s+){0,3}سره(?=$|[\s،.:؛؟])/g, 1],
  // Persian's and Arabic's own small words, which Pashto does not use: they outweigh a Pashto
  // word the line happens to share.
  ["fa", /(?:^|[\s،.:؛])(?:است|این|برای|از|را|های|شد|شده)(?=$|[\s،.:؛؟])/g, 1],
  ["ar", /(?:^|[\s،.:؛])(?:في|على|مع|التي|الذي|إلى|عن|أن|هذا|هذه|كان|قال)(?=$|[\s،.:؛؟])/g, 1],
];
const CYRILLIC_WORDS: [string, RegExp, number][] = [
  // Lower-case words only for -ов/-ев: surnames (Ершов, Петров) end so in both languages.
  // Case endings Bulgarian lost, the past in -овал (Bulgarian -увал), and prepositions it does
  // not use (it says "за", "към", "от").
  [
    "ru",
    /[а-яё](?:ого|его|ому|ему|ый|ий|ых|ым|ыми|ими|ая|яя|ую|юю|ться|тся|ах|ях|ами|ями|ией|ной|ской|[ое]вал[аио]?)(?=$|[^а-яё])|(?:^|[^а-яё])(?:о|об|у|из|к|что|это|который|которые|как|его|был|была|года|году|россии|января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)(?=$|[^а-яё])/giu,
    1,
  ],
  ["ru", /(?:^|[^а-яёА-ЯЁ])[а-яё]+(?:ов|ев)(?=$|[^а-яё])/gu, 1],
  // Words Russian writes and Bulgarian, Macedonian and Ukrainian say otherwise (за, след, само,
  // вече, днес, кога, ако; для → за, уже → вже).
  [
    "ru",
    /(?:^|[^а-яё])(?:для|также|только|еще|уже|сегодня|сейчас|когда|если|будет|более|через|чтобы)(?=$|[^а-яё])/giu,
    1,
  ],
  // Ukrainian without і, ї, є or ґ: its own small words (що, це, вона, буде, з), ць, which Russian
  // never writes, and the apostrophe where Russian writes ъ (п'ять, м'ясо).
  [
    "uk",
    /(?:^|[^а-яґєії])(?:що|щоб|щодо|це|цей|ця|цього|вона|воно|вони|його|але|буде|було|були|був|була|також|дуже|вже|зараз|хто|яка|яке|треба|тепер|чи|як|з)(?=$|[^а-яґєії])|ць|[бпвмфрк]['’ʼ][яюєї]/giu,
    1,
  ],
  // Bulgarian writes ь only before о; Russian ends words with it (-ть, -ль, -нь).
  ["ru", /ь(?!о)/gu, 1],
  // Bulgarian's ъ before a consonant (Russian writes ъ only before е, ё, ю, я), its own
  // words, and its definite article.
  [
    "bg",
    /ъ[бвгджзклмнпрстфхцчшщ]|(?:^|[^а-я])(?:ще|са|това|които|който|която|че|беше|към|след|тя|ли|да|ние|каза|има|няма)(?=$|[^а-я])|[а-я](?:ът|ят|ите|ата|ото)(?=$|[^а-я])/gi,
    1,
  ],
];

/** Persian and Arabic are told apart by their letters: their words only keep Pashto out. */
const pashtoOrUrdu = (guess: LanguageGuess | undefined) =>
  guess && guess.language !== "fa" && guess.language !== "ar" ? guess : undefined;

/** The language whose own words the text uses, when only one language's are there. */
function byWords(text: string, cues: [string, RegExp, number][]): LanguageGuess | undefined {
  const totals = new Map<string, number>();
  for (const [language, pattern, least] of cues) {
    const count = text.match(pattern)?.length ?? 0;
    if (count >= least) totals.set(language, (totals.get(language) ?? 0) + count);
  }
  const found = [...totals].sort((a, b) => b[1] - a[1]);
  const [first, second] = found;
  // One language's cues alone, or at least twice the other's.
  if (!first || (second && first[1] < 2 * second[1])) return undefined;
  return {
    language: first[0],
    confidence: round(Math.min(0.95, 0.6 + 0.1 * (first[1] - (second?.[1] ?? 0)))),
  };
}

/**
 * The language of a text: its script first, then letters only one language of that script
 * uses, then franc's statistics among that script's languages. The feed's declared language
 * breaks a near tie; it never outvotes the text.
 */
export function identifyLanguage(
  text: string,
  hint?: string | null,
  preferred: readonly string[] = [],
): LanguageGuess {
  const counts = scriptCounts(text);
  const letters = counts.arabic + counts.cyrillic + counts.latin + counts.other;
  if (letters < MIN_LETTERS) return UNDETERMINED;
  const dominant = Math.max(counts.arabic, counts.cyrillic, counts.latin, counts.other);
  const share = dominant / letters;
  if (dominant === counts.other) return UNDETERMINED;
  if (dominant === counts.arabic) {
    return (
      pashtoOrUrdu(byWords(text, ARABIC_SCRIPT_WORDS)) ??
      byMarkers(text, ARABIC_SCRIPT_MARKERS, share) ??
      UNDETERMINED
    );
  }
  // A Ukrainian letter among Cyrillic words marks Ukrainian even in a mostly Latin line.
  if (counts.cyrillic >= letters * 0.15 && /[іїєґІЇЄҐ]/.test(text) && !OTHER_I.test(text)) {
    return { language: "uk", confidence: round(0.7 * Math.max(share, 0.5)) };
  }
  // Brands and names in Latin letters ("Apple и Google объявили") leave a Cyrillic sentence in
  // its own language: a third of the letters with a language's own words or letters decide it.
  if (dominant !== counts.cyrillic && counts.cyrillic >= letters * 0.3) {
    const cue = cyrillicCue(text, 0.7);
    if (cue) return { ...cue, confidence: round(cue.confidence * 0.8) };
  }
  const words = wordsOf(text);
  const hits = functionWordHits(words);
  if (dominant === counts.cyrillic) {
    if (serbianOrMacedonian(text)) {
      const cue = byMarkers(text, SOUTH_SLAVIC_MARKERS, share);
      return (
        cue ?? statistical(text, words, hits, ["mkd", "srp"], hint, share, [], MIN_MARGIN_CYRILLIC)
      );
    }
    const cue = cyrillicCue(text, share);
    // No prior here: Russian and Bulgarian without their cues are a coin toss for franc too.
    const candidates = cyrillicCandidates(text);
    return cue ?? statistical(text, words, hits, candidates, hint, share, [], MIN_MARGIN_CYRILLIC);
  }
  return kurmanji(hits) ?? statistical(text, words, hits, LATIN_CANDIDATES, hint, share, preferred);
}

/**
 * Serbian and Macedonian alone write ј, љ, њ, џ, and neither writes Russian's ы, э, ё: with the
 * one and none of the other, the text is in one of those two, whatever words it shares with Russian.
 */
const serbianOrMacedonian = (text: string) => /[јљњџЈЉЊЏ]/.test(text) && !/[ыэёЫЭЁ]/.test(text);
const SOUTH_SLAVIC_MARKERS = CYRILLIC_MARKERS.filter(([l]) => l === "sr" || l === "mk");

/** Kazakh writes і with ғ and қ, which Ukrainian never writes and Tajik writes without і. */
const kazakh = (text: string, share: number): LanguageGuess | undefined =>
  /[ғқҒҚ]/.test(text) && /[іІ]/.test(text)
    ? { language: "kk", confidence: round(0.8 * share) }
    : undefined;

/**
 * Forms Ukrainian writes and Russian and Bulgarian never do, which decide a line without і: the
 * adjective's genitive in -ього (Russian -его), the past in -ував, -ював (Russian -овал), the
 * plural present in -ють (Russian -ют), verbal nouns in -ння (Russian -ние), and е where Russian
 * writes э at the start of a borrowed word (етап, економіка: этап, экономика). Russian's own
 * letters (ы, э, ё) are read first.
 */
const UKRAINIAN_FORMS =
  /[а-яґєії](?:ього|[ую]вав|ють)(?=$|[^а-яґєії])|ння|(?:^|[^а-яґєії])(?:етап|експерт|економ|енерг|ефект|електр|ескалац|евакуац)/iu;

/** A Cyrillic language's own letters, else its own words, when only one language's are there. */
const cyrillicCue = (text: string, share: number) =>
  kazakh(text, share) ??
  byMarkers(text, CYRILLIC_MARKERS, share) ??
  (UKRAINIAN_FORMS.test(text) ? { language: "uk", confidence: round(0.8 * share) } : undefined) ??
  byWords(text, CYRILLIC_WORDS);

/**
 * Ukrainian and Belarusian write і (and ї, є, ґ, ў) in nearly every line: without them, neither.
 * Macedonian and Serbian write ј, љ, њ where the others write й, я, ю, ь: with one of those
 * letters, neither of the two.
 */
function cyrillicCandidates(text: string): string[] {
  const ruledOut = [
    ...(/[іїєґўІЇЄҐЎ]/.test(text) ? [] : ["ukr", "bel"]),
    ...(NOT_SOUTH_SLAVIC.test(text) ? ["mkd", "srp"] : []),
  ];
  return CYRILLIC_CANDIDATES.filter((code) => !ruledOut.includes(code));
}
const NOT_SOUTH_SLAVIC = /[йяюьъщыэёєїіЙЯЮЬЪЩЫЭЁЄЇІ]/;

function scriptCounts(text: string) {
  const counts = { arabic: 0, cyrillic: 0, latin: 0, other: 0 };
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) {
      if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) counts.latin++;
    } else if (
      (code >= 0x600 && code <= 0x6ff) ||
      (code >= 0x750 && code <= 0x77f) ||
      (code >= 0xfb50 && code <= 0xfeff)
    ) {
      if (/\p{L}/u.test(ch)) counts.arabic++;
    } else if (code >= 0x400 && code <= 0x52f) counts.cyrillic++;
    else if (/\p{Script=Latin}/u.test(ch)) counts.latin++;
    else if (/\p{L}/u.test(ch)) counts.other++;
  }
  return counts;
}

/** The language whose marker letters the text uses, the first in order of rarity that counts. */
function byMarkers(
  text: string,
  markers: [string, RegExp][],
  share: number,
): LanguageGuess | undefined {
  const found = markers.map(
    ([language, pattern]) => [language, text.match(pattern)?.length ?? 0] as const,
  );
  const persian = found.find(([l]) => l === "fa")?.[1] ?? 0;
  const arabic = found.find(([l]) => l === "ar")?.[1] ?? 0;
  for (const [language, count] of found) {
    if (count === 0) continue;
    // Persian text borrows Arabic words with ة, and Arabic never uses پ چ ژ گ: weigh the two.
    if (language === "fa" && arabic > persian * 2) continue;
    return { language, confidence: round(Math.min(0.99, (0.7 + 0.06 * count) * share)) };
  }
  return undefined;
}

function statistical(
  text: string,
  words: readonly string[],
  hits: Map<string, number>,
  candidates: string[],
  hint: string | null | undefined,
  share: number,
  preferred: readonly string[],
  minMargin = MIN_MARGIN,
): LanguageGuess {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (letters < MIN_LETTERS_STATISTICAL) return byOwnWords(hits, 2) ?? hintOrUnd(hint, candidates);
  const ranked = rank(text, words, candidates, preferred, hits);
  const [top, second] = ranked;
  if (!top || top[0] === "und") return UNDETERMINED;
  const margin = top[1] - (second?.[1] ?? 0);
  const hinted = hint ? ranked.find(([code]) => toIso1(code) === hint) : undefined;
  if (hinted && top[1] - hinted[1] < 0.05) {
    return { language: toIso1(hinted[0]), confidence: round(Math.min(0.9, 0.6 + margin) * share) };
  }
  if (margin < minMargin) return UNDETERMINED;
  // A few words of names ("Sanremo, vince Mahmood") give trigrams, not certainty: on a short text
  // without one of the winner's own words or spellings, a guess is reported as one.
  const most = letters < SHORT_LETTERS && !top[2] ? UNSURE : 0.99;
  return { language: toIso1(top[0]), confidence: round(Math.min(most, 0.5 + margin * 2) * share) };
}

/** Too little text to weigh: a declared language of this script is all there is to go on. */
function hintOrUnd(hint: string | null | undefined, candidates: string[]): LanguageGuess {
  const fits = hint && candidates.some((code) => toIso1(code) === hint);
  return fits ? { language: hint, confidence: 0.5 } : UNDETERMINED;
}

const wordsOf = (text: string): string[] => text.toLowerCase().match(/\p{L}+/gu) ?? [];

/** How many of each language's own words the text uses. */
function functionWordHits(words: readonly string[]): Map<string, number> {
  const hits = new Map<string, number>();
  for (const word of words) {
    for (const code of FUNCTION_WORD_INDEX.get(word) ?? [])
      hits.set(code, (hits.get(code) ?? 0) + 1);
  }
  return hits;
}

/** One language's own words, at least `least` of them, and none of any other's. */
function byOwnWords(hits: Map<string, number>, least: number): LanguageGuess | undefined {
  const [only, other] = hits;
  if (!only || other || only[1] < least) return undefined;
  return { language: toIso1(only[0]), confidence: 0.6 };
}

/**
 * Kurmanji, written in Latin letters, is outside franc's model: its own words (û, ji, bi, li,
 * ku) decide it when they outnumber every other language's threefold.
 */
function kurmanji(hits: Map<string, number>): LanguageGuess | undefined {
  const own = hits.get("kmr") ?? 0;
  const other = Math.max(0, ...[...hits].filter(([code]) => code !== "kmr").map(([, n]) => n));
  return own >= 3 && own > 3 * other ? { language: "ku", confidence: 0.8 } : undefined;
}

// Endings and letter pairs English uses and French, its likeliest confusion here, does not.
const ENGLISH_FORMS = /\p{L}{2}(?:ing|ness|ship|ght|tor|ity|ous|ly)\b|\b(?:th|wh)\p{L}/giu;
// Elision (l'année, d'office) and its accents are French's own marks among Latin scripts; in a
// lower-case word only, for names keep their spelling in every language (Élisabeth, Mbappé).
const FRENCH_FORMS = /\b[LDJMNSTCldjmnstc]['’]\p{L}|(?<!\p{Lu}\p{L}*)[éèçœ]/gu;

/**
 * franc's trigram scores, raised for each function word of the language the text contains, for
 * its own spelling, and a little for the languages the operator monitors: a tie goes to what the
 * desk expects.
 */
function rank(
  text: string,
  words: readonly string[],
  candidates: string[],
  preferred: readonly string[],
  hits: Map<string, number>,
): Ranked[] {
  const french = Math.min(3, text.match(FRENCH_FORMS)?.length ?? 0);
  const english = Math.min(2, text.match(ENGLISH_FORMS)?.length ?? 0);
  const own = ownWordCounts(words, candidates);
  // Trigram scores settle within a few hundred characters; a long body costs time, not accuracy.
  return francAll(text.slice(0, FRANC_CHARS), { only: candidates, minLength: 1 })
    .map(([code, score]): Ranked => {
      const prior = preferred.includes(toIso1(code)) ? 0.1 : 0;
      const marks = code === "fra" ? 0.1 * french : code === "eng" ? 0.1 * english : 0;
      const words = 0.2 * Math.min(3, hits.get(code) ?? 0) + 0.3 * Math.min(3, own.get(code) ?? 0);
      return [code, score + words + prior + marks, words + marks > 0];
    })
    .sort((a, b) => b[1] - a[1]);
}

/** A language, its score, and whether any of its own words or spellings is in the text. */
type Ranked = [string, number, boolean];

const FRANC_CHARS = 600;

const round = (n: number) => Math.round(n * 100) / 100;
