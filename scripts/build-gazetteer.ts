/**
 * Builds assets/gazetteer/places.json from the GeoNames extracts in ../shared/gazetteer
 * (CC BY 4.0: "Contains data from GeoNames (https://www.geonames.org/), licensed under CC BY 4.0.").
 * Run: npm run gazetteer [-- <gazetteer dir>]
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { COUNTRY_NAMES } from "./country-names.js";

const source =
  process.argv[2] ?? fileURLToPath(new URL("../../shared/gazetteer/", import.meta.url));
const target = fileURLToPath(new URL("../assets/gazetteer/places.json", import.meta.url));

const readTsv = (file: string) => {
  const [header, ...rows] = readFileSync(`${source}/${file}`, "utf8").trimEnd().split("\n");
  const columns = (header ?? "").split("\t");
  return rows.map((row) => Object.fromEntries(row.split("\t").map((v, i) => [columns[i], v])));
};

// GeoNames' per-language country names that are formal, archaic or another country's name.
const UNRELIABLE = /estroict|^الشام$|^عربستان$/;

const places = readTsv("places.tsv");
const capitals = new Map(
  places.filter((p) => p.feature_code === "PPLC").map((p) => [p.country_code, p]),
);

const entries: unknown[] = [];
for (const country of readTsv("countries.tsv")) {
  const iso2 = country.iso2 ?? "";
  const curated = COUNTRY_NAMES[iso2] ?? {};
  const names = new Set<string>([country.name ?? "", ...Object.values(curated).flat()]);
  for (const language of ["ar", "fa", "ru", "fr"] as const) {
    const name = country[`name_${language}`];
    if (name && !UNRELIABLE.test(name) && !curated[language]) names.add(name);
  }
  const capital = capitals.get(iso2);
  entries.push({
    id: `country:${iso2}`,
    name: country.name,
    kind: "country",
    country: iso2,
    lat: capital ? Number(capital.latitude) : null,
    lon: capital ? Number(capital.longitude) : null,
    population: Number(country.population) || 0,
    names: [...names].filter((n) => n.length >= 2),
  });
  if (capital) {
    entries.push({
      id: `geonames:${capital.geonameid}`,
      name: capital.name,
      kind: "capital",
      country: iso2,
      lat: Number(capital.latitude),
      lon: Number(capital.longitude),
      population: Number(capital.population) || 0,
      names: capitalNames(capital),
    });
  }
}

/** The main name, and alternate names in Arabic or Cyrillic script or plain Latin words. */
function capitalNames(place: Record<string, string | undefined>): string[] {
  const alternates = (place.alternatenames ?? "").split("|").filter((n) => {
    if (n.length < 4 || /^[A-Z]{2,4}$/.test(n) || /\d/.test(n)) return false;
    return (
      /^[\p{Script=Arabic}\p{Script=Cyrillic}\s\u200c-]+$/u.test(n) ||
      /^\p{Lu}[\p{L}' -]+$/u.test(n)
    );
  });
  return [...new Set([place.name ?? "", place.asciiname ?? "", ...alternates])].filter(Boolean);
}

writeFileSync(
  target,
  `${JSON.stringify({ attribution: "Contains data from GeoNames (https://www.geonames.org/), licensed under CC BY 4.0.", places: entries })}\n`,
);
console.log(`wrote ${entries.length} places to ${target}`);
