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
  // capital under any of the capital's names: «à Kiev» is Kyiv, not its oblast. A province named
  // for a city is named for its seat, which GeoNames places it at: a namesake town far off in
  // the same country does not outrank it ("Oregon" is the state, not Oregon, Ohio).
  const cities = new Map<string, [number | null, number | null][]>();
  for (const p of data.places) {
    const names = p[1] === "capital" ? p[7] : p[1] === "city" ? [p[6]] : [];
    for (const name of names) {
      const key = `${p[2]}\t${name}`;
      const at = cities.get(key) ?? [];
      at.push([p[3], p[4]]);
      cities.set(key, at);
    }
  }
  const seatNamed = (country: string, name: string, lat: number | null, lon: number | null) =>
    (cities.get(`${country}\t${name}`) ?? []).some(
      ([cityLat, cityLon]) =>
        lat === null ||
        cityLat === null ||
        kilometres(lat, lon ?? 0, cityLat, cityLon ?? 0) < SEAT_KM,
    );
  const weight = (row: PlaceRow) => {
    const [, kind, country, lat, lon, population, name] = row;
    return kind === "province" && !seatNamed(country, name, lat, lon)
      ? STATE_WEIGHT + population
      : KIND_WEIGHT[kind] + population;
  };
  return data.places.map((row) => {
    const [id, kind, country, lat, lon, population, name, names, common, keys] = row;
    return {
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
      weight: weight(row),
    };
  });
}

// A province's seat, or the middle of its towns, lies within this of a city of its name.
const SEAT_KM = 150;

/** Distance on the sphere, near enough for telling a seat from a town across the country. */
function kilometres(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const x = (lon2 - lon1) * rad * Math.cos(((lat1 + lat2) / 2) * rad);
  const y = (lat2 - lat1) * rad;
  return 6371 * Math.hypot(x, y);
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
