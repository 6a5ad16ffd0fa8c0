import type { Entity, EntityType } from "../store/entities.js";
import type { Field, Mention } from "../store/mentions.js";
import type { Matcher } from "./matcher.js";
import { foldLatin } from "./normalize.js";

export interface LlmEntity {
  name: string;
  type: "LOC" | "ORG" | "PER";
  surface: string;
  country: string | null;
}

export interface ArticleText {
  title: string;
  summary: string;
  body: string | null;
}

const TYPES: Record<LlmEntity["type"], EntityType[]> = {
  LOC: ["place"],
  ORG: ["group", "org"],
  PER: ["person"],
};

/**
 * The model's entities as mentions: linked to a gazetteer entity when its English name or its
 * surface form is one the gazetteer knows (so "Daech", "داعش" and "ИГИЛ" are one entity), else to
 * an entity of its own; `entities` are all the mentions refer to, for the store. Offsets point at the surface form in the original text, or are -1 when
 * the model's surface form is not found there verbatim.
 */
export function llmMentions(
  article: ArticleText,
  entities: readonly LlmEntity[],
  matcher: Matcher,
): { mentions: Mention[]; entities: Entity[] } {
  const mentions: Mention[] = [];
  const referred = new Map<string, Entity>();
  for (const named of entities) {
    const entity = linked(named, matcher) ?? referred.get(ownId(named)) ?? ownEntity(named);
    referred.set(entity.id, entity);
    mentions.push({
      entityId: entity.id,
      ...locate(article, named.surface),
      surface: named.surface,
      confidence: 0.7,
    });
  }
  return { mentions: dedupe(mentions), entities: [...referred.values()] };
}

function linked(named: LlmEntity, matcher: Matcher): Entity | undefined {
  for (const text of [named.name, named.surface]) {
    const match = matcher
      .match(text)
      .find(
        (m) => TYPES[named.type].includes(m.entity.type) && m.end - m.start >= text.length * 0.6,
      );
    if (match) return match.entity;
  }
  return undefined;
}

const ownId = (named: LlmEntity) =>
  `llm:${named.type.toLowerCase()}:${foldLatin(named.name).replace(/[^\p{L}\p{N}]+/gu, "-")}`;

function ownEntity(named: LlmEntity): Entity {
  const type = TYPES[named.type][0] as EntityType;
  const country = named.country && /^[A-Z]{2}$/.test(named.country) ? named.country : null;
  return {
    id: ownId(named),
    type,
    name: named.name,
    country,
    latitude: null,
    longitude: null,
    watched: false,
    alert: false,
  };
}

function locate(
  article: ArticleText,
  surface: string,
): { field: Field; start: number; end: number } {
  for (const field of ["title", "summary", "body"] as const) {
    const at = article[field]?.indexOf(surface) ?? -1;
    if (at >= 0) return { field, start: at, end: at + surface.length };
  }
  return { field: "summary", start: -1, end: -1 };
}

function dedupe(mentions: Mention[]): Mention[] {
  const seen = new Set<string>();
  return mentions.filter((m) => {
    const key = `${m.entityId}|${m.field}|${m.start}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
