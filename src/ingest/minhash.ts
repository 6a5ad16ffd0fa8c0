/**
 * MinHash signatures of normalised text, for near-duplicates: the same wire story re-published
 * with a word or two changed keeps most of its word pairs, so most of its 32 minimum hashes;
 * two stories cut from one template ("Officials in X discussed Y") share only the template's. Signatures are split into 8 bands of 4; two texts sharing a band are candidates, and
 * the share of equal minimums estimates how alike they are.
 */

const HASHES = 32;
const ROWS = 4;
/** Fewer words than this and any two texts look alike: such texts get no signature. */
export const MIN_WORDS = 8;
/** Estimated Jaccard similarity from which an article is the same story as another. */
export const SAME_STORY = 0.6;

const SEEDS = Array.from({ length: HASHES }, (_, i) => Math.imul(i + 1, 0x9e3779b1) >>> 0);

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** A 32-bit mix (murmur3's finaliser) so each seed gives an independent-looking permutation. */
function mix(value: number, seed: number): number {
  let h = (value ^ seed) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

export function normaliseForHash(text: string): string[] {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u064b-\u065f\u0640]/g, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

export function signature(words: readonly string[]): number[] | null {
  if (words.length < MIN_WORDS) return null;
  const mins = new Array<number>(HASHES).fill(0xffffffff);
  for (let i = 0; i + 1 < words.length; i++) {
    const base = fnv1a(`${words[i]} ${words[i + 1]}`);
    for (let k = 0; k < HASHES; k++) {
      const h = mix(base, SEEDS[k] as number);
      if (h < (mins[k] as number)) mins[k] = h;
    }
  }
  return mins;
}

/** One key per band of the signature; equal keys mean equal bands. */
export function bandKeys(sig: readonly number[]): number[] {
  const keys: number[] = [];
  for (let band = 0; band * ROWS < sig.length; band++) {
    const rows = sig.slice(band * ROWS, band * ROWS + ROWS).join(",");
    // Signed 32-bit, to fit a PostgreSQL integer.
    keys.push(fnv1a(`${band}:${rows}`) | 0);
  }
  return keys;
}

export function similarity(a: readonly number[], b: readonly number[]): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}
