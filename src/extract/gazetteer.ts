import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { WatchItem } from "../config/index.js";
import type { Entity } from "../store/entities.js";

export type PlaceKind =
  | "country"
  | "capital"
  | "city"
  | "region"
  | "province"
  | "watched"
  /** The curated organisations and people: meant wherever their casing fits. */
  | "organisation";

/** One entity the matcher can find, with every name it goes by. */
export interface GazetteerEntry {
  entity: Entity;
  kind: PlaceKind;
  names: string[];
  /**
   * Each name's match keys as the gazetteer's build made them (see `nameKeys`); made at load
   * when absent, as for the watchlist.
   */
  keys?: readonly string[];
  /** Names that are also frequent words (Nice, «мира», «امل»), with the word's frequency rank. */
  common?: readonly (readonly [string, number])[];
  population: number;
  /** Larger wins when two entries share a name. */
  weight: number;
}

type PlaceRow = [
  id: string,
  kind: Exclude<PlaceKind, "watched" | "organisation">,
  country: string,
  lat: number | null,
  lon: number | null,
  population: number,
  name: string,
  names: string[],
  common: [string, number][],
  keys: string[],
];

export const PLACES_FILE = fileURLToPath(
  new URL("../../assets/gazetteer/places.json", import.meta.url),
);

// A country outranks a world region, which outranks a capital, then cities by population; a
// province bears its main city's name (Baghdad, Nineveh) and yields to it.
const KIND_WEIGHT = { country: 1e12, region: 1e10, capital: 1e9, city: 0, province: -1e9 };

// Below a capital, above any city: a state or province of its own name.
const STATE_WEIGHT = 5e8;

const loaded = new Map<string, GazetteerEntry[]>();

/**
 * The built-in places (GeoNames countries, cities and regions, curated regions), read once per
 * process: the entries are never changed after loading.
 */
export function loadPlaces(file = PLACES_FILE): GazetteerEntry[] {
  const known = loaded.get(file);
  if (known) return known;
  const entries = readPlaces(file);
  loaded.set(file, entries);
  return entries;
}

function readPlaces(file: string): GazetteerEntry[] {
  const data = JSON.parse(readFileSync(file, "utf8")) as { places: PlaceRow[] };
  // A province yields to its own main city of the same name (Baghdad, Nineveh), not to a
  // foreign town: "Virginia" is the American state before the South African town. And to its
  // capital under any of the capital's names: «à Kiev» is Kyiv, not its oblast.
  const cities = new Set(
    data.places.flatMap((p) => {
      if (p[1] === "capital") return p[7].map((name) => `${p[2]}\t${name}`);
      return p[1] === "city" ? [`${p[2]}\t${p[6]}`] : [];
    }),
  );
  const weight = (kind: PlaceRow[1], country: string, name: string, population: number) =>
    kind === "province" && !cities.has(`${country}\t${name}`)
      ? STATE_WEIGHT + population
      : KIND_WEIGHT[kind] + population;
  return data.places.map(
    ([id, kind, country, lat, lon, population, name, names, common, keys]) => ({
      entity: {
        id,
        type: "place",
        name,
        country: country || null,
        latitude: lat,
        longitude: lon,
        watched: false,
        alert: false,
      },
      kind,
      names,
      keys,
      common,
      population,
      weight: weight(kind, country, name, population),
    }),
  );
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
    kind: "watched",
    names: [item.name, ...Object.values(item.aliases).flat()],
    population: 0,
    // What the operator watches outranks any built-in entry of the same name.
    weight: Number.MAX_SAFE_INTEGER,
  }));
}

/** A name's match keys in the data file's form, read back into token sequences. */
export function nameKeys(entry: GazetteerEntry, index: number): string[][] | undefined {
  const packed = entry.keys?.[index];
  return packed === undefined ? undefined : packed.split("|").map((seq) => seq.split(" "));
}
