import { storedArticle } from "./articles.js";

export const REPORT_DAY = "2026-11-20";
export const at = (hour: number) => new Date(Date.UTC(2026, 10, 20, hour));

/** Our own reports: an attack near Mosul (English, Arabic), an election in Iraq (English, French). */
export const ATTACK_EN = storedArticle("attack-en", {
  title: "Car bomb kills 12 soldiers near Mosul",
  summary:
    "A car bomb exploded at an army checkpoint south of Mosul on Tuesday, killing 12 soldiers and wounding 23, Iraqi officials said. Islamic State claimed the attack.",
  publishedAt: at(8),
  fetchedAt: at(8),
});
export const ATTACK_AR = storedArticle("attack-ar", {
  language: "ar",
  title: "مقتل 12 جنديا في تفجير سيارة مفخخة قرب الموصل",
  summary:
    "انفجرت سيارة مفخخة عند نقطة تفتيش للجيش جنوب الموصل يوم الثلاثاء ما أسفر عن مقتل 12 جنديا وإصابة 23 آخرين، وتبنى تنظيم داعش الهجوم.",
  publishedAt: at(9),
  fetchedAt: at(9),
});
export const ATTACK_FR = storedArticle("attack-fr", {
  language: "fr",
  title: "Irak : 12 soldats tués dans l'explosion d'une voiture piégée près de Mossoul",
  summary:
    "Une voiture piégée a explosé mardi à un poste de contrôle de l'armée au sud de Mossoul, tuant 12 soldats et en blessant 23. Daech a revendiqué l'attentat.",
  publishedAt: at(11),
  fetchedAt: at(11),
});
export const ELECTION = [
  storedArticle("election-en", {
    title: "Iraqis vote in parliamentary election",
    summary:
      "Polling stations opened across Iraq on Sunday, from Baghdad to Basra; the electoral commission put turnout at 41 percent by midday.",
    publishedAt: at(10),
    fetchedAt: at(10),
  }),
  storedArticle("election-fr", {
    language: "fr",
    title: "Irak : les électeurs aux urnes pour les législatives",
    summary:
      "Les bureaux de vote ont ouvert dimanche de Bagdad à Bassora ; la commission électorale annonce une participation de 41 % à la mi-journée.",
    publishedAt: at(10),
    fetchedAt: at(10),
  }),
];
