/**
 * A generated news corpus for benchmarks: many feeds in the five languages, each item unique
 * by link and by text, with the place and group names the gazetteer knows, inflected as real
 * headlines inflect them.
 */
import iconv from "iconv-lite";

const TEMPLATES: Record<
  string,
  { titles: string[]; summaries: string[]; places: string[]; groups: string[] }
> = {
  ar: {
    titles: [
      "اجتماع أمني في {place} لبحث تحركات {group}",
      "القوات تعلن إحباط هجوم لـ{group} قرب {place}",
      "وزير الخارجية يزور {place} لبحث التعاون",
      "انخفاض أسعار النفط يضغط على موازنة {place}",
    ],
    summaries: [
      "قال مسؤولون في {place} إن المباحثات تناولت تبادل المعلومات حول {group} والوضع على الحدود، رقم {n}.",
      "أعلنت السلطات في {place} اعتقال عدد من المسلحين المرتبطين بـ{group} في العملية رقم {n}.",
    ],
    places: ["بغداد", "العراق", "دمشق", "سوريا", "طهران", "إيران", "بيروت", "لبنان"],
    groups: ["داعش", "حزب الله", "الحوثيين"],
  },
  fa: {
    titles: [
      "نشست امنیتی در {place} درباره {group}",
      "بازداشت اعضای گروه وابسته به {group} در {place}",
      "سفر وزیر خارجه به {place} برای گفت‌وگو",
      "افزایش صادرات گاز به {place}",
    ],
    summaries: [
      "مقام‌های {place} گفتند این گفت‌وگوها درباره {group} و امنیت مرزها بود، شماره {n}.",
      "به گفته مقام‌ها در {place}، عملیات شماره {n} علیه {group} انجام شد.",
    ],
    places: ["بغداد", "عراق", "دمشق", "سوریه", "تهران", "ایران", "مسکو", "روسیه"],
    groups: ["داعش", "حزب‌الله", "حوثی‌ها"],
  },
  fr: {
    titles: [
      "Réunion sur la sécurité à {place} face à {group}",
      "L'armée déjoue une attaque de {group} près de {place}",
      "Le ministre des Affaires étrangères attendu à {place}",
      "Le prix du pétrole pèse sur le budget de {place}",
    ],
    summaries: [
      "Les responsables de {place} ont évoqué l'échange de renseignements sur {group}, selon la dépêche numéro {n}.",
      "Plusieurs hommes armés liés à {group} ont été arrêtés près de {place} lors de l'opération {n}.",
    ],
    places: ["Bagdad", "l'Irak", "Damas", "la Syrie", "Téhéran", "l'Iran", "Moscou", "la Russie"],
    groups: ["Daech", "Hezbollah", "Houthis"],
  },
  ru: {
    titles: [
      "В {place} обсудили угрозу со стороны {group}",
      "Военные предотвратили нападение {group} под {place}",
      "Министр иностранных дел прибыл в {place}",
      "Падение цен на нефть ударило по бюджету {place}",
    ],
    summaries: [
      "Представители {place} договорились о координации против {group}, сообщение номер {n}.",
      "Задержаны боевики {group} недалеко от {place}, операция номер {n}.",
    ],
    places: ["Багдаде", "Ирака", "Дамаске", "Сирии", "Тегеране", "Ирана", "Москве", "России"],
    groups: ["ИГИЛ", "Хезболлах", "хуситов"],
  },
  en: {
    titles: [
      "Security talks in {place} focus on {group}",
      "Forces foil {group} attack near {place}",
      "Foreign minister heads to {place} for talks",
      "Oil price slide squeezes {place} budget",
    ],
    summaries: [
      "Officials in {place} discussed intelligence sharing on {group}, dispatch number {n}.",
      "Several gunmen linked to {group} were detained near {place} in operation {n}.",
    ],
    places: ["Baghdad", "Iraq", "Damascus", "Syria", "Tehran", "Iran", "Moscow", "Russia"],
    groups: ["ISIS", "Hezbollah", "the Houthis"],
  },
};

export const LANGUAGES = Object.keys(TEMPLATES);

/**
 * Syllables to make each summary's own words from, so that two generated articles share no
 * more than their template, as two real ones would, and near-duplicate detection does not take
 * the corpus for one syndicated story.
 */
const SYLLABLES: Record<string, string[]> = {
  ar: "با تي سو ما لي را نو كا دي فا هو جا زي قو شا".split(" "),
  fa: "با تی سو ما لی را نو کا دی فا هو جا زی گو شا".split(" "),
  fr: "ba ti so ma li ra no ka de fa ro ju ze gou cha".split(" "),
  ru: "ба ти со ма ли ра но ка де фа ро жу зе го ша".split(" "),
  en: "ba ti so ma li ra no ka de fa ro ju ze go sha".split(" "),
};

function filler(lang: string, n: number): string {
  const syllables = SYLLABLES[lang] ?? [];
  let state = (n * 2654435761) >>> 0;
  const next = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return syllables[(state >>> 8) % syllables.length] as string;
  };
  return Array.from({ length: 10 }, () => next() + next() + next()).join(" ");
}

const pick = <T>(list: T[], n: number): T => list[n % list.length] as T;

function fill(template: string, lang: string, n: number): string {
  const t = TEMPLATES[lang];
  if (!t) throw new Error(lang);
  return template
    .replace("{place}", pick(t.places, n))
    .replace("{group}", pick(t.groups, Math.floor(n / 7)))
    .replace("{n}", String(n));
}

/**
 * One generated article's title and summary: templates (chosen by the two variants) filled for
 * article n, and words of its own.
 */
export function generatedText(
  lang: string,
  n: number,
  titleVariant = n,
  summaryVariant = n,
): { title: string; summary: string } {
  const t = TEMPLATES[lang];
  if (!t) throw new Error(`no templates for ${lang}`);
  return {
    title: `${fill(pick(t.titles, titleVariant), lang, n)} (${n})`,
    summary: `${fill(pick(t.summaries, summaryVariant), lang, n)} ${filler(lang, n)}.`,
  };
}

/** The place and group names the templates use, per language: what a searcher would type. */
export const NAMES: Record<string, string[]> = Object.fromEntries(
  Object.entries(TEMPLATES).map(([lang, t]) => [lang, [...t.places, ...t.groups]]),
);

export interface GeneratedFeed {
  path: string;
  language: string;
  body: Buffer;
}

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");

/** `feeds` RSS documents of `perFeed` items each, languages in turn; Arabic ones in windows-1256. */
export function generateFeeds(feeds: number, perFeed: number, seed = 0): GeneratedFeed[] {
  const out: GeneratedFeed[] = [];
  for (let f = 0; f < feeds; f++) {
    const lang = pick(LANGUAGES, f);
    const t = TEMPLATES[lang];
    if (!t) continue;
    const items: string[] = [];
    for (let i = 0; i < perFeed; i++) {
      const n = seed * 1_000_000 + f * perFeed + i;
      const { title, summary } = generatedText(lang, n, i, i + f);
      const date = new Date(Date.UTC(2026, 10, 20, 0, 0, 0) + n * 60_000).toUTCString();
      items.push(
        `<item><title>${escapeXml(title)}</title><link>https://${lang}.news.example/${f}/${n}?utm_source=rss</link><pubDate>${date}</pubDate><description>${escapeXml(summary)}</description></item>`,
      );
    }
    const encoding = lang === "ar" ? "windows-1256" : "utf-8";
    const xml = `<?xml version="1.0" encoding="${encoding}"?>\n<rss version="2.0"><channel><title>bench ${f}</title><language>${lang}</language>${items.join("\n")}</channel></rss>\n`;
    out.push({ path: `feed-${f}.xml`, language: lang, body: iconv.encode(xml, encoding) });
  }
  return out;
}
