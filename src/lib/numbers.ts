const EASTERN_DIGITS = /[\u0660-\u0669\u06f0-\u06f9]/g;
const digitOf = (ch: string) => String((ch.codePointAt(0) ?? 0) & 0xf);

/**
 * Numbers of two digits or more (or of `least` digits) in a text, Arabic-Indic and Persian digits
 * read as 0–9, thousands joined: what survives translation into any language.
 */
export function numbersIn(text: string, least = 2): string[] {
  const western = text
    .replace(EASTERN_DIGITS, digitOf)
    .replace(/(\d)[,.\u066c\u00a0\u202f ](?=\d{3}(?!\d))/g, "$1");
  const found = new Set<string>();
  for (const match of western.matchAll(least === 1 ? /\d+/g : /\d{2,}/g))
    found.add(match[0].replace(/^0+(?=\d)/, ""));
  return [...found];
}
