import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { Config } from "../config/index.js";
import type { Sql } from "../store/database.js";
import { articlesSeenBetween, saveDigest } from "../store/digests.js";
import { countryEntities } from "../store/entities.js";
import { dayWindow } from "./day.js";
import { groupArticles } from "./group.js";
import { renderMarkdown } from "./markdown.js";

export interface BuiltDigest {
  day: string;
  format: "md";
  content: string;
  articleCount: number;
  path: string;
}

/**
 * The digest of one day (articles first seen that day in the configured zone), rendered,
 * recorded in the store, and written to a file.
 */
export async function buildDigest(
  db: Sql,
  config: Config,
  day: string,
  out?: string,
): Promise<BuiltDigest> {
  const { start, end } = dayWindow(day, config.timezone);
  const articles = await articlesSeenBetween(db, start, end);
  const countries = new Map(
    (await countryEntities(db)).map((e) => [e.country ?? "", { ...e, mentions: 0 }]),
  );
  const content = renderMarkdown(
    {
      day,
      timeZone: config.timezone,
      translationConfigured: config.translate.provider !== "none",
      articles,
      categories: new Map(config.categories.map((c) => [c.id, c.name ?? c.id])),
    },
    groupArticles(articles, countries),
  );
  const path = out ?? join(config.digest.outDir, `${day}.md`);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, content);
  await saveDigest(db, day, "md", articles.length, content);
  return { day, format: "md", content, articleCount: articles.length, path };
}
