import { type GazetteerEntry, loadPlaces } from "./gazetteer.js";
import { organisationEntries } from "./organisations.js";
import { peopleEntries } from "./people.js";

/** Everything the matcher knows without a watchlist: organisations, people and places. */
export const builtinEntries = (): GazetteerEntry[] => [
  ...organisationEntries(),
  ...peopleEntries(),
  ...loadPlaces(),
];
