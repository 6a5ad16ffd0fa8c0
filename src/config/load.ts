import { type Document, isMap, isNode, LineCounter, parseDocument, visit } from "yaml";
import type { z } from "zod";
import { FileReadError, readCapped } from "../lib/read-capped.js";
import { type Env, expandEnv, MissingVariableError } from "./env.js";
import { type Config, configSchema } from "./schema.js";
import { keysAt } from "./schema-keys.js";
import { closest } from "./suggest.js";

/** A config that cannot be used; `problems` are one line each, ready for the operator. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(problems.map((problem) => `${file}:${problem}`).join("\n"));
    this.name = "ConfigError";
  }
}

// A config of a thousand feeds is about 150 kB; anything past this is a mistake or an attack.
const MAX_CONFIG_BYTES = 1024 * 1024;

export async function loadConfig(file: string, env: Env): Promise<Config> {
  let text: string;
  try {
    text = (await readCapped(file, MAX_CONFIG_BYTES)).toString("utf8");
  } catch (error) {
    if (!(error instanceof FileReadError)) throw error;
    throw new ConfigError(file, [` cannot read the config: ${error.reason}`]);
  }
  return parseConfig(text, file, env);
}

export function parseConfig(text: string, file: string, env: Env): Config {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) {
    throw new ConfigError(
      file,
      doc.errors.map(
        (e) => `${lines.linePos(e.pos[0]).line}: not valid YAML: ${firstLine(e.message)}`,
      ),
    );
  }
  if (doc.contents === null)
    throw new ConfigError(file, ["1: the config is empty: it needs at least a list of feeds"]);
  const missing = expandScalars(doc, env, lines);
  if (missing.length > 0) throw new ConfigError(file, missing);
  const raw = withEnvironmentDefaults(toPlain(doc, lines, file), env);
  const result = configSchema.safeParse(raw);
  if (result.success) return result.data;
  throw new ConfigError(
    file,
    result.error.issues.map((issue) => describeIssue(issue, doc, lines)),
  );
}

/**
 * The document as plain data. Aliases are refused past the yaml library's count (a "billion
 * laughs" document expands each a thousandfold), and said so with the line of the first.
 */
function toPlain(doc: Document, lines: LineCounter, file: string): unknown {
  try {
    return doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    let line = 1;
    visit(doc, {
      Alias(_key, node) {
        line = lines.linePos(node.range?.[0] ?? 0).line;
        return visit.BREAK;
      },
    });
    throw new ConfigError(file, [
      `${line}: too many aliases (*name) expanded: a config never needs so many`,
    ]);
  }
}

/** ${VAR} is replaced in values only, so a comment that mentions one needs no variable. */
function expandScalars(doc: Document, env: Env, lines: LineCounter): string[] {
  const problems: string[] = [];
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value !== "string" || !node.value.includes("${")) return;
      try {
        node.value = expandEnv(node.value, env);
      } catch (error) {
        if (!(error instanceof MissingVariableError)) throw error;
        problems.push(`${lines.linePos(node.range?.[0] ?? 0).line}: ${error.message}`);
      }
    },
  });
  return problems;
}

/** DATABASE_URL and REDIS_URL apply when the file does not name a store or queue itself. */
function withEnvironmentDefaults(raw: unknown, env: Env): unknown {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return raw;
  const config = raw as Record<string, unknown>;
  const section = (name: string, key: string, value: string | undefined) => {
    if (!value) return;
    const current = config[name] ?? {};
    if (typeof current !== "object" || current === null) return;
    const record = current as Record<string, unknown>;
    if (record[key] === undefined) config[name] = { ...record, [key]: value };
  };
  section("store", "url", env.DATABASE_URL);
  section("queue", "redisUrl", env.REDIS_URL);
  return config;
}

function describeIssue(issue: z.core.$ZodIssue, doc: Document, lines: LineCounter): string {
  const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
  if (issue.code === "unrecognized_keys") {
    return issue.keys
      .map((key) => {
        const hint = closest(key, keysAt(configSchema, path));
        const at = lineOf(doc, lines, [...path, key], true);
        const where = formatPath([...path, key]);
        return `${at}: ${where}: unknown field${hint ? ` (did you mean "${hint}"?)` : ""}`;
      })
      .join("\n");
  }
  const missing = issue.code === "invalid_type" && issue.message.includes("received undefined");
  const message = missing ? "is required" : issue.message;
  return `${lineOf(doc, lines, path, false)}: ${formatPath(path) || "(top level)"}: ${message}`;
}

/** Writes a document path the way an operator reads it: feeds[3].url. */
export function formatPath(path: readonly (string | number)[]): string {
  return path
    .map((part, i) => (typeof part === "number" ? `[${part}]` : i === 0 ? part : `.${part}`))
    .join("");
}

function lineOf(
  doc: Document,
  lines: LineCounter,
  path: (string | number)[],
  isKey: boolean,
): number {
  for (let depth = path.length; depth >= 0; depth--) {
    const prefix = path.slice(0, depth);
    if (isKey && depth === path.length) {
      const parent = prefix.length > 1 ? doc.getIn(prefix.slice(0, -1), true) : doc.contents;
      if (isMap(parent)) {
        const pair = parent.items.find(
          (item) => isNode(item.key) && (item.key as { value?: unknown }).value === prefix.at(-1),
        );
        const range = isNode(pair?.key) ? pair.key.range : undefined;
        if (range) return lines.linePos(range[0]).line;
      }
      continue;
    }
    const node = depth === 0 ? doc.contents : doc.getIn(prefix, true);
    if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
  }
  return 1;
}

const firstLine = (message: string) => message.split("\n")[0] ?? message;
