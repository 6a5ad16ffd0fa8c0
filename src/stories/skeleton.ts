/**
 * A name's consonant skeleton, the same in every script: "Macedonia", «Македонии», «مقدونيا»
 * and "Macédoine" all give "mkdn". Arabic and Persian write few vowels, and Russian case endings
 * are mostly vowels, so consonants are what a name keeps across languages. Sounds one script
 * cannot tell apart fall together: Arabic has no p or v (b, f), and g is written k, j or gh.
 */
import { ARABIC_LETTER, arabicVariants, foldArabic } from "../extract/arabic.js";
import { foldLatin } from "../extract/latin.js";
import { CYRILLIC_LETTER } from "../extract/russian.js";

// Long vowels and glides (ا و ي ى), ع, ء and ة carry no consonant a Latin spelling keeps.
const ARABIC: Readonly<Record<string, string>> = {
  ب: "b",
  پ: "b",
  ت: "t",
  ط: "t",
  ث: "s",
  ج: "j",
  چ: "S",
  ح: "h",
  خ: "k",
  د: "d",
  ذ: "z",
  ض: "d",
  ر: "r",
  ز: "z",
  ظ: "z",
  ژ: "j",
  س: "s",
  ص: "s",
  ش: "S",
  غ: "k",
  ف: "f",
  ق: "k",
  ك: "k",
  گ: "k",
  ل: "l",
  م: "m",
  ن: "n",
  ه: "h",
};

// Vowels, й, ь and ъ dropped; ц, ч, ш, щ as a Latin spelling of the same name writes them.
const CYRILLIC: Readonly<Record<string, string>> = {
  б: "b",
  в: "f",
  г: "k",
  д: "d",
  ж: "j",
  з: "z",
  к: "k",
  л: "l",
  м: "m",
  н: "n",
  п: "b",
  р: "r",
  с: "s",
  т: "t",
  ф: "f",
  х: "h",
  ц: "s",
  ч: "S",
  ш: "S",
  щ: "S",
};

// Latin digraphs first (sh, kh, ph…), then single letters; vowels, w and y dropped.
const LATIN_DIGRAPHS: readonly [RegExp, string][] = [
  [/sch|sh|ch/g, "S"],
  [/zh/g, "j"],
  [/kh|gh|ck/g, "k"],
  [/ph/g, "f"],
  [/th/g, "t"],
  [/ts|tz/g, "s"],
  [/g(?=[eiy])/g, "j"],
  [/x/g, "ks"],
];
const LATIN: Readonly<Record<string, string>> = { p: "b", v: "f", c: "k", q: "k", g: "k" };
const LATIN_DROPPED = /[aeiouyw]/;

function latin(word: string): string {
  let s = foldLatin(word).replace(/[^a-z]/g, "");
  for (const [pattern, to] of LATIN_DIGRAPHS) s = s.replace(pattern, to);
  let out = "";
  for (const ch of s) if (!LATIN_DROPPED.test(ch)) out += LATIN[ch] ?? ch;
  return out;
}

function mapped(word: string, table: Readonly<Record<string, string>>): string {
  let out = "";
  for (const ch of word) out += table[ch] ?? "";
  return out;
}

/** A doubled letter is one sound: "Moualem" and «المعلم», "Ivanov" and «Иванов». */
const single = (skeleton: string) => skeleton.replace(/(.)\1+/g, "$1");

/** The skeletons of one word (Arabic-script words have one per reading of their clitics). */
export function skeletons(word: string): string[] {
  if (ARABIC_LETTER.test(word))
    return arabicVariants(foldArabic(word)).map((v) => single(mapped(v, ARABIC)));
  if (CYRILLIC_LETTER.test(word)) return [single(mapped(word.toLowerCase(), CYRILLIC))];
  return [single(latin(word))];
}
