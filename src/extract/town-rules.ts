import { foldLatin } from "./latin.js";
import {
  fold,
  frenchWord,
  LATIN_GIVEN,
  LATIN_ORG_HEADS,
  LATIN_TITLES,
  NOT_NAMES,
} from "./name-cues.js";
import type { RuleSpan, Scan } from "./name-rules.js";
import type { Token } from "./normalize.js";

/**
 * Capitalised words French writes after «à» that name no town: feasts, God and Christ, forms of
 * address, the clergy's («à Mgr Besson») and possessives («à Leurs Majestés»); titles and given
 * names are checked apart.
 */
const NOT_TOWNS = new Set(
  `noel paques pentecote toussaint ascension dieu jesus christ monsieur madame mademoiselle
  messieurs mesdames maitre mgr monseigneur abbe pere frere soeur son ses leurs votre vos notre
  nos`.split(/\s+/),
);

/** Verbs after which «à» names whom one speaks or writes to, or succeeds: a person or a paper. */
const TO_WHOM = new Set(
  `dit declare confie explique indique affirme annonce raconte repondu ecrit demande parle
  telephone succeder succede succedera rendu hommage`.split(/\s+/),
);

const MOST_TOKENS = 4;

/**
 * «à Interlaken», «à Tourtemagne»: French names a town after «à» (a country takes «en» or «au»,
 * a person «à M.» or a given name), so a capitalised word there that no list holds, that is not
 * a common word, a title, a given name or an acronym, is a town the gazetteer lacks. Its name
 * runs on through hyphens («à La Chaux-de-Fonds») and capitalised words.
 */
export function frenchTownAt(scan: Scan, i: number): RuleSpan | undefined {
  if (scan.language !== "fr" || !afterA(scan, i) || !townWord(scan.tokens[i], scan.taken[i]))
    return undefined;
  let last = i;
  for (let j = i + 1; j < scan.tokens.length && j - i < MOST_TOKENS; j++) {
    const between = scan.text.slice(scan.tokens[j - 1]?.end ?? 0, scan.tokens[j]?.start ?? 0);
    const hyphen = /^\s?-\s?$/.test(between);
    if (
      scan.taken[j] ||
      !(hyphen || (between === " " && /^\p{Lu}/u.test(scan.tokens[j]?.text ?? "")))
    )
      break;
    last = j;
  }
  return { type: "place", first: i, last };
}

function afterA(scan: Scan, i: number): boolean {
  const before = scan.tokens[i - 1];
  const verb = scan.tokens[i - 2];
  return (
    before !== undefined &&
    /^[àÀ]$/.test(before.text) &&
    scan.text.slice(before.end, scan.tokens[i]?.start) === " " &&
    !(verb && TO_WHOM.has(foldLatin(verb.text)))
  );
}

function townWord(t: Token | undefined, taken: boolean | undefined): boolean {
  if (!t || taken || !/^\p{Lu}\p{Ll}{2,}$/u.test(t.text)) return false;
  const word = fold(t.text);
  const bare = foldLatin(t.text);
  return (
    !NOT_TOWNS.has(bare) &&
    !LATIN_TITLES.has(word) &&
    !LATIN_GIVEN.has(word) &&
    !NOT_NAMES.has(word) &&
    !LATIN_ORG_HEADS.has(word) &&
    !frenchWord(t.text)
  );
}
