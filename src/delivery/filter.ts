import type { ChannelFilter } from "../config/index.js";
import { categoryFigures, type DigestDocument } from "../digest/document.js";

/** What a filter looks at in a story. */
export interface FilteredStory {
  entities: readonly { id: string }[];
  categories: readonly { id: string }[];
  languages: readonly string[];
}

/**
 * Whether a story is for a channel: each list the filter gives must match, by any of its
 * entries (watchlist ids are the items' config ids). No filter: every story.
 */
export function storyMatches(story: FilteredStory, filter: ChannelFilter | undefined): boolean {
  if (!filter) return true;
  const { watchlist, categories, languages } = filter;
  if (watchlist && !story.entities.some((e) => watchlist.some((id) => e.id === `watch:${id}`)))
    return false;
  if (categories && !story.categories.some((c) => categories.includes(c.id))) return false;
  if (languages && !story.languages.some((l) => languages.includes(l))) return false;
  return true;
}

/** The digest with only the stories for a channel, its story counts and index to match. */
export function digestFor(doc: DigestDocument, filter: ChannelFilter | undefined): DigestDocument {
  if (!filter) return doc;
  const stories = doc.stories.filter((s) => storyMatches(s, filter));
  const kept = new Set(stories.map((s) => s.id));
  return {
    ...doc,
    figures: {
      ...doc.figures,
      stories: stories.length,
      watchedStories: stories.filter((s) => s.watched).length,
      categories: categoryFigures(stories, doc.figures.categories),
    },
    stories,
    countries: doc.countries
      .map((c) => ({ ...c, storyIds: c.storyIds.filter((id) => kept.has(id)) }))
      .filter((c) => c.storyIds.length > 0),
  };
}
