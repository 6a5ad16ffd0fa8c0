/**
 * Match keys for tokens. A gazetteer name token has one key; a text token has several
 * candidate keys (with clitics, articles, case endings taken off), and matches a name when one
 * of its candidates is that name's key. The same rules serve every language of a script, so a
 * mislabelled language does not stop a match.
 */

const ARABIC_LETTER = /[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]/;
const CYRILLIC_LETTER = /[\u0400-\u052f]/;

// Letter variants that writers use interchangeably; Persian forms fold into Arabic ones.
const ARABIC_FOLD: Record<string, string> = {
  أ: "ا",
  إ: "ا",
  آ: "ا",
  ٱ: "ا",
  ى: "ي",
  ی: "ي",
  ئ: "ي",
  ك: "ك",
  ک: "ك",
  ة: "ه",
  ۀ: "ه",
  ؤ: "و",
  ـ: "",
};
const ARABIC_MARKS = /[\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g;

export function foldArabic(token: string): string {
  let out = "";
  for (const ch of token.replace(ARABIC_MARKS, "")) out += ARABIC_FOLD[ch] ?? ch;
  return out.replace(/\u200c/g, "");
}

// Proclitics: a conjunction, then a preposition, then the article, in that order.
const CONJUNCTIONS = ["", "و", "ف"];
const PREPOSITIONS = ["", "ب", "ل", "ك"];
const PERSIAN_SUFFIXES = ["های", "ها", "ان", "ي", "اي"];

function arabicVariants(folded: string): string[] {
  const out = new Set<string>([withoutArticle(folded)]);
  for (const c of CONJUNCTIONS) {
    for (const p of PREPOSITIONS) {
      const prefix = c + p;
      if (prefix === "" || !folded.startsWith(prefix) || folded.length - prefix.length < 2)
        continue;
      const rest = folded.slice(prefix.length);
      out.add(rest);
      out.add(withoutArticle(rest));
      // ل + ال contracts to لل: «للعراق» is «ل» + «العراق».
      if (p === "ل" && rest.startsWith("ل")) out.add(rest.slice(1));
    }
  }
  for (const suffix of PERSIAN_SUFFIXES) {
    if (folded.endsWith(suffix) && folded.length - suffix.length >= 3)
      out.add(folded.slice(0, -suffix.length));
  }
  return [...out];
}

const withoutArticle = (word: string) =>
  word.startsWith("ال") && word.length > 3 ? word.slice(2) : word;

// Longest first, so "ией" is taken off before "ей" and "й".
const RUSSIAN_ENDINGS = [
  "иями",
  "ями",
  "ами",
  "ией",
  "ого",
  "его",
  "ому",
  "ему",
  "ыми",
  "ими",
  "ые",
  "ие",
  "ой",
  "ей",
  "ом",
  "ем",
  "ам",
  "ям",
  "ах",
  "ях",
  "ию",
  "ью",
  "ия",
  "ья",
  "ии",
  "ьи",
  "ье",
  "ый",
  "ий",
  "ая",
  "яя",
  "ое",
  "ее",
  "ую",
  "юю",
  "ым",
  "им",
  "ых",
  "их",
  "ов",
  "ев",
  "а",
  "я",
  "у",
  "ю",
  "е",
  "о",
  "ы",
  "и",
  "ь",
  "й",
];

/** Russian nouns change their ending by case; the stem without it is the key. */
export function russianStem(word: string): string {
  const lower = word.toLowerCase().replace(/ё/g, "е");
  for (const ending of RUSSIAN_ENDINGS) {
    if (lower.endsWith(ending) && lower.length - ending.length >= 3)
      return lower.slice(0, -ending.length);
  }
  return lower;
}

const ELISIONS = /^(l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)['’]/i;

export function foldLatin(word: string): string {
  return word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

function latinVariants(word: string): string[] {
  const folded = foldLatin(word).replace(/’/g, "'");
  const out = new Set<string>([folded]);
  const elided = folded.replace(ELISIONS, "");
  if (elided !== folded) out.add(elided);
  if (/'s$/.test(elided)) out.add(elided.slice(0, -2));
  return [...out];
}

/** The one key a gazetteer name's token is filed under. */
export function nameKey(token: string): string {
  if (ARABIC_LETTER.test(token)) return withoutArticle(foldArabic(token));
  if (CYRILLIC_LETTER.test(token)) return russianStem(token);
  return foldLatin(token).replace(/’/g, "'");
}

/** Every key a token of running text might be filed under. */
export function textKeys(token: string): string[] {
  if (ARABIC_LETTER.test(token)) return arabicVariants(foldArabic(token));
  if (CYRILLIC_LETTER.test(token)) return [russianStem(token)];
  return latinVariants(token);
}

export interface Token {
  text: string;
  start: number;
  end: number;
}

// Letters, digits, combining marks, ZWNJ, and apostrophes inside a word (l'Irak, Iraq's).
const TOKEN = /[\p{L}\p{N}\p{M}\u200c]+(?:['’][\p{L}\p{M}]+)*(?:\.(?=\p{Lu}\.))?/gu;

/** Words with their UTF-16 offsets in the original text. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    tokens.push({ text: match[0], start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}
