/** franc answers ISO 639-3; everything after it speaks ISO 639-1 where one exists. */
export const ISO639_3_TO_1: Readonly<Record<string, string>> = {
  arb: "ar",
  ara: "ar",
  pes: "fa",
  prs: "fa",
  fas: "fa",
  fra: "fr",
  rus: "ru",
  eng: "en",
  urd: "ur",
  pbu: "ps",
  pus: "ps",
  ckb: "ckb",
  ukr: "uk",
  bul: "bg",
  tgk: "tg",
  spa: "es",
  ita: "it",
  deu: "de",
  por: "pt",
  nld: "nl",
  tur: "tr",
  pol: "pl",
  srp: "sr",
  mkd: "mk",
  bel: "be",
  kaz: "kk",
  kmr: "ku",
};

export const toIso1 = (code: string): string => ISO639_3_TO_1[code] ?? code;

/** Latin-script languages franc chooses between; a wide set so that Spanish is not called French. */
export const LATIN_CANDIDATES = ["fra", "eng", "spa", "ita", "deu", "por", "nld", "tur", "pol"];
/** Cyrillic languages that lack the letters that would tell them apart at once. */
export const CYRILLIC_CANDIDATES = ["rus", "bul", "ukr", "mkd", "srp", "bel"];

const LANGUAGE_NAMES: Record<string, string> = {
  ar: "Arabic",
  fa: "Persian",
  fr: "French",
  ru: "Russian",
  en: "English",
  und: "undetermined language",
};

export const languageName = (code: string): string => LANGUAGE_NAMES[code] ?? code;
