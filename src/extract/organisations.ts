import type { EntityType } from "../store/entities.js";
import { curatedEntries } from "./curated-entries.js";
import type { GazetteerEntry } from "./gazetteer.js";

/**
 * The organisations this desk meets, curated like the country names: international bodies,
 * armed and political groups, security services, and the news agencies that are cited as
 * sources. Each with its usual names and abbreviations in English, French, Russian, Arabic and
 * Persian. A name that is also a common word on its own is listed only in its longer forms
 * (al-Shabaab's «الشباب» is "the youth"; the CIA's «سيا» is too short to be sure of).
 */
type Row = [id: string, type: Extract<EntityType, "group" | "org">, country: string, names: string];

// Names separated by "|"; the first is the English name.
const ROWS: Row[] = [
  [
    "un",
    "org",
    "",
    "United Nations|UN|U.N.|Nations unies|ONU|Organisation des Nations unies|ООН|Организация Объединённых Наций|Организация Объединенных Наций|الأمم المتحدة|الامم المتحدة|منظمة الأمم المتحدة|سازمان ملل|سازمان ملل متحد",
  ],
  [
    "unsc",
    "org",
    "",
    "UN Security Council|Security Council|Conseil de sécurité|Совет Безопасности ООН|Совбез ООН|مجلس الأمن|مجلس الأمن الدولي|شورای امنیت|شورای امنیت سازمان ملل",
  ],
  [
    "nato",
    "org",
    "",
    "NATO|North Atlantic Treaty Organization|Atlantic Alliance|OTAN|Alliance atlantique|НАТО|Североатлантический альянс|حلف شمال الأطلسي|الحلف الأطلسي|حلف الناتو|الناتو|ناتو|پیمان آتلانتیک شمالی",
  ],
  [
    "eu",
    "org",
    "",
    "European Union|EU|Union européenne|UE|Евросоюз|Европейский союз|Европейский Союз|ЕС|الاتحاد الأوروبي|الاتحاد الاوروبي|اتحادیه اروپا",
  ],
  [
    "ec",
    "org",
    "",
    "European Commission|Commission européenne|Еврокомиссия|Европейская комиссия|المفوضية الأوروبية|کمیسیون اروپا",
  ],
  [
    "iaea",
    "org",
    "",
    "International Atomic Energy Agency|IAEA|AIEA|Agence internationale de l'énergie atomique|МАГАТЭ|الوكالة الدولية للطاقة الذرية|الوكالة الذرية|آژانس بین‌المللی انرژی اتمی|آژانس بین المللی انرژی اتمی",
  ],
  [
    "arab-league",
    "org",
    "",
    "Arab League|League of Arab States|Ligue arabe|Лига арабских государств|ЛАГ|جامعة الدول العربية|الجامعة العربية|اتحادیه عرب",
  ],
  [
    "au",
    "org",
    "",
    "African Union|Union africaine|Африканский союз|الاتحاد الأفريقي|الاتحاد الإفريقي|اتحادیه آفریقا",
  ],
  [
    "gcc",
    "org",
    "",
    "Gulf Cooperation Council|Conseil de coopération du Golfe|Совет сотрудничества арабских государств Персидского залива|مجلس التعاون الخليجي|مجلس التعاون لدول الخليج العربية|شورای همکاری خلیج فارس",
  ],
  [
    "oic",
    "org",
    "",
    "Organisation of Islamic Cooperation|Organisation de la coopération islamique|Организация исламского сотрудничества|منظمة التعاون الإسلامي|سازمان همکاری اسلامی",
  ],
  ["opec", "org", "", "OPEC|OPEP|ОПЕК|أوبك|منظمة أوبك|اوپک"],
  [
    "who",
    "org",
    "",
    "World Health Organization|WHO|OMS|Organisation mondiale de la santé|ВОЗ|Всемирная организация здравоохранения|منظمة الصحة العالمية|سازمان بهداشت جهانی",
  ],
  [
    "unhcr",
    "org",
    "",
    "UNHCR|UN refugee agency|HCR|Haut-Commissariat des Nations unies pour les réfugiés|УВКБ ООН|المفوضية السامية للأمم المتحدة لشؤون اللاجئين|مفوضية اللاجئين|کمیساریای عالی سازمان ملل در امور پناهندگان",
  ],
  ["unicef", "org", "", "UNICEF|ЮНИСЕФ|اليونيسف|یونیسف"],
  ["unesco", "org", "", "UNESCO|ЮНЕСКО|اليونسكو|یونسکو"],
  [
    "icrc",
    "org",
    "",
    "International Committee of the Red Cross|ICRC|Red Cross|CICR|Croix-Rouge|Красный Крест|Международный комитет Красного Креста|اللجنة الدولية للصليب الأحمر|الصليب الأحمر|کمیته بین‌المللی صلیب سرخ|صلیب سرخ",
  ],
  // The UN's and NATO's missions in the region, by their acronyms as each language writes them.
  [
    "unifil",
    "org",
    "LB",
    "UNIFIL|United Nations Interim Force in Lebanon|Finul|FINUL|ВСООНЛ|ЮНИФИЛ|اليونيفيل|يونيفيل|قوات اليونيفيل|یونیفل",
  ],
  [
    "undof",
    "org",
    "SY",
    "UNDOF|United Nations Disengagement Observer Force|FNUOD|СООННР|أندوف|قوة الأمم المتحدة لمراقبة فض الاشتباك",
  ],
  [
    "unami",
    "org",
    "IQ",
    "UNAMI|United Nations Assistance Mission for Iraq|МООНСИ|يونامي|بعثة الأمم المتحدة لمساعدة العراق",
  ],
  ["minusma", "org", "ML", "MINUSMA|Minusma|МИНУСМА|مينوسما|بعثة الأمم المتحدة في مالي"],
  [
    "isaf",
    "org",
    "AF",
    "ISAF|International Security Assistance Force|FIAS|МССБ|ИСАФ|إيساف|قوة المساعدة الأمنية الدولية|آیساف",
  ],
  [
    "icc",
    "org",
    "",
    "International Criminal Court|ICC|CPI|Cour pénale internationale|Международный уголовный суд|МУС|المحكمة الجنائية الدولية|دیوان بین‌المللی کیفری",
  ],
  [
    "imf",
    "org",
    "",
    "International Monetary Fund|IMF|FMI|Fonds monétaire international|МВФ|Международный валютный фонд|صندوق النقد الدولي|صندوق بین‌المللی پول|صندوق بین المللی پول",
  ],
  ["world-bank", "org", "", "World Bank|Banque mondiale|Всемирный банк|البنك الدولي|بانک جهانی"],
  [
    "csto",
    "org",
    "",
    "Collective Security Treaty Organization|CSTO|OTSC|ОДКБ|Организация Договора о коллективной безопасности|منظمة معاهدة الأمن الجماعي|سازمان پیمان امنیت جمعی",
  ],
  [
    "sco",
    "org",
    "",
    "Shanghai Cooperation Organisation|SCO|OCS|ШОС|Шанхайская организация сотрудничества|منظمة شنغهاي للتعاون|سازمان همکاری شانگهای",
  ],
  [
    "osce",
    "org",
    "",
    "OSCE|Organization for Security and Co-operation in Europe|ОБСЕ|منظمة الأمن والتعاون في أوروبا|سازمان امنیت و همکاری اروپا",
  ],
  [
    "isis",
    "group",
    "",
    "Islamic State|ISIS|ISIL|Daesh|Daech|État islamique|Etat islamique|EI|Исламское государство|ИГИЛ|ИГ|داعش|الدولة الإسلامية|تنظيم الدولة|تنظيم الدولة الإسلامية|دولت اسلامی",
  ],
  [
    "al-qaeda",
    "group",
    "",
    "al-Qaeda|Al-Qaïda|Al-Qaida|аль-Каида|Аль-Каида|القاعدة|تنظيم القاعدة|القاعده",
  ],
  [
    "hezbollah",
    "group",
    "LB",
    "Hezbollah|Hizbollah|Hizbullah|Hezbollah libanais|Хезболла|Хизбалла|حزب الله|حزب‌الله|حزب الله لبنان",
  ],
  ["hamas", "group", "PS", "Hamas|Хамас|حركة حماس|حماس|جنبش حماس"],
  [
    "islamic-jihad",
    "group",
    "PS",
    "Palestinian Islamic Jihad|Islamic Jihad|Jihad islamique|Исламский джихад|حركة الجهاد الإسلامي|الجهاد الإسلامي|جهاد اسلامی",
  ],
  [
    "houthis",
    "group",
    "YE",
    "Houthis|Ansar Allah|Houthistes|хуситы|Ансар Аллах|الحوثيون|الحوثيين|جماعة الحوثي|أنصار الله|حوثی‌ها|انصارالله|انصار الله",
  ],
  ["taliban", "group", "AF", "Taliban|talibans|Талибан|талибы|طالبان|حركة طالبان"],
  [
    "pkk",
    "group",
    "",
    "PKK|Kurdistan Workers' Party|Parti des travailleurs du Kurdistan|РПК|Рабочая партия Курдистана|حزب العمال الكردستاني|پ‌ک‌ک|پ.ک.ک|حزب کارگران کردستان",
  ],
  [
    "ypg",
    "group",
    "SY",
    "YPG|People's Protection Units|Unités de protection du peuple|Отряды народной самообороны|وحدات حماية الشعب|یگان‌های مدافع خلق",
  ],
  [
    "sdf",
    "group",
    "SY",
    "Syrian Democratic Forces|SDF|FDS|Forces démocratiques syriennes|Сирийские демократические силы|СДС|قوات سوريا الديمقراطية|قسد|نیروهای دموکراتیک سوریه",
  ],
  [
    "pmf",
    "group",
    "IQ",
    "Popular Mobilization Forces|Hashd al-Shaabi|Unités de mobilisation populaire|Хашд аш-Шааби|الحشد الشعبي|هيئة الحشد الشعبي|حشد الشعبی|حشدالشعبی",
  ],
  [
    "kataib-hezbollah",
    "group",
    "IQ",
    "Kataib Hezbollah|Kataeb Hezbollah|Катаиб Хезболла|كتائب حزب الله|کتائب حزب‌الله",
  ],
  [
    "hts",
    "group",
    "SY",
    "Hayat Tahrir al-Sham|HTS|Hayat Tahrir al-Cham|Хайят Тахрир аш-Шам|هيئة تحرير الشام|هیئت تحریر الشام|تحریر الشام",
  ],
  [
    "al-nusra",
    "group",
    "SY",
    "Nusra Front|al-Nusra|Front al-Nosra|Джебхат ан-Нусра|جبهة النصرة|جبهه النصره",
  ],
  [
    "al-shabaab",
    "group",
    "SO",
    "al-Shabaab|Shebab|Аш-Шабааб|حركة الشباب|الشباب المجاهدين|الشباب الصومالية",
  ],
  ["boko-haram", "group", "NG", "Boko Haram|Боко харам|بوكو حرام|بوکوحرام|بوکو حرام"],
  [
    "muslim-brotherhood",
    "group",
    "",
    "Muslim Brotherhood|Frères musulmans|Братья-мусульмане|جماعة الإخوان المسلمين|الإخوان المسلمين|الإخوان المسلمون|اخوان‌المسلمین|اخوان المسلمین",
  ],
  [
    "wagner",
    "group",
    "RU",
    "Wagner Group|Wagner|groupe Wagner|ЧВК Вагнер|ЧВК «Вагнер»|فاغنر|مجموعة فاغنر|واگنر|گروه واگنر",
  ],
  [
    "irgc",
    "org",
    "IR",
    "Islamic Revolutionary Guard Corps|IRGC|Revolutionary Guards|Gardiens de la révolution|Pasdaran|КСИР|Корпус стражей исламской революции|الحرس الثوري|الحرس الثوري الإيراني|سپاه پاسداران|سپاه پاسداران انقلاب اسلامی",
  ],
  ["quds-force", "org", "IR", "Quds Force|force Al-Qods|Силы «Кудс»|فيلق القدس|نیروی قدس|سپاه قدس"],
  [
    "idf",
    "org",
    "IL",
    "Israel Defense Forces|IDF|Tsahal|Армия обороны Израиля|ЦАХАЛ|الجيش الإسرائيلي|جيش الاحتلال|ارتش اسرائیل",
  ],
  ["mossad", "org", "IL", "Mossad|Моссад|الموساد|موساد"],
  ["cia", "org", "US", "CIA|Central Intelligence Agency|ЦРУ|وكالة المخابرات المركزية|سازمان سیا"],
  ["fbi", "org", "US", "FBI|ФБР|مكتب التحقيقات الفيدرالي|اف‌بی‌آی"],
  ["pentagon", "org", "US", "Pentagon|Pentagone|Пентагон|البنتاغون|البنتاجون|پنتاگون"],
  [
    "fsb",
    "org",
    "RU",
    "FSB|Federal Security Service|ФСБ|Федеральная служба безопасности|جهاز الأمن الفيدرالي|سرویس امنیت فدرال",
  ],
  ["gru", "org", "RU", "GRU|ГРУ|الاستخبارات العسكرية الروسية"],
  ["svr", "org", "RU", "SVR|СВР|Служба внешней разведки"],
  ["mi6", "org", "GB", "MI6|Secret Intelligence Service|МИ-6|جهاز الاستخبارات البريطاني"],
  ["dgse", "org", "FR", "DGSE|Direction générale de la sécurité extérieure"],
  ["kremlin", "org", "RU", "Kremlin|Кремль|الكرملين|کرملین"],
  ["white-house", "org", "US", "White House|Maison Blanche|Белый дом|البيت الأبيض|کاخ سفید"],
  [
    "state-department",
    "org",
    "US",
    "State Department|Département d'État|Госдепартамент|Госдеп|وزارة الخارجية الأمريكية|الخارجية الأمريكية|وزارت خارجه آمریکا",
  ],
  [
    "majlis",
    "org",
    "IR",
    "Islamic Consultative Assembly|Majlis|مجلس الشورى الإسلامي|مجلس شورای اسلامی",
  ],
  [
    "assembly-of-experts",
    "org",
    "IR",
    "Assembly of Experts|Assemblée des experts|Совет экспертов|مجلس خبراء القيادة|مجلس خبرگان|مجلس خبرگان رهبری",
  ],
  [
    "expediency-council",
    "org",
    "IR",
    "Expediency Discernment Council|مجمع تشخيص مصلحة النظام|مجمع تشخیص مصلحت|مجمع تشخیص مصلحت نظام",
  ],
  [
    "state-duma",
    "org",
    "RU",
    "State Duma|Douma|Госдума|Государственная дума|Государственная Дума|مجلس الدوما|الدوما|دومای روسیه",
  ],
  [
    "baath",
    "group",
    "SY",
    "Baath Party|Ba'ath|parti Baas|Баас|партия Баас|حزب البعث|حزب البعث العربي الاشتراكي|حزب بعث",
  ],
  [
    "united-russia",
    "group",
    "RU",
    "United Russia|Russie unie|Единая Россия|«Единая Россия»|روسيا الموحدة|روسیه واحد",
  ],
  [
    "unrwa",
    "org",
    "",
    "UNRWA|United Nations Relief and Works Agency|БАПОР|الأونروا|الاونروا|وكالة غوث وتشغيل اللاجئين الفلسطينيين|آنروا",
  ],
  [
    "wfp",
    "org",
    "",
    "World Food Programme|WFP|Programme alimentaire mondial|Всемирная продовольственная программа|برنامج الأغذية العالمي|برنامه جهانی غذا",
  ],
  [
    "icj",
    "org",
    "",
    "International Court of Justice|ICJ|Cour internationale de justice|CIJ|Международный суд ООН|محكمة العدل الدولية|دیوان بین‌المللی دادگستری",
  ],
  ["interpol", "org", "", "Interpol|Интерпол|الإنتربول|الانتربول|اینترپل"],
  [
    "unhrc",
    "org",
    "",
    "UN Human Rights Council|Human Rights Council|Conseil des droits de l'homme|Совет ООН по правам человека|مجلس حقوق الإنسان|شورای حقوق بشر",
  ],
  [
    "amnesty",
    "org",
    "",
    "Amnesty International|Amnistie internationale|Международная амнистия|منظمة العفو الدولية|العفو الدولية|سازمان عفو بین‌الملل|عفو بین‌الملل",
  ],
  [
    "hrw",
    "org",
    "",
    "Human Rights Watch|Хьюман Райтс Вотч|هيومن رايتس ووتش|هيومن رايتس واتش|دیده‌بان حقوق بشر",
  ],
  [
    "msf",
    "org",
    "",
    "Médecins Sans Frontières|Doctors Without Borders|MSF|Врачи без границ|أطباء بلا حدود|پزشکان بدون مرز",
  ],
  // Fatah's and Amal's Arabic names are words (conquest, hope): only with «حركة» (movement).
  ["fatah", "group", "PS", "Fatah|Фатх|ФАТХ|حركة فتح|جنبش فتح"],
  [
    "plo",
    "org",
    "PS",
    "Palestine Liberation Organization|PLO|Organisation de libération de la Palestine|OLP|Организация освобождения Палестины|ООП|منظمة التحرير الفلسطينية|منظمة التحرير|سازمان آزادی‌بخش فلسطین",
  ],
  [
    "palestinian-authority",
    "org",
    "PS",
    "Palestinian Authority|Autorité palestinienne|Палестинская национальная администрация|السلطة الفلسطينية|تشکیلات خودگردان فلسطین",
  ],
  ["knesset", "org", "IL", "Knesset|Кнессет|الكنيست|کنست"],
  ["shin-bet", "org", "IL", "Shin Bet|Shabak|Шин Бет|ШАБАК|الشاباك|شاباک"],
  [
    "rsf-sudan",
    "group",
    "SD",
    "Rapid Support Forces|Forces de soutien rapide|Силы быстрого реагирования|قوات الدعم السريع|نیروهای پشتیبانی سریع",
  ],
  ["peshmerga", "group", "IQ", "Peshmerga|Пешмерга|البيشمركة|البشمركة|پیشمرگه"],
  [
    "krg",
    "org",
    "IQ",
    "Kurdistan Regional Government|KRG|Gouvernement régional du Kurdistan|Региональное правительство Курдистана|حكومة إقليم كردستان|حکومت اقلیم کردستان",
  ],
  // «بسیج» alone is also "mobilisation".
  ["basij", "group", "IR", "Basij|Басидж|الباسيج|قوات الباسيج|سازمان بسیج|نیروی مقاومت بسیج"],
  ["amal", "group", "LB", "Amal Movement|Mouvement Amal|Движение Амаль|حركة أمل|جنبش امل"],
  [
    "polisario",
    "group",
    "EH",
    "Polisario Front|Polisario|Front Polisario|Фронт Полисарио|جبهة البوليساريو|البوليساريو|جبهه پولیساریو|پولیساریو",
  ],
  [
    "stc-yemen",
    "group",
    "YE",
    "Southern Transitional Council|Conseil de transition du Sud|Южный переходный совет|المجلس الانتقالي الجنوبي|شورای انتقالی جنوب",
  ],
  [
    "fsa",
    "group",
    "SY",
    "Free Syrian Army|Armée syrienne libre|Свободная сирийская армия|الجيش السوري الحر|الجيش الحر|ارتش آزاد سوریه",
  ],
  [
    "federation-council",
    "org",
    "RU",
    "Federation Council|Conseil de la Fédération|Совет Федерации|Совфед|مجلس الاتحاد الروسي|شورای فدراسیون روسیه",
  ],
  [
    "elysee",
    "org",
    "FR",
    "Élysée|Elysée|Élysée Palace|palais de l'Élysée|Елисейский дворец|قصر الإليزيه|الإليزيه|الاليزيه|کاخ الیزه",
  ],
  ["quai-dorsay", "org", "FR", "Quai d'Orsay|Кэ д'Орсе|الكي دورسيه"],
  [
    "foreign-office",
    "org",
    "GB",
    "Foreign Office|Foreign, Commonwealth and Development Office|Форин-офис|Форин офис|الخارجية البريطانية|وزارة الخارجية البريطانية|وزارت خارجه بریتانیا|وزارت خارجه انگلیس",
  ],
];

/**
 * News agencies and broadcasters: named as the source of a report far more often than as its
 * subject, so they say nothing of which event an article reports.
 */
const SOURCE_ROWS: Row[] = [
  ["reuters", "org", "", "Reuters|Рейтер|Рейтерс|رويترز|رويتر|رویترز"],
  [
    "afp",
    "org",
    "FR",
    "Agence France-Presse|AFP|Франс Пресс|Франс-Пресс|فرانس برس|وكالة الصحافة الفرنسية|خبرگزاری فرانسه",
  ],
  ["ap", "org", "US", "Associated Press|AP|Ассошиэйтед Пресс|أسوشيتد برس|اسوشیتدپرس|آسوشیتدپرس"],
  ["tass", "org", "RU", "TASS|ТАСС|تاس|وكالة تاس|خبرگزاری تاس"],
  ["ria", "org", "RU", "RIA Novosti|РИА Новости|ريا نوفوستي|ریانووستی"],
  ["interfax", "org", "RU", "Interfax|Интерфакс|إنترفاكس|اینترفاکس"],
  [
    "irna",
    "org",
    "IR",
    "IRNA|Islamic Republic News Agency|ИРНА|وكالة إرنا|إرنا|ایرنا|خبرگزاری جمهوری اسلامی",
  ],
  ["tasnim", "org", "IR", "Tasnim|Тасним|وكالة تسنيم|تسنيم|خبرگزاری تسنیم|تسنیم"],
  ["fars", "org", "IR", "Fars News Agency|وكالة فارس|خبرگزاری فارس"],
  ["isna", "org", "IR", "ISNA|Iranian Students News Agency|ИСНА|ایسنا|خبرگزاری ایسنا"],
  ["mehr", "org", "IR", "Mehr News Agency|خبرگزاری مهر|وكالة مهر"],
  [
    "sana",
    "org",
    "SY",
    "SANA|Syrian Arab News Agency|САНА|وكالة سانا|سانا|الوكالة العربية السورية للأنباء",
  ],
  [
    "al-jazeera",
    "org",
    "QA",
    "Al Jazeera|Al-Jazeera|Аль-Джазира|الجزيرة|قناة الجزيرة|الجزیره|شبکه الجزیره",
  ],
  ["al-arabiya", "org", "AE", "Al Arabiya|Аль-Арабия|العربية نت|قناة العربية|العربیه"],
  ["bbc", "org", "GB", "BBC|Би-би-си|بي بي سي|بی‌بی‌سی|بی بی سی"],
  ["cnn", "org", "US", "CNN|Си-эн-эн|سي إن إن|سی‌ان‌ان"],
  [
    "anadolu",
    "org",
    "TR",
    "Anadolu Agency|Anadolu|Анадолу|الأناضول|وكالة الأناضول|آناتولی|خبرگزاری آناتولی",
  ],
  ["xinhua", "org", "CN", "Xinhua|Синьхуа|شينخوا|شينهوا|شین‌هوا|خبرگزاری شین‌هوا"],
  // Arabic names that are words (the squares, the lighthouse, the pyramids, the Middle East)
  // only with the word for channel or newspaper.
  ["al-mayadeen", "org", "LB", "Al Mayadeen|Аль-Майадин|قناة الميادين|شبکه المیادین"],
  ["al-manar", "org", "LB", "Al-Manar|Аль-Манар|قناة المنار|تلفزيون المنار|شبکه المنار"],
  ["press-tv", "org", "IR", "Press TV|Пресс ТВ|برس تي في|پرس تی‌وی|پرس تی وی"],
  [
    "irib",
    "org",
    "IR",
    "IRIB|Islamic Republic of Iran Broadcasting|هيئة الإذاعة والتلفزيون الإيرانية|صدا و سیما|سازمان صدا و سیما",
  ],
  // «Спутник» is also a satellite, at the start of a sentence as anywhere.
  ["sputnik", "org", "RU", "Sputnik|سبوتنيك|اسپوتنیک"],
  ["rt", "org", "RU", "RT|Russia Today|Раша Тудей|روسيا اليوم|راشا تودی"],
  [
    "wafa",
    "org",
    "PS",
    "WAFA|Wafa|وكالة وفا|وكالة الأنباء الفلسطينية|وكالة الأنباء والمعلومات الفلسطينية",
  ],
  ["mena", "org", "EG", "Middle East News Agency|وكالة أنباء الشرق الأوسط"],
  ["spa", "org", "SA", "Saudi Press Agency|وكالة الأنباء السعودية"],
  ["ina", "org", "IQ", "Iraqi News Agency|وكالة الأنباء العراقية"],
  ["nna", "org", "LB", "National News Agency|الوكالة الوطنية للإعلام"],
  ["kuna", "org", "KW", "Kuwait News Agency|KUNA|وكالة الأنباء الكويتية|كونا"],
  ["qna", "org", "QA", "Qatar News Agency|وكالة الأنباء القطرية"],
  ["haaretz", "org", "IL", "Haaretz|Гаарец|هآرتس|هارتس|صحيفة هآرتس|روزنامه هاآرتص|هاآرتص"],
  ["al-ahram", "org", "EG", "Al-Ahram|Аль-Ахрам|صحيفة الأهرام|جريدة الأهرام|روزنامه الاهرام"],
  ["asharq-al-awsat", "org", "SA", "Asharq Al-Awsat|صحيفة الشرق الأوسط"],
  ["kommersant", "org", "RU", "Kommersant|Коммерсантъ|Коммерсант|كوميرسانت|کومرسانت"],
  ["izvestia", "org", "RU", "Izvestia|Известия|إزفستيا|ایزوستیا"],
  ["le-monde", "org", "FR", "Le Monde|Ле Монд|لوموند|لوموند"],
  [
    "new-york-times",
    "org",
    "US",
    "The New York Times|New York Times|Нью-Йорк таймс|نيويورك تايمز|نیویورک تایمز",
  ],
  [
    "washington-post",
    "org",
    "US",
    "The Washington Post|Washington Post|Вашингтон пост|واشنطن بوست|واشنگتن پست",
  ],
];

export const NEWS_SOURCES: ReadonlySet<string> = new Set(SOURCE_ROWS.map(([id]) => `org:${id}`));

let entries: GazetteerEntry[] | undefined;

/** The organisations as gazetteer entries, made once. */
export function organisationEntries(): GazetteerEntry[] {
  entries ??= curatedEntries(
    [...ROWS, ...SOURCE_ROWS].map(([id, type, country, names]) => [
      `org:${id}`,
      type,
      country,
      names,
    ]),
  );
  return entries;
}
