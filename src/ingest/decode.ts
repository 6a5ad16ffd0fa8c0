import iconv from "iconv-lite";
import { FetchError } from "./fetch-errors.js";

export interface Decoded {
  text: string;
  /** The charset used, lower case, as iconv-lite names it. */
  encoding: string;
  /** Where the charset came from. */
  source: "bom" | "header" | "prolog" | "meta" | "utf-8" | "detected";
  /** Byte sequences not valid in the charset declared, each read as U+FFFD. */
  replaced: number;
}

const BOMS: [Buffer, string][] = [
  [Buffer.from([0xef, 0xbb, 0xbf]), "utf-8"],
  [Buffer.from([0xff, 0xfe]), "utf-16le"],
  [Buffer.from([0xfe, 0xff]), "utf-16be"],
];

// Servers send these when nobody configured a charset; a document's own declaration knows better.
const GENERIC_HEADER_CHARSETS = new Set(["iso-8859-1", "latin1", "us-ascii", "ascii"]);

/**
 * Turns a document's bytes into text: BOM, then the HTTP header (unless it is a server default
 * the bytes contradict), then the XML prolog or HTML meta tag, then UTF-8 if the bytes are valid
 * UTF-8, and only then a guess from byte statistics. Valid UTF-8 with multi-byte sequences wins
 * over a Western single-byte declaration (a stale template's); a document declared UTF-8 is read
 * as UTF-8 even with a bad byte, which becomes U+FFFD and is counted.
 */
export function decodeDocument(bytes: Buffer, contentType: string | null = null): Decoded {
  for (const [bom, encoding] of BOMS) {
    if (bytes.subarray(0, bom.length).equals(bom)) {
      const text = iconv.decode(bytes.subarray(bom.length), encoding);
      return { text, encoding, source: "bom", replaced: 0 };
    }
  }
  const header = usable(charsetOf(contentType));
  const declared = declaredCharset(bytes);
  const utf8 = isValidUtf8(bytes);
  const westernClaim = WESTERN.has(header ?? "") || WESTERN.has(declared?.encoding ?? "");
  if (utf8 && westernClaim && hasHighBytes(bytes)) return decodeWith(bytes, "utf-8", "utf-8");
  if (header && !(GENERIC_HEADER_CHARSETS.has(header) && declared)) {
    if (header !== "utf-8" || utf8) return decodeWith(bytes, header, "header");
    if (!declared || declared.encoding === "utf-8") return lossyUtf8(bytes, "header");
  }
  if (declared?.encoding === "utf-8")
    return utf8 ? decodeWith(bytes, "utf-8", declared.source) : lossyUtf8(bytes, declared.source);
  if (declared) return decodeWith(bytes, declared.encoding, declared.source);
  if (utf8) return decodeWith(bytes, "utf-8", "utf-8");
  return decodeWith(bytes, detectLegacyCharset(bytes), "detected");
}

// Charsets a template declares by default; real UTF-8 bytes under them are the commoner truth.
const WESTERN = new Set([
  "iso-8859-1",
  "latin1",
  "windows-1252",
  "cp1252",
  "iso-8859-15",
  "us-ascii",
  "ascii",
]);

const hasHighBytes = (bytes: Buffer) => bytes.some((b) => b >= 0x80);

/**
 * UTF-8 as declared, each invalid sequence U+FFFD, and how many there were. A few bad sequences
 * are damage; when they are many among the high bytes, the document is another charset under a
 * wrong label, and is read by detection instead.
 */
function lossyUtf8(bytes: Buffer, source: Decoded["source"]): Decoded {
  const text = new TextDecoder("utf-8").decode(bytes);
  const before = (bytes.toString("latin1").match(/\xef\xbf\xbd/g) ?? []).length;
  const replaced = (text.match(/\uFFFD/g)?.length ?? 0) - before;
  const high = bytes.reduce((n, b) => n + (b >= 0x80 ? 1 : 0), 0);
  if (replaced * 10 > high) return decodeWith(bytes, detectLegacyCharset(bytes), "detected");
  return { text, encoding: "utf-8", source, replaced };
}

function decodeWith(bytes: Buffer, encoding: string, source: Decoded["source"]): Decoded {
  try {
    return { text: iconv.decode(bytes, encoding), encoding, source, replaced: 0 };
  } catch (error) {
    throw new FetchError("decode", `cannot decode as ${encoding}`, null, { cause: error });
  }
}

function charsetOf(contentType: string | null): string | undefined {
  return /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? "")?.[1];
}

/** A charset name iconv-lite knows, normalised; undefined for unknown or absent names. */
function usable(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const lower = name.toLowerCase();
  const normalised = lower === "utf8" ? "utf-8" : lower;
  return iconv.encodingExists(normalised) ? normalised : undefined;
}

function declaredCharset(
  bytes: Buffer,
): { encoding: string; source: "prolog" | "meta" } | undefined {
  // Declarations are ASCII, so reading the head as latin1 cannot garble them.
  const head = bytes.subarray(0, 2048).toString("latin1");
  const prolog = usable(/^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1]);
  if (prolog) return { encoding: prolog, source: "prolog" };
  const meta = usable(/<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1]);
  return meta ? { encoding: meta, source: "meta" } : undefined;
}

export function isValidUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

const CANDIDATES = ["windows-1251", "koi8-r", "windows-1252", "windows-1256"] as const;
const RUSSIAN_COMMON = "оеаинтсрвлкмдпуяызьбгчйхжшюцщэфъё";
const ARABIC_COMMON = "الينمورهتبعدسفكقحجشطصخزذثضغظءئأإؤةىآ";
// The accented letters Western European text actually uses; the rest of Latin-1 is rare.
const LATIN_COMMON = "éèàçêâîôûùëïüœæäöñóíáúß";

/**
 * Guesses the charset of undeclared, non-UTF-8 bytes by what their high bytes decode to: the
 * right charset gives letters of one script, and in Cyrillic mostly lower-case common ones.
 */
export function detectLegacyCharset(bytes: Buffer): string {
  const high = Buffer.from(bytes.filter((b) => b >= 0x80).subarray(0, 20_000));
  let best: string = CANDIDATES[0];
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const encoding of CANDIDATES) {
    const score = scoreText(iconv.decode(high, encoding));
    if (score > bestScore) {
      best = encoding;
      bestScore = score;
    }
  }
  return best;
}

function scoreText(text: string): number {
  const scripts = { cyrillic: 0, arabic: 0, latin: 0 };
  let other = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0x400 && code <= 0x4ff) {
      // Right-decoded Russian is mostly common lower-case letters; KOI8-R read as 1251 is not.
      const rank = RUSSIAN_COMMON.indexOf(ch);
      scripts.cyrillic += rank < 0 ? 0.2 : 1 - rank / (RUSSIAN_COMMON.length * 1.2);
    } else if (code >= 0x600 && code <= 0x6ff) {
      const rank = ARABIC_COMMON.indexOf(ch);
      scripts.arabic += rank < 0 ? 0.2 : 1 - rank / (ARABIC_COMMON.length * 1.2);
    } else if (LATIN_COMMON.includes(ch)) scripts.latin += 1;
    else if (/\p{L}/u.test(ch)) scripts.latin += 0.1;
    else other += 1;
  }
  const values = Object.values(scripts).sort((a, b) => b - a);
  return (values[0] ?? 0) - (values[1] ?? 0) - (values[2] ?? 0) - other;
}
