import { silentLogger } from "../../src/lib/logger.js";
import { type Context, createContext } from "../../src/pipeline/context.js";
import { runInline } from "../../src/pipeline/inline.js";
import { insertArticles } from "../../src/store/articles.js";
import type { Database } from "../../src/store/database.js";
import { storedArticle } from "./articles.js";
import { testConfig, WATCHLIST_YAML } from "./config.js";

const at = (hour: number) => new Date(Date.UTC(2026, 10, 20, hour));

/** Our own reports in five languages, in the forms a search has to see through. */
export const SEARCHED = [
  storedArticle("ar-1", {
    language: "ar",
    title: "هجوم لداعش على نقطة تفتيش قرب الموصل",
    summary: "قالت مصادر أمنية إن مسلحين من داعش هاجموا نقطة تفتيش.",
    fetchedAt: at(8),
  }),
  storedArticle("ar-2", {
    language: "ar",
    title: "اعتقال خلية مرتبطة بداعش في كركوك",
    summary: "أعلنت السلطات اعتقال أربعة أشخاص.",
    fetchedAt: at(9),
  }),
  storedArticle("fa-1", {
    language: "fa",
    title: "حمله داعش به پاسگاهی در نزدیکی موصل",
    summary: "منابع امنیتی می‌گویند این حمله در شب انجام شد.",
    fetchedAt: at(10),
  }),
  storedArticle("ru-1", {
    language: "ru",
    title: "Боевики ИГИЛ напали на блокпост в Мосуле",
    summary: "Нападение под Мосулом произошло ночью.",
    fetchedAt: at(11),
  }),
  storedArticle("fr-1", {
    language: "fr",
    title: "L'État irakien accuse Daech d'une attaque près de Mossoul",
    summary: "Un poste de contrôle a été visé dans la nuit.",
    fetchedAt: at(12),
  }),
  storedArticle("en-1", {
    title: "Oil exports resume from Kirkuk fields",
    summary: "Exports restarted after a two-week halt.",
    fetchedAt: at(13),
  }),
];

/** English titles, as a translation provider would have given them. */
export const ENGLISH: Record<string, string> = {
  "ar-1": "Islamic State attack on a checkpoint near Mosul",
  "ar-2": "Cell linked to Islamic State arrested in Kirkuk",
  "fa-1": "Islamic State attacks an outpost near Mosul",
};

export const SEARCH_DAY = "2026-11-20";

/** A store holding SEARCHED, extracted, translated where ENGLISH says, and in stories. */
export async function searchStore(db: Database, extraConfig = ""): Promise<Context> {
  const ctx = await createContext(
    testConfig(`feeds: [{ id: f, url: "https://x.example/rss" }]\n${WATCHLIST_YAML}${extraConfig}`),
    { log: silentLogger(), db },
  );
  await insertArticles(db, SEARCHED);
  const ids = SEARCHED.map((a) => a.id);
  for (const [id, titleEn] of Object.entries(ENGLISH)) {
    await db.query("update articles set title_en = $2, translation_status = 'done' where id = $1", [
      id,
      titleEn,
    ]);
  }
  // Extraction files them for search, English titles included.
  await runInline(ctx, [{ stage: "extract", ids }], 1);
  return ctx;
}
