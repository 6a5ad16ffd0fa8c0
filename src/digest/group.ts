import type { DigestArticle, DigestEntity } from "../store/digests.js";

export interface DigestSection {
  entity: DigestEntity;
  articles: DigestArticle[];
}

export interface DigestGroups {
  watchlist: DigestSection[];
  places: DigestSection[];
  /** Articles that name nothing the gazetteer knows. */
  other: DigestArticle[];
}

/**
 * Watched entities first, then countries (a city counts for its country), each ranked by how
 * many articles name it; an article appears under every watched entity and country it names.
 */
export function groupArticles(
  articles: readonly DigestArticle[],
  countryNames: ReadonlyMap<string, DigestEntity>,
): DigestGroups {
  const watch = new Map<string, DigestSection>();
  const places = new Map<string, DigestSection>();
  const other: DigestArticle[] = [];
  const add = (map: Map<string, DigestSection>, entity: DigestEntity, article: DigestArticle) => {
    const section = map.get(entity.id) ?? { entity, articles: [] };
    if (!section.articles.includes(article)) section.articles.push(article);
    map.set(entity.id, section);
  };
  for (const article of articles) {
    if (article.entities.length === 0) other.push(article);
    for (const entity of article.entities) {
      if (entity.watched) add(watch, entity, article);
      const country = entity.country ? countryNames.get(entity.country) : undefined;
      if (entity.type === "place" && country) add(places, country, article);
    }
  }
  const ranked = (map: Map<string, DigestSection>) =>
    [...map.values()].sort(
      (a, b) => b.articles.length - a.articles.length || a.entity.name.localeCompare(b.entity.name),
    );
  return { watchlist: ranked(watch), places: ranked(places), other };
}
