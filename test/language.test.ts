import { describe, expect, it } from "vitest";
import { identifyLanguage } from "../src/ingest/language.js";

describe("language identification", () => {
  it.each([
    ["ar", "القوات العراقية تعلن إحباط هجوم قرب الموصل"],
    ["fa", "نشست امنیتی ایران و عراق در بغداد برگزار شد"],
    ["ur", "وزیر اعظم نے پارلیمنٹ سے خطاب کیا اور کہا کہ ملک ترقی کرے گا"],
    ["ps", "د افغانستان ولسمشر په کابل کې له خبریالانو سره وغږېد"],
    ["ckb", "سەرۆکی هەرێمی کوردستان لە هەولێر کۆبوونەوەی کرد"],
    ["ru", "Представители России обсудили в Багдаде обмен разведданными"],
    ["uk", "Президент України провів зустріч із представниками їхніх громад"],
    ["tg", "Ҳукумати Тоҷикистон барномаи нави иқтисодиро қабул кард"],
    ["fr", "Le quartier général du renseignement se réunit à Bagdad"],
    ["en", "Iraqi forces foil Islamic State attack near Mosul"],
  ])("says %s for a %s headline", (language, text) => {
    const guess = identifyLanguage(text);
    expect(guess.language).toBe(language);
    expect(guess.confidence).toBeGreaterThan(0.5);
  });

  it("says und for text too short or without letters, never a guess", () => {
    expect(identifyLanguage("OK")).toEqual({ language: "und", confidence: 0 });
    expect(identifyLanguage("2026-11-20 12:00 — 14:00")).toEqual({
      language: "und",
      confidence: 0,
    });
  });

  it("uses the feed's declared language to settle a short Latin text, not to overrule the script", () => {
    expect(identifyLanguage("Bagdad, Paris", "fr").language).toBe("fr");
    expect(identifyLanguage("القوات العراقية تعلن إحباط هجوم قرب الموصل", "fr").language).toBe(
      "ar",
    );
  });

  it("reports a language outside the five as itself", () => {
    expect(
      identifyLanguage(
        "El ministro de Asuntos Exteriores viajó a Bagdad para reunirse con sus homólogos",
      ).language,
    ).toBe("es");
  });
});

describe("language identification: neighbours in a script", () => {
  it.each([
    ["mk", "Владата ќе ги разгледа предлозите следната недела"],
    ["sr", "Влада ће размотрити предлоге следеће недеље у Београду"],
    ["bg", "Според министъра срещата ще бъде следващата седмица"],
    ["ru", "Концерт по мотивам известной оперы состоялся 12 марта 2019 года"],
    ["be", "Урад Беларусі зацвердзіў новы бюджэт на наступны год"],
    ["kk", "Қазақстан үкіметі жаңа заң жобасын мақұлдады"],
    // Tajik's ғ and қ, without і or Kazakh's own letters; Kazakh's і with them.
    ["tg", "Дар вилояти Суғд барф борид"],
    ["tg", "Президент қарор имзо кард"],
    ["kk", "Қазақстан мен Ресей келісімге қол қойды"],
    ["ps", "د افغانستان په پلازمېنه کې غونډه وشوه"],
    ["uk", "Concert review: Kyiv Opera є головним театром"],
    // Pashto in letters Persian shares: its pronouns and adverbs (دوی, نن, هغه) tell it.
    ["ps", "دوی نن کابل ته راغلل."],
    ["ps", "هغه وویل چې دا سمه نه ده."],
    // «له … سره» (with), Pashto's circumposition; Arabic's «له» (to him) alone is no cue.
    ["ps", "ولسمشر له بهرنیو چارو وزیر سره وکتل"],
  ])("says %s, not one of the five, for %s", (language, text) => {
    expect(identifyLanguage(text, null, ["ar", "fa", "fr", "ru", "en"]).language).toBe(language);
  });

  it("reads Arabic's «له» (to him) as Arabic: only with «سره» after it is it Pashto's", () => {
    expect(identifyLanguage("قال له إنه لا دور له", null, ["ar", "fa"]).language).toBe("ar");
  });

  it("never calls a Bulgarian line with no cue of its own Russian, even when Russian is watched", () => {
    // «лекар» is Bulgarian (Russian «лекарь»); the line has no Bulgarian ending or word to say so.
    // With я, it is not Macedonian or Serbian either: Bulgarian by trigrams, or und, never ru.
    expect(["bg", "und"]).toContain(
      identifyLanguage("Мария ИВАНОВА (41 г.), лекар, Пловдив:", null, ["ru"]).language,
    );
  });

  it("counts words frequent in Russian and in no neighbour, and rules Ukrainian out without і", () => {
    expect(identifyLanguage("Стоимость билета составила 500 рублей", null, ["ru"]).language).toBe(
      "ru",
    );
    // «голос» is Russian and Ukrainian ("глас" in Bulgarian); with no і, not Ukrainian.
    expect(identifyLanguage("Георги Иванов — 12 % (4051 голос)", null, ["ru"]).language).toBe("ru");
    expect(identifyLanguage("Цената на билета е 20 лева", null, ["ru"]).language).toBe("bg");
    // Russian's past in -овал; Bulgarian's participle is in -увал.
    expect(identifyLanguage("Беспилотник атаковал нефтебазу", null, ["ru"]).language).toBe("ru");
    expect(identifyLanguage("Армията е атакувала позициите", null, ["ru"]).language).toBe("bg");
  });

  it("tells Ukrainian without і, ї, є or ґ by its own small words, and Russian by its own", () => {
    const five = ["ar", "fa", "fr", "ru", "en"];
    const pairs = [
      ["Вона сказала, що це неправда.", "Она сказала, что это неправда."],
      ["Це буде дуже важко.", "Это будет очень тяжело."],
      ["Що буде з курсом долара?", "Что будет с курсом доллара?"],
    ];
    for (const [ukrainian, russian] of pairs) {
      expect(identifyLanguage(ukrainian as string, null, five).language).toBe("uk");
      expect(identifyLanguage(russian as string, null, five).language).toBe("ru");
    }
  });

  it("tells Ukrainian without і by -ього, -ував, -ють, -ння and е for э, never as Macedonian", () => {
    const five = ["ar", "fa", "fr", "ru", "en"];
    // Macedonian and Serbian write no ь, й, я, ю: a line with one is neither.
    expect(identifyLanguage("Суд заарештував колишнього депутата", null, five).language).toBe("uk");
    expect(
      identifyLanguage("Прокурор проаналізував справу всього за тиждень", null, five).language,
    ).toBe("uk");
    expect(identifyLanguage("Суд арестовал бывшего депутата", null, five).language).toBe("ru");
    // -ють, -ння, and е for Russian's э at the start of a borrowed word.
    for (const text of [
      "Люди мають право знати правду",
      "Навчання в школах розпочнеться вчасно",
      "Уряд оголосив про початок нового етапу",
    ])
      expect(identifyLanguage(text, null, five).language).toBe("uk");
    for (const text of ["Люди имеют право знать правду", "Начался новый этап", "Анна вернула долг"])
      expect(identifyLanguage(text, null, five).language).toBe("ru");
  });

  it("never takes Serbian or Macedonian, which write ј, љ, њ, for Russian or Bulgarian", () => {
    const five = ["ar", "fa", "fr", "ru", "en"];
    for (const text of [
      "Влада је објавила нове мере за привреду.",
      "Њихов нови закон је усвојен у скупштини.",
      "Владата ја објави одлуката во понеделник.",
    ])
      expect(["sr", "mk", "und"]).toContain(identifyLanguage(text, null, five).language);
    // A Russian sentence keeps its ы, э, ё, whatever Serbian name it quotes.
    expect(identifyLanguage("Эксперт из Љубљаны выступил на форуме.", null, five).language).toBe(
      "ru",
    );
  });

  it("keeps a Russian sentence full of Latin brand names Russian", () => {
    const text = "Apple, Google, Microsoft и Amazon объявили о новых правилах";
    expect(identifyLanguage(text, null, ["ar", "fa", "fr", "ru", "en"]).language).toBe("ru");
    // A Russian phrase quoted in an English sentence leaves it English.
    const quoted = "Protesters in the square chanted «Нет войне» before the police moved in";
    expect(identifyLanguage(quoted, null, ["ar", "fa", "fr", "ru", "en"]).language).toBe("en");
  });

  it("takes a word-final soft sign, which Bulgarian never writes, for Russian", () => {
    expect(identifyLanguage("Жизнь и смерть в Москве").language).toBe("ru");
  });
});

describe("language identification: Latin script", () => {
  const five = ["ar", "fa", "fr", "ru", "en"];

  it("tells a Kurmanji line by its own words, not as French for its ê and î", () => {
    const text =
      "Şaredariya Amedê û rêxistinên jinan li bajêr civiyan ji bo ku pirsgirêk were çareserkirin";
    expect(identifyLanguage(text, null, five).language).toBe("ku");
  });

  it("names a date line by its day and month names, too short for statistics", () => {
    expect(identifyLanguage("Sunday, June 8, 2025", null, five).language).toBe("en");
    expect(identifyLanguage("Dimanche 8 juin 2025", null, five).language).toBe("fr");
    expect(identifyLanguage("Sunday 2025", null, five).language).toBe("und");
  });

  it("takes no French accent in a name for French: a Spanish line about Élisabeth Borne is not French", () => {
    expect(identifyLanguage("Élisabeth Borne dimite", null, five).language).not.toBe("fr");
    // In a lower-case word the accent still counts.
    expect(identifyLanguage("Élisabeth Borne a démissionné", null, five).language).toBe("fr");
  });

  it("reports a short line of names with no word of its winner as a guess, not as certain", () => {
    const guess = identifyLanguage("Sanremo, vince Mahmood", null, five);
    expect(guess.confidence).toBeLessThanOrEqual(0.6);
    // With the language's own words, as sure as before.
    expect(identifyLanguage("Le Louvre ferme pour grève", null, five).confidence).toBeGreaterThan(
      0.9,
    );
  });

  it("weighs English function words and endings against French trigrams", () => {
    expect(identifyLanguage("Nation, tribune, opinion: our view", null, five).language).toBe("en");
    expect(
      identifyLanguage("Investigator Interview: Shocking Testimony", null, five).language,
    ).toBe("en");
  });
});
