/**
 * Names the news writes for cities of the region where GeoNames has none in that language, or
 * only a rare one («Ар-Ракка» but not «Ракка»), or one the build drops as a common word («Газа»
 * is also "of gas"). By GeoNames id; the matcher's rules for names that are words still apply.
 * Written for this project.
 */
export const CITY_NAMES: Record<string, string[]> = {
  // A capital's French name that subtitles say often enough for the build to drop it as a word.
  "2267057": ["Lisbonne"], // Lisbon
  // Short enough, and a word often enough, for the build to drop it as another language's.
  "3451190": ["Rio"], // Rio de Janeiro
  "281133": ["Газа"], // Gaza
  "282239": ["Рамалла"], // Ramallah
  "172955": ["Ракка", "Эр-Ракка", "Raqqa", "Rakka"], // Raqqa
  "95446": ["Эрбиль", "Арбиль"], // Erbil
  "90150": ["Тикрит"], // Tikrit
  "170905": ["Дараа", "Daraa", "Deraa"], // Daraa
  "173811": ["Хасеке", "Эль-Хасака"], // al-Hasakah
  "167357": ["Манбидж"], // Manbij
  "91597": ["Самарра"], // Samarra
  "277130": ["Баальбек"], // Baalbek
  "79415": ["Ходейда", "Hodeïda"], // Hodeidah
  "122491": ["Натанз"], // Natanz
  // Arabic names with the article, which GeoNames gives without it or garbled («ااالخرطوم»):
  // written with the article, a name can only be a place named with it.
  "379252": ["الخرطوم"], // Khartoum
  "379555": ["الفاشر", "Эль-Фашер", "El-Fasher"], // El Fasher
  "278913": ["النبطية", "Набатия", "Nabatieh"], // Nabatieh
  "174448": ["البوكمال", "Абу-Кемаль"], // Abu Kamal
  "72968": ["مأرب", "Мариб", "Marib"], // Marib
  "71334": ["صعدة", "Саада", "Saada"], // Saada
  "71137": ["صنعا"], // Sanaa, as Persian writes it
  "377039": ["پورت سودان"], // Port Sudan, in Persian
  // Persian compounds, which GeoNames writes with a space and the news with a zero-width
  // non-joiner or as one word.
  "127349": ["خرم‌آباد", "خرمآباد"], // Khorramabad
  "115770": ["شهرکرد", "شهر‌کرد"], // Shahrekord
  // Russia's and Ukraine's towns of the war, in Arabic, Persian and French
  "538560": ["كورسك", "کورسک"], // Kursk
  "571476": ["بريانسك", "بریانسک", "Briansk"], // Bryansk
  "706483": ["خاركيف", "خارکیف", "خارکف", "Kharkov"], // Kharkiv
  "687700": ["زابوريجيا", "زاپوریژیا", "زاپروژیا"], // Zaporizhzhia
  "702658": ["لوغانسك"], // Luhansk
  "713174": ["باخموت", "Bakhmout", "Бахмут", "Артемовск"], // Bakhmut
  "701822": ["ماریوپل"], // Mariupol
  "692194": ["سومي", "سومی"], // Sumy
  "713122": ["أفديفكا", "آودیفکا", "Avdiïvka", "Авдеевка"], // Avdiivka
  "704422": ["بوكروفسك", "پوکروفسک", "Покровск"], // Pokrovsk
  "700569": ["ميكولايف", "میکولایف", "Николаев"], // Mykolaiv
  "704508": ["كراماتورسك", "کراماتورسک", "Краматорск"], // Kramatorsk
};

/**
 * Names GeoNames gives foreign towns in Arabic script that are everyday words there, far more
 * often meant than the town: «ميدان» (a square, a field: «ميدان التحرير») for Medan, «پرت»
 * (thrown, distracted) for Perth, «لوم» (blame) for Lomé. A foreign town's name that is an
 * adjective of nationality («سوری», Syrian, for Surrey) is dropped by the build as well.
 */
export const FOREIGN_NAMES_THAT_ARE_WORDS = new Set(["ميدان", "میدان", "پرت", "لوم"]);
