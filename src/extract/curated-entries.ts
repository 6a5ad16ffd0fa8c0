import type { EntityType } from "../store/entities.js";
import type { GazetteerEntry } from "./gazetteer.js";

/**
 * Curated entries (organisations, people) for the matcher: names separated by "|", the first the
 * English one; they rank above every place but a country (the Pentagon, the Kremlin), and a name
 * shared with a country stays the country's.
 */
export function curatedEntries(
  rows: readonly [id: string, type: EntityType, country: string, names: string][],
): GazetteerEntry[] {
  return rows.map(([id, type, country, names]) => {
    const all = [...new Set(names.split("|"))];
    return {
      entity: {
        id,
        type,
        name: all[0] as string,
        country: country || null,
        latitude: null,
        longitude: null,
        watched: false,
        alert: false,
      },
      kind: "organisation",
      names: all,
      population: 0,
      weight: 5e11,
    };
  });
}
