import type { Entity } from "../store/entities.js";
import type { Match, Matcher, MatchOptions } from "./matcher.js";
import { fold } from "./name-cues.js";
import { ruleSpans } from "./name-rules.js";
import { type Token, tokenize } from "./normalize.js";

/**
 * Every place, organisation and person a text names: the gazetteer's matches (places, the
 * built-in organisations, the watchlist), then the people and organisations the rules of the
 * text's language find among the words left. A place inside a name a rule found («Banque de
 * France», «Paul Martin») is part of that name, not a mention of the place.
 */
export function findEntities(
  matcher: Matcher,
  text: string,
  language: string,
  options: MatchOptions = {},
): Match[] {
  const tokens = tokenize(text);
  const listed = matcher.match(text, { ...options, language }, tokens);
  const covering = coveringMatches(tokens, listed);
  const taken = covering.map((m) => m !== undefined);
  const town = covering.map(
    (m, i) =>
      m?.entity.type === "place" &&
      !/^(?:country|region):/.test(m.entity.id) &&
      m.start === tokens[i]?.start &&
      m.end === tokens[i]?.end,
  );
  const spans = ruleSpans({ text, tokens, taken, town, language });
  const found: Match[] = spans.map((span) => {
    const start = span.start ?? tokens[span.first]?.start ?? 0;
    const end = span.end ?? tokens[span.last]?.end ?? start;
    const surface = text.slice(start, end);
    const entity = ruleEntity(span.type, span.name ?? surface);
    return { entity, start, end, surface, confidence: 0.6 };
  });
  // A place inside a found name: both lists run left to right, so one pass settles it.
  let f = 0;
  const kept = listed.filter((m) => {
    while (f < found.length && (found[f]?.end ?? 0) <= m.start) f++;
    const around = found[f];
    return !(m.entity.type === "place" && around && around.start <= m.start && m.end <= around.end);
  });
  return [...kept, ...found].sort((a, b) => a.start - b.start);
}

/** For each token, the gazetteer match over it, if any: one pass, both in text order. */
function coveringMatches(
  tokens: readonly Token[],
  listed: readonly Match[],
): (Match | undefined)[] {
  let m = 0;
  return tokens.map((t) => {
    while (m < listed.length && (listed[m]?.end ?? 0) <= t.start) m++;
    const match = listed[m];
    return match && match.start < t.end && t.start < match.end ? match : undefined;
  });
}

/**
 * An entity known only by how a text wrote it: its id says so (`name:`), for it is one
 * language's spelling, and grouping stories across languages leaves such ids aside.
 */
function ruleEntity(type: "person" | "org" | "place", name: string): Entity {
  return {
    id: `name:${type}:${fold(name).replace(/\s+/g, " ")}`,
    type,
    name,
    country: null,
    latitude: null,
    longitude: null,
    watched: false,
    alert: false,
  };
}
