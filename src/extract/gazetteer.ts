import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { WatchItem } from "../config/index.js";
import type { Entity } from "../store/entities.js";

/** One entity the matcher can find, with every name it goes by. */
export interface GazetteerEntry {
  entity: Entity;
  names: string[];
  /** Larger wins when two entries share a name. */
  weight: number;
}

interface PlaceRecord {
  id: string;
  name: string;
  kind: string;
  country: string;
  lat: number | null;
  lon: number | null;
  population: number;
  names: string[];
}

export const PLACES_FILE = fileURLToPath(
  new URL("../../assets/gazetteer/places.json", import.meta.url),
);

/** The built-in places (countries and capitals from GeoNames), read from the shipped data file. */
export function loadPlaces(file = PLACES_FILE): GazetteerEntry[] {
  const data = JSON.parse(readFileSync(file, "utf8")) as { places: PlaceRecord[] };
  return data.places.map((p) => ({
    entity: {
      id: p.id,
      type: "place",
      name: p.name,
      country: p.country,
      latitude: p.lat,
      longitude: p.lon,
      watched: false,
      alert: false,
    },
    names: p.names,
    // A country outranks a city of the same name.
    weight: (p.kind === "country" ? 1e10 : 0) + p.population,
  }));
}

/** The operator's watchlist: every alias in every language, plus the English name. */
export function watchlistEntries(watchlist: readonly WatchItem[]): GazetteerEntry[] {
  return watchlist.map((item) => ({
    entity: {
      id: `watch:${item.id}`,
      type: item.type,
      name: item.name,
      country: item.country ?? null,
      latitude: null,
      longitude: null,
      watched: true,
      alert: item.alert,
    },
    names: [item.name, ...Object.values(item.aliases).flat()],
    // What the operator watches outranks any built-in entry of the same name.
    weight: Number.MAX_SAFE_INTEGER,
  }));
}
