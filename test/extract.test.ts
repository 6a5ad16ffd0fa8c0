import { describe, expect, it } from "vitest";
import { loadPlaces, watchlistEntries } from "../src/extract/gazetteer.js";
import { Matcher } from "../src/extract/matcher.js";
import { foldArabic, nameKeySequences, textKeys } from "../src/extract/normalize.js";

const matcher = new Matcher([
  ...watchlistEntries([
    {
      id: "isis",
      type: "group",
      name: "Islamic State",
      alert: true,
      aliases: { en: ["ISIS"], ar: ["داعش"], fr: ["Daech"], ru: ["ИГИЛ"] },
    },
    {
      id: "mosul",
      type: "place",
      name: "Mosul",
      country: "IQ",
      alert: false,
      aliases: { ar: ["الموصل"], ru: ["Мосул"], fr: ["Mossoul"] },
    },
  ]),
  ...loadPlaces(),
]);

const names = (text: string) => matcher.match(text).map((m) => `${m.surface}=${m.entity.name}`);

describe("normalisers", () => {
  it("folds Arabic letter variants, diacritics and tatweel", () => {
    expect(foldArabic("إيـــرانُ")).toBe("ايران");
    expect(foldArabic("مدينة")).toBe("مدينة");
    expect(textKeys("جده")).toContain("جدة");
    expect(textKeys("التركية")).not.toContain("تركيه");
    expect(foldArabic("ی ک")).toBe("ي ك");
  });

  it("takes off Arabic proclitics and the article", () => {
    expect(textKeys("والعراق")).toContain("عراق");
    expect(textKeys("بالموصل")).toContain("موصل");
    expect(textKeys("للعراق")).toContain("عراق");
  });

  it("files a Russian name under each of its case forms, and an indeclinable one under itself", () => {
    const forms = (name: string) => nameKeySequences(name).map((keys) => keys.join(" "));
    expect(forms("Ирак")).toEqual(expect.arrayContaining(["ирак", "ирака", "ираке", "ираком"]));
    expect(forms("Сирия")).toEqual(expect.arrayContaining(["сирия", "сирии", "сирию", "сирией"]));
    expect(forms("Москва")).toEqual(expect.arrayContaining(["москвы", "москве", "москвой"]));
    expect(forms("Китай")).toEqual(expect.arrayContaining(["китая", "китае", "китаем"]));
    expect(forms("Египет")).toEqual(expect.arrayContaining(["египта", "египте"]));
    expect(forms("Саудовская Аравия")).toContain("саудовской аравии");
    expect(forms("Кито")).toEqual(["кито"]);
  });

  it("takes off French elision and accents", () => {
    expect(textKeys("l'Irak")).toContain("irak");
    expect(textKeys("d’Égypte")).toContain("egypte");
  });
});

describe("gazetteer matching", () => {
  it("finds countries, capitals and watched names in all five languages", () => {
    expect(names("Iraq, Iran, Russia and Syria meet in Baghdad against ISIS")).toEqual([
      "Iraq=Iraq",
      "Iran=Iran",
      "Russia=Russia",
      "Syria=Syria",
      "Baghdad=Baghdad",
      "ISIS=Islamic State",
    ]);
    expect(names("والعراق وبالموصل وداعش")).toEqual([
      "والعراق=Iraq",
      "وبالموصل=Mosul",
      "وداعش=Islamic State",
    ]);
    expect(names("نشست ایران و روسیه در بغداد")).toEqual([
      "ایران=Iran",
      "روسیه=Russia",
      "بغداد=Baghdad",
    ]);
    expect(names("réunion à Bagdad contre Daech, capitale de l'Irak")).toEqual([
      "Bagdad=Baghdad",
      "Daech=Islamic State",
      "Irak=Iraq",
    ]);
    expect(names("встреча в Багдаде: ИГИЛ у Мосула, Сирии и России")).toEqual([
      "Багдаде=Baghdad",
      "ИГИЛ=Islamic State",
      "Мосула=Mosul",
      "Сирии=Syria",
      "России=Russia",
    ]);
  });

  it("points offsets into the original text", () => {
    const text = "Bilan : l'Irak et la Syrie";
    for (const m of matcher.match(text)) expect(text.slice(m.start, m.end)).toBe(m.surface);
    expect(matcher.match(text)[0]).toMatchObject({ start: 10, end: 14, surface: "Irak" });
  });

  it("prefers the longest name", () => {
    expect(names("United Arab Emirates and the United States")).toEqual([
      "United Arab Emirates=United Arab Emirates",
      "United States=United States",
    ]);
  });

  it("does not fire on a lower-case common word, or an acronym written as a word", () => {
    expect(names("we ate turkey and chad is a name; isis")).toEqual([]);
  });
});
