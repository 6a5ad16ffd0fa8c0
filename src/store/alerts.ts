import type { Sql } from "./database.js";
import { asJson } from "./json.js";

export interface AlertMention {
  entityId: string;
  storyId: string;
}

/**
 * Among these articles, those in a story that name an entity to alert on (a watchlist item with
 * `alert: true`): each entity and story once.
 */
export async function alertMentions(
  db: Sql,
  articleIds: readonly string[],
): Promise<AlertMention[]> {
  if (articleIds.length === 0) return [];
  return db.query<AlertMention>(
    `select distinct m.entity_id as "entityId", s.story_id as "storyId"
     from mentions m
     join entities e on e.id = m.entity_id and e.alert
     join story_articles s on s.article_id = m.article_id
     where m.article_id in (select jsonb_array_elements_text($1::jsonb))
     order by 1, 2`,
    [asJson(articleIds)],
  );
}
