import { dayOf } from "../digest/day.js";
import { alertMentions } from "../store/alerts.js";
import { type NewDelivery, queueDeliveries } from "../store/deliveries.js";
import {
  type DigestSource,
  type DigestStoryRow,
  sourcesOf,
  storiesByIds,
} from "../store/digests.js";
import type { DeliveryContext } from "./context.js";
import { storyMatches } from "./filter.js";
import { type Alert, alertPayload } from "./messages.js";

// An alert is short: the first sources say where it comes from; the digest has the rest.
const ALERT_SOURCES = 5;

/**
 * Alerts for these articles, now in their stories: each watchlist item with `alert: true` they
 * name, once per item and story, to every channel with `alerts: true` whose filter lets the
 * story through. Returns the outbox rows queued now; a re-run queues nothing.
 */
export async function queueAlerts(
  articleIds: readonly string[],
  ctx: DeliveryContext,
): Promise<string[]> {
  const channels = ctx.config.delivery.channels.filter((c) => c.alerts);
  if (channels.length === 0) return [];
  const mentions = await alertMentions(ctx.db, articleIds);
  if (mentions.length === 0) return [];
  const storyIds = [...new Set(mentions.map((m) => m.storyId))];
  const stories = new Map((await storiesByIds(ctx.db, storyIds)).map((s) => [s.id, s]));
  const sources = await sourcesOf(ctx.db, storyIds, new Date("9999-01-01"));
  const rows: NewDelivery[] = [];
  for (const { entityId, storyId } of mentions) {
    const story = stories.get(storyId);
    const alert = story && alertOf(entityId, story, sources.get(storyId) ?? [], ctx);
    if (!story || !alert) continue;
    const filtered = {
      entities: story.entities,
      categories: story.categories.map((id) => ({ id })),
      languages: story.languages,
    };
    for (const channel of channels) {
      if (!storyMatches(filtered, channel.filter)) continue;
      rows.push({
        channelId: channel.id,
        key: `alert:${entityId}:${storyId}`,
        kind: "alert",
        payload: alertPayload(channel, alert),
      });
    }
  }
  return queueDeliveries(ctx.db, rows);
}

function alertOf(
  entityId: string,
  story: DigestStoryRow,
  sources: readonly DigestSource[],
  ctx: DeliveryContext,
): Alert | undefined {
  const entity = story.entities.find((e) => e.id === entityId);
  if (!entity) return undefined;
  const shown = sources.slice(0, ALERT_SOURCES);
  return {
    entity: { id: entity.id, name: entity.name, type: entity.type },
    story: {
      id: story.id,
      title: story.title,
      titleEn: story.titleEn,
      titleLanguage: story.titleLanguage,
      languages: story.languages,
    },
    sources: shown.map((s) => ({
      feedId: s.feedId,
      language: s.language,
      title: s.title,
      url: s.url,
      publishedAt: s.publishedAt ? new Date(s.publishedAt).toISOString() : null,
      firstSeen: new Date(s.firstSeen).toISOString(),
    })),
    link: shown[0]?.url ?? "",
    timeZone: ctx.config.timezone,
    day: dayOf(ctx.now(), ctx.config.timezone),
  };
}
