import { type GazetteerEntry, loadPlaces } from "./gazetteer.js";
import { fold } from "./name-cues.js";
import { organisationEntries } from "./organisations.js";
import { peopleEntries } from "./people.js";

/** Everything the matcher knows without a watchlist: organisations, people and places. */
export const builtinEntries = (): GazetteerEntry[] => [
  ...organisationEntries(),
  ...peopleEntries(),
  ...loadPlaces(),
];

/**
 * The built-in entries beside a watchlist: an organisation or person the operator watches under
 * one of its names becomes the operator's entry, all its names with it, so a story names
 * Hezbollah once, watched, however an article spells it.
 */
export function builtinEntriesBeside(watchlist: readonly GazetteerEntry[]): GazetteerEntry[] {
  if (watchlist.length === 0) return builtinEntries();
  const byName = new Map(watchlist.flatMap((w) => w.names.map((n) => [fold(n), w] as const)));
  const curated = [...organisationEntries(), ...peopleEntries()].map((e) => {
    const watched = e.names.map((n) => byName.get(fold(n))).find((w) => w !== undefined);
    return watched
      ? { ...e, entity: watched.entity, kind: watched.kind, weight: watched.weight }
      : e;
  });
  return [...curated, ...loadPlaces()];
}
