import { numbersIn } from "../lib/numbers.js";

const flat = (text: string) => text.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();

/**
 * Why an English title a model gave cannot be kept, or undefined when it can: the source sent
 * back as its own translation, or numbers the source gives missing from it (numbers survive
 * translation: a title without them is another article's, its ids swapped).
 */
export function suspicious(source: { title: string }, english: string): string | undefined {
  if (flat(english) === flat(source.title)) return "the model sent the original title back";
  const given = new Set(numbersIn(english));
  const lost = numbersIn(source.title).filter((n) => !given.has(n));
  if (lost.length > 0)
    return `the model's title lacks the source's numbers (${lost.join(", ")}): another article's?`;
  return undefined;
}
