import { curatedEntries } from "./curated-entries.js";
import type { GazetteerEntry } from "./gazetteer.js";

/**
 * People the news of this desk names every day, curated like the organisations: heads of state
 * and government, leaders of the region's armed and political groups, in English, French,
 * Russian, Arabic and Persian. Russian case forms are made by the matcher («Путина»). A surname
 * that is also a common word is listed only with the given name (Assad's «الأسد» is "the lion").
 */
const ROWS: [id: string, country: string, names: string][] = [
  [
    "putin",
    "RU",
    "Vladimir Putin|Putin|Poutine|Vladimir Poutine|Путин|Владимир Путин|بوتين|فلاديمير بوتين|پوتین|ولادیمیر پوتین",
  ],
  ["trump", "US", "Donald Trump|Trump|Трамп|Дональд Трамп|ترامب|دونالد ترامب|ترامپ|دونالد ترامپ"],
  ["biden", "US", "Joe Biden|Biden|Байден|Джо Байден|بايدن|جو بايدن|بایدن|جو بایدن"],
  ["obama", "US", "Barack Obama|Obama|Обама|Барак Обама|أوباما|اوباما|باراك أوباما|باراک اوباما"],
  ["bush", "US", "George W. Bush|Bush|Буш|Джордж Буш|بوش|جورج بوش|جرج بوش"],
  ["clinton-bill", "US", "Bill Clinton|Билл Клинтон|بيل كلينتون|بیل کلینتون"],
  ["clinton-hillary", "US", "Hillary Clinton|Хиллари Клинтон|هيلاري كلينتون|هیلاری کلینتون"],
  ["blair", "GB", "Tony Blair|Blair|Блэр|Тони Блэр|بلير|توني بلير|بلر|تونی بلر"],
  [
    "merkel",
    "DE",
    "Angela Merkel|Merkel|Меркель|Ангела Меркель|ميركل|أنغيلا ميركل|مرکل|آنگلا مرکل",
  ],
  [
    "macron",
    "FR",
    "Emmanuel Macron|Macron|Макрон|Эммануэль Макрон|ماكرون|إيمانويل ماكرون|مکرون|امانوئل مکرون",
  ],
  ["sarkozy", "FR", "Nicolas Sarkozy|Sarkozy|Саркози|ساركوزي|سارکوزی"],
  [
    "erdogan",
    "TR",
    "Recep Tayyip Erdoğan|Erdogan|Erdoğan|Эрдоган|Реджеп Тайип Эрдоган|أردوغان|اردوغان|رجب طيب أردوغان|رجب طیب اردوغان",
  ],
  [
    "netanyahu",
    "IL",
    "Benjamin Netanyahu|Netanyahu|Netanyahou|Нетаньяху|Биньямин Нетаньяху|نتنياهو|بنيامين نتنياهو|نتانیاهو|بنیامین نتانیاهو",
  ],
  [
    "zelensky",
    "UA",
    "Volodymyr Zelensky|Zelensky|Zelenski|Зеленский|Владимир Зеленский|زيلينسكي|زلنسکی",
  ],
  ["yeltsin", "RU", "Boris Yeltsin|Yeltsin|Eltsine|Ельцин|Борис Ельцин|يلتسين|یلتسین"],
  ["medvedev", "RU", "Dmitry Medvedev|Medvedev|Medvedev|Медведев|Дмитрий Медведев|ميدفيديف|مدودف"],
  [
    "lavrov",
    "RU",
    "Sergei Lavrov|Lavrov|Лавров|Сергей Лавров|لافروف|سيرغي لافروف|لاوروف|سرگئی لاوروف",
  ],
  [
    "assad",
    "SY",
    "Bashar al-Assad|Assad|al-Assad|Асад|Башар Асад|Башар аль-Асад|بشار الأسد|بشار الاسد|بشار اسد",
  ],
  [
    "khamenei",
    "IR",
    "Ali Khamenei|Khamenei|Khamenei|Хаменеи|Али Хаменеи|خامنئي|علي خامنئي|خامنه‌ای|علی خامنه‌ای|خامنه ای",
  ],
  ["khomeini", "IR", "Ruhollah Khomeini|Khomeini|Хомейни|الخميني|خمینی|امام خمینی"],
  ["rouhani", "IR", "Hassan Rouhani|Rouhani|Роухани|روحاني|حسن روحاني|روحانی|حسن روحانی"],
  ["khatami", "IR", "Mohammad Khatami|Khatami|Хатами|خاتمي|محمد خاتمي|خاتمی|محمد خاتمی"],
  [
    "ahmadinejad",
    "IR",
    "Mahmoud Ahmadinejad|Ahmadinejad|Ahmadinejad|Ахмадинежад|أحمدي نجاد|احمدی‌نژاد|احمدی نژاد|محمود احمدی‌نژاد",
  ],
  ["raisi", "IR", "Ebrahim Raisi|Raisi|Раиси|رئيسي|إبراهيم رئيسي|ابراهیم رئیسی"],
  [
    "pezeshkian",
    "IR",
    "Masoud Pezeshkian|Pezeshkian|Пезешкиан|بزشكيان|مسعود بزشكيان|پزشکیان|مسعود پزشکیان",
  ],
  [
    "rafsanjani",
    "IR",
    "Akbar Hashemi Rafsanjani|Rafsanjani|Рафсанджани|رفسنجاني|هاشمي رفسنجاني|رفسنجانی|هاشمی رفسنجانی",
  ],
  [
    "soleimani",
    "IR",
    "Qassem Soleimani|Soleimani|Сулеймани|Касем Сулеймани|سليماني|قاسم سليماني|سلیمانی|قاسم سلیمانی",
  ],
  ["zarif", "IR", "Mohammad Javad Zarif|Zarif|Зариф|ظريف|محمد جواد ظريف|ظریف|محمدجواد ظریف"],
  [
    "nasrallah",
    "LB",
    "Hassan Nasrallah|Nasrallah|Насралла|Хасан Насралла|نصر الله|حسن نصر الله|نصرالله|حسن نصرالله",
  ],
  ["maliki", "IQ", "Nouri al-Maliki|al-Maliki|Нури аль-Малики|نوري المالكي|نوری مالکی"],
  ["sistani", "IQ", "Ali al-Sistani|al-Sistani|Sistani|Систани|السيستاني|علي السيستاني|سیستانی"],
  ["sadr", "IQ", "Muqtada al-Sadr|Moqtada al-Sadr|Муктада ас-Садр|مقتدى الصدر|مقتدی صدر"],
  ["saddam", "IQ", "Saddam Hussein|Saddam|Саддам Хусейн|صدام حسين|صدام|صدام حسین"],
  ["gaddafi", "LY", "Muammar Gaddafi|Gaddafi|Kadhafi|Каддафи|القذافي|معمر القذافي|قذافی"],
  ["sisi", "EG", "Abdel Fattah el-Sisi|el-Sisi|Sissi|ас-Сиси|السيسي|عبد الفتاح السيسي|سیسی"],
  ["mubarak", "EG", "Hosni Mubarak|Mubarak|Moubarak|Мубарак|حسني مبارك|مبارك|حسنی مبارک"],
  ["arafat", "PS", "Yasser Arafat|Arafat|Арафат|ياسر عرفات|عرفات|یاسر عرفات"],
  ["mahmoud-abbas", "PS", "Mahmoud Abbas|Махмуд Аббас|محمود عباس|محمود عباس"],
  ["mbs", "SA", "Mohammed bin Salman|MBS|Мухаммед бен Сальман|محمد بن سلمان|محمد بن سلمان"],
  [
    "baghdadi",
    "IQ",
    "Abu Bakr al-Baghdadi|al-Baghdadi|Абу Бакр аль-Багдади|أبو بكر البغدادي|ابوبکر البغدادی",
  ],
  [
    "bin-laden",
    "SA",
    "Osama bin Laden|bin Laden|Ben Laden|Усама бен Ладен|أسامة بن لادن|بن لادن|اسامه بن لادن",
  ],
  ["kadyrov", "RU", "Ramzan Kadyrov|Kadyrov|Кадыров|Рамзан Кадыров|قديروف|رمضان قديروف|قدیروف"],
  [
    "guterres",
    "",
    "António Guterres|Guterres|Гутерриш|غوتيريش|أنطونيو غوتيريش|گوترش|آنتونیو گوترش",
  ],
  ["annan", "", "Kofi Annan|Кофи Аннан|كوفي أنان|کوفی عنان|کوفی انان"],
  ["xi", "CN", "Xi Jinping|Си Цзиньпин|شي جين بينغ|شی جین‌پینگ|شی جین پینگ"],
];

let entries: GazetteerEntry[] | undefined;

/** The people as gazetteer entries, made once, ranked as the organisations are. */
export function peopleEntries(): GazetteerEntry[] {
  entries ??= curatedEntries(
    ROWS.map(([id, country, names]) => [`person:${id}`, "person", country, names]),
  );
  return entries;
}
