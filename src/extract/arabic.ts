/**
 * Arabic-script folding and clitics. Persian letters fold into Arabic ones so that one key
 * serves both; ة stays itself, because Arabic «التركية» (Turkish) is not Persian «ترکیه» (Turkey).
 */

export const ARABIC_LETTER = /[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]/;

// Letter variants that writers use interchangeably; Persian forms fold into Arabic ones.
const ARABIC_FOLD: Record<string, string> = {
  أ: "ا",
  إ: "ا",
  آ: "ا",
  ٱ: "ا",
  ى: "ي",
  ی: "ي",
  ئ: "ي",
  ک: "ك",
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

export const withoutArticle = (word: string) =>
  word.startsWith("ال") && word.length > 3 ? word.slice(2) : word;

// Proclitics: a conjunction, then a preposition, then the article, in that order.
const CONJUNCTIONS = ["", "و", "ف"];
const PREPOSITIONS = ["", "ب", "ل", "ك"];
// Persian plural suffixes (not «ان», which ends too many names: تهران, آبادان); a final ی after a consonant makes an adjective (ایرانی, Iranian),
// so only the ezafe ی after a long vowel (آمریکای شمالی) is taken off.
const PERSIAN_SUFFIXES = ["هاي", "ها"];

/**
 * Every key a folded Arabic-script token of running text might be filed under. Persian writes
 * its prepositions and «و» apart («به تهران», «و شیراز»): with `proclitics` false, a letter before
 * a name is part of the word, as in the verb «بروم» (that I go), not Arabic's «ب» before «روم».
 */
export function arabicVariants(folded: string, proclitics = true): string[] {
  const out = new Set<string>([withoutArticle(folded)]);
  for (const c of proclitics ? CONJUNCTIONS : []) {
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
  // Not after the plural: «آبهای» is «آب» + «ها» + ezafe (waters of), not Abha's «ابها».
  if (/اي$/.test(folded) && !folded.endsWith("هاي")) out.add(folded.slice(0, -1));
  // Writers put ه for ة (جده for جدة); never the other way round.
  for (const key of [...out]) if (key.endsWith("ه")) out.add(`${key.slice(0, -1)}ة`);
  return [...out];
}
