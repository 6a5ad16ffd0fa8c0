const ELISIONS = /^(l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)['’]/i;

export function foldLatin(word: string): string {
  // Most names are plain ASCII: nothing to decompose.
  if (/^[\x20-\x7e]*$/.test(word)) return word.toLowerCase();
  return word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/’/g, "'");
}

/** A Latin-script token's keys: folded, without a French elision, without an English 's. */
export function latinVariants(word: string): string[] {
  const folded = foldLatin(word);
  const out = new Set<string>([folded]);
  const elided = folded.replace(ELISIONS, "");
  if (elided !== folded) out.add(elided);
  if (/'s$/.test(elided)) out.add(elided.slice(0, -2));
  return [...out];
}
