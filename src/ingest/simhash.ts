/**
 * 64-bit SimHash over word pairs of normalised text: the same wire story lightly reworded by
 * another outlet lands within a few bits of the original.
 */

const MASK32 = 0xffffffff;

function fnv1a(text: string, seed: number): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash & MASK32;
}

export function normaliseForHash(text: string): string[] {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u064b-\u065f\u0640]/g, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1);
}

/** Too few words and any two texts look alike: such texts get no SimHash. */
export const MIN_WORDS = 8;

export function simhash(words: readonly string[]): bigint | null {
  if (words.length < MIN_WORDS) return null;
  const weights = new Int32Array(64);
  for (let i = 0; i < words.length; i++) {
    const feature = i + 1 < words.length ? `${words[i]} ${words[i + 1]}` : (words[i] as string);
    const low = fnv1a(feature, 0);
    const high = fnv1a(feature, 0x9e3779b9);
    for (let bit = 0; bit < 32; bit++) {
      weights[bit] = (weights[bit] ?? 0) + ((low >>> bit) & 1 ? 1 : -1);
      weights[bit + 32] = (weights[bit + 32] ?? 0) + ((high >>> bit) & 1 ? 1 : -1);
    }
  }
  let value = 0n;
  for (let bit = 63; bit >= 0; bit--) value = (value << 1n) | ((weights[bit] ?? 0) > 0 ? 1n : 0n);
  return BigInt.asIntN(64, value);
}

/** The four 16-bit bands, each a small non-negative integer. */
export function bands(hash: bigint): [number, number, number, number] {
  const unsigned = BigInt.asUintN(64, hash);
  const band = (i: number) => Number((unsigned >> BigInt(16 * i)) & 0xffffn);
  return [band(0), band(1), band(2), band(3)];
}

export function hamming(a: bigint, b: bigint): number {
  let x = BigInt.asUintN(64, a ^ b);
  let count = 0;
  while (x) {
    x &= x - 1n;
    count++;
  }
  return count;
}

/** Bits two texts may differ by and still be one story. */
export const NEAR = 3;
