/**
 * Russian case forms of a place name, made from the name rather than guessed back from the
 * text: «Кито» stays «Кито», so «Китая» (China's) can never reach it, while «Ирак» gives
 * «Ирака», «Ираку», «Ираком», «Ираке». The six cases come in a fixed order (nominative,
 * genitive, dative, accusative, instrumental, prepositional), so the words of a name can be
 * put in the same case together.
 */

export const CYRILLIC_LETTER = /[\u0400-\u052f]/;

type Endings = readonly [string, string, string, string, string, string];

const HUSHING = /[жшчщц]$/;
const VELAR_OR_HUSHING = /[гкхжшчщ]$/;

export const russianLower = (word: string) => word.toLowerCase().replace(/ё/g, "е");

/**
 * The six case forms of one word (the same word six times when it does not decline). A noun in
 * -ь may be of either gender; `feminine` says it is, as a feminine adjective before it shows
 * («Курская область»: «Курской области»).
 */
export function russianCases(word: string, feminine = false): string[] {
  const w = russianLower(word);
  if (w.length < 3 || !/[а-я]$/.test(w)) return Array(6).fill(w);
  if (feminine && w.endsWith("ь"))
    return ["ь", "и", "и", "ь", "ью", "и"].map((e) => w.slice(0, -1) + e);
  const [stem, endings] = paradigm(w);
  return endings.map((e) => stem + e);
}

/** Forms outside the fixed six: a soft-sign noun of either gender, a vowel that drops. */
export function russianExtraForms(word: string): string[] {
  const w = russianLower(word);
  const extra: string[] = [];
  if (w.endsWith("ь") && w.length >= 4) {
    const stem = w.slice(0, -1);
    extra.push(`${stem}и`, `${stem}ью`);
  }
  // Египет → Египта: the vowel of the last syllable drops before an ending.
  const fleeting = /^(.{2,}[бвгдзклмнпрстфх])(?:е|о)([тклнцр])$/.exec(w);
  if (fleeting) {
    const stem = `${fleeting[1]}${fleeting[2]}`;
    extra.push(`${stem}а`, `${stem}у`, `${stem}ом`, `${stem}е`);
  }
  return extra;
}

function paradigm(w: string): [string, Endings] {
  const cut = (n: number) => w.slice(0, -n);
  if (/(?:ск|цк|к|г|х)ий$/.test(w)) return [cut(2), ["ий", "ого", "ому", "ий", "им", "ом"]];
  if (w.endsWith("ий")) return [cut(2), ["ий", "его", "ему", "ий", "им", "ем"]];
  if (w.endsWith("ый")) return [cut(2), ["ый", "ого", "ому", "ый", "ым", "ом"]];
  if (w.endsWith("ой")) return [cut(2), ["ой", "ого", "ому", "ой", "ым", "ом"]];
  if (w.endsWith("ая")) return [cut(2), ["ая", "ой", "ой", "ую", "ой", "ой"]];
  if (w.endsWith("яя")) return [cut(2), ["яя", "ей", "ей", "юю", "ей", "ей"]];
  if (w.endsWith("ое")) return [cut(2), ["ое", "ого", "ому", "ое", "ым", "ом"]];
  if (w.endsWith("ые")) return [cut(2), ["ые", "ых", "ым", "ые", "ыми", "ых"]];
  if (w.endsWith("ия")) return [cut(1), ["я", "и", "и", "ю", "ей", "и"]];
  if (w.endsWith("я")) return [cut(1), ["я", "и", "е", "ю", "ей", "е"]];
  if (w.endsWith("а")) {
    const stem = cut(1);
    const genitive = VELAR_OR_HUSHING.test(stem) ? "и" : "ы";
    const instrumental = HUSHING.test(stem) ? "ей" : "ой";
    return [stem, ["а", genitive, "е", "у", instrumental, "е"]];
  }
  if (w.endsWith("й")) return [cut(1), ["й", "я", "ю", "й", "ем", "е"]];
  if (w.endsWith("ь")) return [cut(1), ["ь", "я", "ю", "ь", "ем", "е"]];
  // Neuter nouns in -ье (Подмосковье, Запорожье); a borrowed name so spelt (Монпелье) gains
  // forms no text writes.
  if (w.endsWith("ье") && w.length >= 6) return [cut(2), ["ье", "ья", "ью", "ье", "ьем", "ье"]];
  if (w.endsWith("ы")) return [cut(1), ["ы", "ов", "ам", "ы", "ами", "ах"]];
  // Borrowed names in a vowel (Кито, Чили, Перу, Баку) do not decline.
  if (/[оеиуюэ]$/.test(w)) return [w, ["", "", "", "", "", ""]];
  const instrumental = HUSHING.test(w) ? "ем" : "ом";
  return [w, ["", "а", "у", "", instrumental, "е"]];
}
