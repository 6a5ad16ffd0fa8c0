import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { Config } from "../config/index.js";
import type { Sql } from "../store/database.js";
import { dayFigures, saveDigest, sourcesOf, storiesSeenBetween } from "../store/digests.js";
import { countryEntities } from "../store/entities.js";
import { dayWindow } from "./day.js";
import { buildDocument, type DigestDocument } from "./document.js";
import { renderHtml } from "./html.js";
import { renderMarkdown } from "./markdown.js";

export type DigestFormat = "md" | "html" | "json";

const RENDER: Record<DigestFormat, (doc: DigestDocument) => string> = {
  md: renderMarkdown,
  html: renderHtml,
  json: (doc) => `${JSON.stringify(doc, null, 2)}\n`,
};

export interface BuiltDigest {
  day: string;
  document: DigestDocument;
  /** Each format written, with its path. */
  files: { format: DigestFormat; path: string; content: string }[];
  articleCount: number;
  storyCount: number;
  /** The first format's path. */
  path: string;
}

export interface DigestOptions {
  /** The config's `digest.formats` when not given. */
  formats?: readonly DigestFormat[];
  /** A file for the one format asked for, instead of `<outDir>/<day>.<format>`. */
  out?: string;
  now?: Date;
}

/**
 * The digest of one day (stories with an article first seen that day in the configured zone),
 * rendered in each format, recorded in the store, and written to files.
 */
export async function buildDigest(
  db: Sql,
  config: Config,
  day: string,
  options: DigestOptions = {},
): Promise<BuiltDigest> {
  const { start, end } = dayWindow(day, config.timezone);
  const stories = await storiesSeenBetween(db, start, end);
  const document = buildDocument({
    day,
    timeZone: config.timezone,
    now: options.now ?? new Date(),
    translationConfigured: config.translate.provider !== "none",
    categories: new Map(config.categories.map((c) => [c.id, c.name ?? c.id])),
    feedIds: new Set(config.feeds.map((f) => f.id)),
    stories,
    sources: await sourcesOf(
      db,
      stories.map((s) => s.id),
      end,
    ),
    figures: await dayFigures(db, day, start, end),
    countryNames: new Map((await countryEntities(db)).map((e) => [e.country ?? "", e.name])),
    end,
  });
  const formats = options.formats ?? config.digest.formats;
  const files: BuiltDigest["files"] = [];
  for (const format of formats) {
    const content = RENDER[format](document);
    const path =
      (formats.length === 1 && options.out) || join(config.digest.outDir, `${day}.${format}`);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content);
    await saveDigest(db, day, format, document.figures.articles, content);
    files.push({ format, path, content });
  }
  return {
    day,
    document,
    files,
    articleCount: document.figures.articles,
    storyCount: document.stories.length,
    path: files[0]?.path ?? "",
  };
}
