import type { Entity } from "../store/entities.js";
import type { GazetteerEntry } from "./gazetteer.js";
import { nameKey, type Token, textKeys, tokenize } from "./normalize.js";

export interface Match {
  entity: Entity;
  start: number;
  end: number;
  surface: string;
  confidence: number;
}

interface Target {
  entry: GazetteerEntry;
  /** Latin and Cyrillic names must meet a capitalised word; acronyms an upper-case one. */
  casing: "any" | "capital" | "upper";
}

interface Node {
  next: Map<string, Node>;
  target?: Target;
}

/** A trie over the normalised tokens of every name; a match is the longest path from a token. */
export class Matcher {
  private readonly root: Node = { next: new Map() };
  readonly entities: Entity[];

  constructor(entries: readonly GazetteerEntry[]) {
    this.entities = entries.map((e) => e.entity);
    for (const entry of entries) {
      for (const name of entry.names) this.add(name, entry);
    }
  }

  private add(name: string, entry: GazetteerEntry): void {
    const tokens = tokenize(name);
    if (tokens.length === 0) return;
    let node = this.root;
    for (const token of tokens) {
      const key = nameKey(token.text);
      let child = node.next.get(key);
      if (!child) {
        child = { next: new Map() };
        node.next.set(key, child);
      }
      node = child;
    }
    if (!node.target || node.target.entry.weight < entry.weight) {
      node.target = { entry, casing: casingOf(name) };
    }
  }

  /** Non-overlapping matches, longest first from left to right. */
  match(text: string): Match[] {
    const tokens = tokenize(text);
    // Each token's keys once: a multi-word walk from every start would otherwise redo them.
    const keys = tokens.map((t) => textKeys(t.text));
    const matches: Match[] = [];
    for (let i = 0; i < tokens.length; ) {
      const found = this.longestAt(tokens, keys, i);
      if (!found) {
        i++;
        continue;
      }
      const first = tokens[i] as Token;
      const last = tokens[found.endToken] as Token;
      // «l'Irak»: the mention is «Irak», the article is not part of the name.
      const start = first.start + (ELISION.exec(first.text)?.[0].length ?? 0);
      matches.push({
        entity: found.target.entry.entity,
        start,
        end: last.end,
        surface: text.slice(start, last.end),
        confidence: found.exact ? 0.9 : 0.75,
      });
      i = found.endToken + 1;
    }
    return matches;
  }

  private longestAt(tokens: Token[], tokenKeys: string[][], start: number) {
    let best: { target: Target; endToken: number; exact: boolean } | undefined;
    const walk = (node: Node, index: number, exact: boolean) => {
      const keys = tokenKeys[index];
      if (!keys) return;
      keys.forEach((key, k) => {
        const child = node.next.get(key);
        if (!child) return;
        const isExact = exact && k === 0;
        if (child.target && fits(child.target, tokens, start, index)) {
          if (!best || index > best.endToken)
            best = { target: child.target, endToken: index, exact: isExact };
        }
        walk(child, index + 1, isExact);
      });
    };
    walk(this.root, start, true);
    return best;
  }
}

const ELISION = /^(l|d|j|m|n|s|t|c|qu)['’]/i;

function casingOf(name: string): Target["casing"] {
  const letters = name.replace(/[^\p{L}]/gu, "");
  if (!/[\p{Lu}\p{Ll}]/u.test(letters)) return "any";
  if (letters.length <= 5 && letters === letters.toUpperCase()) return "upper";
  return /^\p{Lu}/u.test(letters) ? "capital" : "any";
}

function fits(target: Target, tokens: Token[], start: number, end: number): boolean {
  if (target.casing === "any") return true;
  const first = tokens[start]?.text ?? "";
  const bare = first.replace(ELISION, "");
  if (target.casing === "capital") return /^\p{Lu}/u.test(bare);
  return tokens.slice(start, end + 1).every((t) => t.text === t.text.toUpperCase());
}
