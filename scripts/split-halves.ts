/**
 * Splits each development set in two halves by document, so that rules are written from one half
 * and checked on the other (a rule stays only if it helps the half it was not written from).
 * Lines of one source keep their order in the sets, and a document's sentences follow one another,
 * so each source's lines are cut once, at their middle: half A the first part, half B the rest.
 * Only the one sentence at each cut can share a document with the other side. Run:
 *   npx tsx scripts/split-halves.ts --out /tmp/halves ../shared/corpus/ner.dev.jsonl ../shared/corpus/langid.dev.jsonl
 * then `wirewatch eval extract --data /tmp/halves/ner.dev.A.jsonl` and the same for B.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";

function halves(lines: string[]): [string[], string[]] {
  const groups = new Map<string, string[]>();
  for (const line of lines) {
    const row = JSON.parse(line) as { lang: string; source?: string; kind?: string };
    const key = `${row.lang}\t${row.source ?? ""}\t${row.kind ?? ""}`;
    groups.set(key, [...(groups.get(key) ?? []), line]);
  }
  const a: string[] = [];
  const b: string[] = [];
  for (const group of groups.values()) {
    const middle = Math.ceil(group.length / 2);
    a.push(...group.slice(0, middle));
    b.push(...group.slice(middle));
  }
  return [a, b];
}

const args = process.argv.slice(2);
const at = args.indexOf("--out");
const out = at >= 0 ? (args[at + 1] as string) : "halves";
const files = args.filter((_, i) => i !== at && i !== at + 1);
mkdirSync(out, { recursive: true });
for (const file of files) {
  const lines = readFileSync(file, "utf8").split("\n").filter(Boolean);
  const [a, b] = halves(lines);
  const stem = basename(file).replace(/\.jsonl$/, "");
  writeFileSync(join(out, `${stem}.A.jsonl`), `${a.join("\n")}\n`);
  writeFileSync(join(out, `${stem}.B.jsonl`), `${b.join("\n")}\n`);
  console.log(`${file}: A ${a.length}, B ${b.length}`);
}
