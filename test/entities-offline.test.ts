import { describe, expect, it } from "vitest";
import { builtinEntries, builtinEntriesBeside } from "../src/extract/builtins.js";
import { findEntities } from "../src/extract/find-entities.js";
import { watchlistEntries } from "../src/extract/gazetteer.js";
import { Matcher } from "../src/extract/matcher.js";

const matcher = new Matcher(builtinEntries());

/** What a sentence names: "surface=type" for each entity, in order. */
const names = (language: string, text: string) =>
  findEntities(matcher, text, language).map((m) => `${m.surface}=${m.entity.type}`);

/** The ids of the entities a sentence names, in order. */
const ids = (language: string, text: string) =>
  findEntities(matcher, text, language).map((m) => m.entity.id);

describe("organisations offline", () => {
  it("finds the UN's and NATO's missions in the region by their acronyms in each language", () => {
    expect(ids("fr", "Un casque bleu de la Finul a été blessé.")).toEqual(["org:unifil"]);
    expect(ids("ru", "Миротворцы ЮНИФИЛ покинули позиции.")).toEqual(["org:unifil"]);
    expect(ids("ar", "انسحبت القوات من إيساف وبقيت اليونيفيل")).toEqual(["org:isaf", "org:unifil"]);
    expect(ids("en", "MINUSMA left and UNAMI stayed.")).toEqual(["org:minusma", "org:unami"]);
  });

  it("finds the built-in organisations by their names and abbreviations in each language", () => {
    expect(names("en", "NATO and the UN discussed Hezbollah.")).toEqual([
      "NATO=org",
      "UN=org",
      "Hezbollah=group",
    ]);
    expect(names("fr", "L'OTAN et l'ONU condamnent Daech.")).toEqual([
      "OTAN=org",
      "ONU=org",
      "Daech=group",
    ]);
    expect(names("ru", "Представители ООН и МАГАТЭ осудили ИГИЛ.")).toEqual([
      "ООН=org",
      "МАГАТЭ=org",
      "ИГИЛ=group",
    ]);
    expect(names("ar", "دعت الأمم المتحدة وحلف الناتو إلى وقف القتال")).toEqual([
      "الأمم المتحدة=org",
      "وحلف الناتو=org",
    ]);
    expect(names("fa", "سازمان ملل و سپاه پاسداران بیانیه دادند")).toEqual([
      "سازمان ملل=org",
      "سپاه پاسداران=org",
    ]);
  });

  it("knows the region's movements, assemblies, relief agencies and press, but not their names that are words", () => {
    expect(ids("ar", "رحبت حركة فتح بقرار الأونروا ونقلت صحيفة هآرتس ذلك")).toEqual([
      "org:fatah",
      "org:unrwa",
      "org:haaretz",
    ]);
    // «فتح» alone is "opened", «الميادين» "the squares" (a Syrian town's name too).
    expect(ids("ar", "فتح الجيش الطريق")).toEqual([]);
    expect(ids("ru", "Совет Федерации одобрил закон, сообщает «Коммерсантъ».")).toEqual([
      "org:federation-council",
      "org:kommersant",
    ]);
    expect(ids("ru", "Спутник вышел на орбиту.")).toEqual([]);
    expect(ids("fr", "Le Foreign Office et l'Élysée ont réagi, selon Le Monde.")).toEqual([
      "org:foreign-office",
      "org:elysee",
      "org:le-monde",
    ]);
    expect(ids("fr", "Le monde entier regarde.")).toEqual([]);
    // NATO by the name French and Arabic news give it, not the town of Alliance, Ohio.
    expect(ids("fr", "Le sommet de l'Alliance atlantique s'ouvre.")).toEqual(["org:nato"]);
    expect(ids("fa", "نیروهای پیشمرگه و سازمان بسیج")).toEqual(["org:peshmerga", "org:basij"]);
    expect(ids("fa", "بسیج عمومی امکانات")).toEqual([]);
  });

  it("finds an organisation by its head and the words that complete it, in every language", () => {
    expect(names("en", "The Ministry of Foreign Affairs said so.")).toEqual([
      "Ministry of Foreign Affairs=org",
    ]);
    expect(names("fr", "Le ministère de l'Intérieur et le Parti socialiste")).toEqual([
      "ministère de l'Intérieur=org",
      "Parti socialiste=org",
    ]);
    expect(names("ru", "Министерство иностранных дел и партия «Новые люди» ответили")).toEqual([
      "Министерство иностранных дел=org",
      "партия «Новые люди»=org",
    ]);
    expect(names("ar", "رحبت وزارة الخارجية بالقرار")).toEqual(["وزارة الخارجية=org"]);
    expect(names("fa", "وزارت امور خارجه اعلام کرد")).toEqual(["وزارت امور خارجه=org"]);
    // The elided article is no part of the name; a firm, a union, a church are heads too.
    expect(
      names("fr", "Devant l'Assemblée nationale, la Compagnie des Indes et le Syndicat national"),
    ).toEqual(["Assemblée nationale=org", "Compagnie des Indes=org", "Syndicat national=org"]);
    expect(names("fr", "La société a vendu sa caisse.")).toEqual([]);
    // A foreign name in quotation marks after the head is the organisation's own.
    expect(names("ar", 'خفضت وكالة " موديز " تصنيف البنك')).toEqual(['وكالة " موديز "=org']);
    expect(names("ar", "وقعت شركة «توتال إنرجيز» عقدا")).toEqual(["شركة «توتال إنرجيز»=org"]);
    expect(names("ar", "تعاقد نادي الوداد الرياضي مع مدرب جديد")).toEqual([
      "نادي الوداد الرياضي=org",
    ]);
  });

  it("in French, takes an institution's capitalised head with its name in lower case or in apposition", () => {
    expect(
      names("fr", "Les bateaux de la Société des sauveteurs de Lausanne sont sortis."),
    ).toEqual(["Société des sauveteurs de Lausanne=org"]);
    expect(names("fr", "Elle est entrée à l'Académie de médecine en mai.")).toEqual([
      "Académie de médecine=org",
    ]);
    expect(
      names("fr", "Il expose à la Galerie Kornfeld et travaille pour la compagnie Veolia."),
    ).toEqual(["Galerie Kornfeld=org", "compagnie Veolia=org"]);
    // In lower case, the head is a common noun: «la société des voisins» is no institution.
    expect(names("fr", "Il a parlé à la société des voisins de Lausanne.")).toEqual([
      "Lausanne=place",
    ]);
    // Nor is a capitalised head opening a sentence.
    expect(names("fr", "Société des amis : la réunion est close.")).toEqual([]);
  });

  it("in Arabic, ends an indefinite head's construct at a place or a foreign name, which need no article", () => {
    expect(names("ar", "نال شهادته من جامعة هارفارد عام 1990")).toEqual(["جامعة هارفارد=org"]);
    expect(names("ar", "أعلنت شركة تويوتا خفض الإنتاج")).toEqual(["شركة تويوتا=org"]);
    // A word ending as Arabic nouns and adjectives do (ة, ات, ي) is no foreign name.
    expect(names("ar", "طالب بنشر قوات دولية على الحدود")).toEqual([]);
    expect(names("ar", "أعلنت شركة نفطية عن اكتشاف")).toEqual([]);
    expect(names("ar", "وزارة تعلن خطة جديدة")).toEqual([]);
  });

  it("in Persian, reads the ministry in a minister's title, with its country, not the minister's name", () => {
    expect(names("fa", "وزیر آموزش و پرورش ترکیه از مدارس بازدید کرد")).toEqual([
      "آموزش و پرورش ترکیه=org",
    ]);
    expect(names("fa", "وزیر امور خارجه عراق گفت")).toEqual(["امور خارجه عراق=org"]);
    expect(names("fa", "سخنان وزیر بهداشت درباره واکسن")).toEqual(["بهداشت=org"]);
    // The name after the portfolio is the minister's, not the ministry's.
    expect(names("fa", "وزیر نفت بیژن زنگنه")).toEqual(["نفت=org", "بیژن زنگنه=person"]);
    // A minister with no portfolio named is no ministry.
    expect(names("fa", "این وزیر جوان استعفا داد")).toEqual([]);
    // The ministry named by its minister is the one the text names by «وزارت».
    expect(ids("fa", "وزیر امور خارجه عراق گفت")).toEqual(ids("fa", "وزارت امور خارجه عراق گفت"));
  });

  it("in Persian, ends an organisation's name at a determiner or a preposition", () => {
    expect(names("fa", "انجمن صنفی روزنامه‌نگاران بیانیه داد")).toEqual([
      "انجمن صنفی روزنامه‌نگاران=org",
    ]);
    expect(names("fa", "کنفدراسیون فوتبال آسیا اعلام کرد")).toEqual(["کنفدراسیون فوتبال آسیا=org"]);
    // «مجلس همان …», the parliament is the same …: no name after a determiner.
    expect(names("fa", "قوانین مصوب مجلس همان احکام اسلامی است")).toEqual([]);
    expect(names("fa", "فعالیت کمیته پیگیری تحت نظر وی ادامه یابد")).toEqual(["کمیته پیگیری=org"]);
  });

  it("in Russian, takes a name in Latin letters, in guillemets or in capitals for an organisation", () => {
    expect(names("ru", "По данным Quantcast, газета Wall Street Journal выросла.")).toEqual([
      "Quantcast=org",
      "Wall Street Journal=org",
    ]);
    // A state's abbreviation is no organisation (КНДР is North Korea; ФРГ, which the gazetteer
    // does not hold, is nothing); a line in capitals is read as words.
    expect(names("ru", "Сделку «Роснефти» одобрили в ДПНИ, КНДР и ФРГ.")).toEqual([
      "Роснефти=org",
      "ДПНИ=org",
      "КНДР=place",
    ]);
    expect(names("ru", "ЗАЯВЛЕНИЕ ПРАВИТЕЛЬСТВА ОПУБЛИКОВАНО")).toEqual([]);
  });

  it("takes a place inside an organisation's name as part of it, not as the place", () => {
    expect(names("fr", "La Banque de France relève ses prévisions.")).toEqual([
      "Banque de France=org",
    ]);
  });

  it("does not take a common noun after a head for an organisation", () => {
    // «حركة» is movement: the moon's is none; «правительств некоторых» is "some governments".
    expect(names("ar", "حركة القمر حول الأرض")).toEqual([]);
    expect(names("ru", "против выступили правительств некоторых стран")).toEqual([]);
  });

  it("in Arabic, takes a head and a nationality for a description, a head and its genitive for a name", () => {
    // «القوات الألمانية», the German forces, «الجيش اللبناني», the Lebanese army: no name.
    expect(names("ar", "انسحبت القوات الألمانية من المنطقة")).toEqual([]);
    expect(names("ar", "أعلن الجيش اللبناني انتشاره")).toEqual([]);
    // «وزارة الخارجية السورية»: the ministry of foreign affairs, then its country.
    expect(names("ar", "أعلنت وزارة الخارجية السورية")).toEqual(["وزارة الخارجية السورية=org"]);
    // A head with the article is in no construct: adjectives and «لل» follow it, not a noun.
    expect(names("ar", "قرر المجلس الأعلى للقضاء")).toEqual(["المجلس الأعلى للقضاء=org"]);
    expect(names("ar", "قصف الجيش المدينة ليلا")).toEqual([]);
  });
});

describe("countries by their official names", () => {
  it("takes the Russian Federation for Russia in each language, not for an organisation", () => {
    expect(ids("ar", "صوت الاتحاد الروسي ضد القرار")).toEqual(["country:RU"]);
    expect(ids("fa", "فدراسیون روسیه با این طرح مخالفت کرد")).toEqual(["country:RU"]);
    expect(ids("fr", "La Fédération de Russie a protesté.")).toEqual(["country:RU"]);
  });

  it("knows the countries by the names the news gives them, not only the formal or old ones", () => {
    expect(ids("ru", "Делегации Южной Кореи и Северной Кореи встретились.")).toEqual([
      "country:KR",
      "country:KP",
    ]);
    expect(ids("fr", "La Corée du Nord, la RDC et la Somalie.")).toEqual([
      "country:KP",
      "country:CD",
      "country:SO",
    ]);
    expect(ids("ar", "اشتباكات في الصومال وجنوب السودان")).toEqual(["country:SO", "country:SS"]);
    expect(ids("ru", "в Демократической Республике Конго и Киргизии")).toEqual([
      "country:CD",
      "country:KG",
    ]);
  });
});

describe("places in a list", () => {
  it("reads names joined to a place by «و», «и», 'and' or a comma as places too", () => {
    // Homs and Gaza are also words (chickpeas; «وغزة» a clitic on a short word): in a list of
    // places after «في», they are the cities.
    expect(names("ar", "غارات في حلب وإدلب وحمص وغزة")).toEqual([
      "حلب=place",
      "وإدلب=place",
      "وحمص=place",
      "وغزة=place",
    ]);
    // The commonest words stay words: «وكيف» is "and how", not Kyiv.
    expect(names("ar", "زار حلب وكيف يرى")).toEqual(["حلب=place"]);
    expect(names("ru", "Бои в Газе, Ракке и Эрбиле.")).toEqual([
      "Газе=place",
      "Ракке=place",
      "Эрбиле=place",
    ]);
    expect(names("ru", "Утечка газа в доме.")).toEqual([]);
    // Khartoum and El Fasher with the article, as Arabic writes them (GeoNames has neither).
    expect(names("ar", "اشتباكات في الخرطوم والفاشر")).toEqual(["الخرطوم=place", "والفاشر=place"]);
    // Towns of the war in Ukraine and Russia, by the names Arabic and Persian news give them.
    expect(names("ar", "قصف في خاركيف وزابوريجيا وكورسك")).toEqual([
      "خاركيف=place",
      "وزابوريجيا=place",
      "وكورسك=place",
    ]);
    expect(names("fa", "سیل در خرم‌آباد و شهرکرد")).toEqual(["خرم‌آباد=place", "شهرکرد=place"]);
    expect(names("fa", "نبرد در باخموت و پوکروفسک")).toEqual(["باخموت=place", "پوکروفسک=place"]);
  });
});

describe("a town of the region in each press's Latin spelling", () => {
  it("finds Jenin, Jénine and Azaz, which GeoNames writes Janīn and I‘zāz, as those towns", () => {
    expect(ids("en", "Raids in Jenin and Azaz overnight.")).toEqual([
      "geonames:283506",
      "geonames:172082",
    ]);
    expect(ids("fr", "Un raid a visé Jénine dans la nuit.")).toEqual(["geonames:283506"]);
  });
});

describe("a world city's names in other languages", () => {
  it("keeps French «Pékin» and «Vienne», not the short ones that are words of ours", () => {
    // «Seul» is Seoul in Portuguese and "alone" in French; "Sam" is Damascus in Turkish.
    expect(ids("fr", "Seul le président décide, a-t-on appris à Pékin et à Vienne.")).toEqual([
      "geonames:1816670",
      "geonames:2761369",
    ]);
    expect(names("en", "Sam and Jake waited at home.")).toEqual([]);
  });
});

describe("towns the gazetteer lacks", () => {
  it("in French, takes a capitalised word after «à» for a town, with its hyphens, but not a person spoken to or a feast", () => {
    expect(names("fr", "Le marché aux truffes s'est tenu hier à Richerenches.")).toEqual([
      "Richerenches=place",
    ]);
    expect(ids("fr", "Un incendie a éclaté à Corcelles-près-Payerne dans la nuit.")).toEqual([
      "name:place:corcelles-près-payerne",
    ]);
    // A person spoken to, a paper quoted, a feast, a title, a given name: no town.
    expect(names("fr", "Il a déclaré à Ouest-Éclair que rien ne changerait.")).toEqual([]);
    expect(names("fr", "Les vacances commencent à Pâques et finissent à Noël.")).toEqual([]);
    expect(names("fr", "La lettre fut remise à Madame Berthet.")).toEqual([]);
    expect(names("fr", "La lettre fut remise à Mgr Besson.")).toEqual([]);
    expect(names("fr", "Il a écrit à Juliette chaque semaine.")).toEqual([]);
    // After «en» or in English, a capitalised word is left alone.
    expect(names("fr", "Il habite en Zolvanie depuis dix ans.")).toEqual([]);
    expect(names("en", "He moved to Richerenches last year.")).toEqual([]);
  });
});

describe("provinces the Russian news names", () => {
  it("reads the province or region after a title as what the title is of, and the name after it as the holder's", () => {
    expect(names("ru", "Губернатор Томской области Игорь Соколов заявил")).toEqual([
      "Томской области=place",
      "Игорь Соколов=person",
    ]);
    expect(ids("ru", "Глава Чечни встретился с министром Татарстана.")).toEqual([
      "region:chechnya",
      "admin1:RU.73",
    ]);
    // A name in its own case after a title is the person's: "President Washington".
    expect(names("ru", "Тогда генерал Вашингтон отступил.")).toEqual(["Вашингтон=person"]);
  });

  it("finds an oblast, a krai or a republic in any case, and a neuter name in -ье", () => {
    // «Курской» alone is an adjective; the province is the one its noun follows.
    expect(names("ru", "Беспилотники сбиты над Курской и Белгородской областью.")).toEqual([
      "Белгородской областью=place",
    ]);
    expect(names("ru", "Обстрел в Белгородской области и в Краснодарском крае.")).toEqual([
      "Белгородской области=place",
      "Краснодарском крае=place",
    ]);
    expect(names("ru", "Власти Луганской области и Дагестана сообщили.")).toEqual([
      "Луганской области=place",
      "Дагестана=place",
    ]);
    expect(names("ru", "Жители Подмосковья и Запорожья.")).toEqual([
      "Подмосковья=place",
      "Запорожья=place",
    ]);
  });
});

describe("people offline", () => {
  it("finds a name after a title or office, past a nationality or a country", () => {
    expect(names("en", "General Mark Milley met President Ferdinand Marcos.")).toEqual([
      "Mark Milley=person",
      "Ferdinand Marcos=person",
    ]);
    expect(names("fr", "le ministre Gérald Darmanin et M. Paul Martin")).toEqual([
      "Gérald Darmanin=person",
      "Paul Martin=person",
    ]);
    expect(names("ru", "министр обороны Андрей Белоусов заявил")).toEqual([
      "Андрей Белоусов=person",
    ]);
    // «глава МВД»: the abbreviation after the office is its body, not the person.
    expect(names("ru", "Глава МВД Владимир Колокольцев провел совещание.")).toEqual([
      "МВД=org",
      "Владимир Колокольцев=person",
    ]);
    expect(names("ar", "قال الشيخ نعيم قاسم إن الوضع هادئ")).toEqual(["نعيم قاسم=person"]);
    expect(names("fa", "سردار حسین سلامی گفت")).toEqual(["حسین سلامی=person"]);
    // A profession is a title too; the object of the verb after it («حكما», a sentence) is none.
    expect(names("ar", "وغنى المطرب كاظم الساهر أغنية جديدة")).toEqual(["كاظم الساهر=person"]);
    expect(names("ar", "قال المدرب البرتغالي جوزيه مورينيو إن فريقه جاهز")).toEqual([
      "جوزيه مورينيو=person",
    ]);
    expect(names("ar", "وأصدر القاضي حكما بالسجن")).toEqual([]);
  });

  it("in Persian, finds a name set before its bearer's office, and stops a title at a known name", () => {
    expect(
      names("fa", "به گزارش خبرگزاری‌ها ، ماریا گونزالس وزیر خارجه اسپانیا فردا به تهران می‌آید"),
    ).toEqual(["ماریا گونزالس=person", "خارجه اسپانیا=org", "تهران=place"]);
    // One word before «وزیر» is a noun of the sentence («the minister's meeting»), not a name,
    // and so are common words: «the phone conversation of the president». (The interior
    // ministry, «کشور», is named by the title.)
    expect(names("fa", "نشست وزیر کشور با خبرنگاران لغو شد")).toEqual(["کشور=org"]);
    expect(names("fa", "گفت‌وگوی تلفنی رئیس‌جمهور ایران با رئیس‌جمهور ترکیه")).toEqual([
      "ایران=place",
      "ترکیه=place",
    ]);
    // «آقای احمدی رئیس‌جمهوری …»: the office after the name is no part of it.
    expect(names("fa", "آقای احمدی رئیس‌جمهوری اسلامی ایران گفت")).toEqual([
      "احمدی=person",
      "ایران=place",
    ]);
  });

  it("in Persian, reads «علی» as the given name Ali, but not in «علی رغم» (despite)", () => {
    expect(names("fa", "علی مطهری نماینده مجلس دیروز گفت")).toEqual(["علی مطهری=person"]);
    expect(names("fa", "آقای علی مطهری پاسخ داد")).toEqual(["علی مطهری=person"]);
    expect(names("fa", "او علی رغم همه مشکلات آمد")).toEqual([]);
    // Arabic writes «على» (on) with ى, but often as «علي» too: there the word stays a particle.
    expect(names("ar", "حصل علي جائزة كبيرة")).toEqual([]);
  });

  it("in Persian, takes a word built on a family name's ending (-zadeh, -pour, -nejad) for a name", () => {
    expect(names("fa", "به گفته رضا ابراهیم‌پور این طرح تصویب شد")).toEqual([
      "رضا ابراهیم‌پور=person",
    ]);
    expect(names("fa", "تاج‌زاده افزود که جلسه فردا برگزار می‌شود")).toEqual(["تاج‌زاده=person"]);
    // The endings alone are words: race, born, son.
    expect(names("fa", "نژاد و زاده و پور")).toEqual([]);
  });

  it("in Arabic, finds a foreigner's name after the adjective of their nation, but not the sentence going on", () => {
    expect(names("ar", "وفاز العداء الكيني إيلود كيبسانغ بالسباق")).toEqual([
      "إيلود كيبسانغ=person",
    ]);
    expect(names("ar", "واستقبل الوزير نظيرته النرويجية إنغريد سولبرغ أمس")).toEqual([
      "إنغريد سولبرغ=person",
    ]);
    // A tanween, two accusatives, a pronoun attached: no name takes them.
    expect(names("ar", "تحملت المنظومة المصرية عبئًا جبارًا")).toEqual([]);
    expect(names("ar", "تراجع المنتخب الألماني دفاعا وهجوما")).toEqual([]);
    expect(names("ar", "حسمها الفريق المصري لمصلحته")).toEqual([]);
    // A headline's verb after the subject and its adjective: «تعلن» (announces) is no name.
    expect(names("ar", "الخارجية الروسية تدين قصف المدينة")).toEqual([]);
  });

  it("in Arabic, finds the speaker after a verb of saying, but not a role, a source or the office's words", () => {
    // Arabic puts the verb first: after «وقال» comes who said it.
    expect(names("ar", "وقال كوستاس ميتروبولوس إن المحادثات كانت مفيدة")).toEqual([
      "كوستاس ميتروبولوس=person",
    ]);
    expect(names("ar", "وقال مصدر أمني إن الهجوم وقع فجرا")).toEqual([]);
    expect(names("ar", "وقالت الوكالة إن الهجوم وقع فجرا")).toEqual([]);
    // «وزير خارجيتها», its foreign minister: the word with a pronoun is the office's.
    expect(names("ar", "وأكد وزير خارجيتها كوستاس ميتروبولوس أن بلاده مستعدة")).toEqual([
      "كوستاس ميتروبولوس=person",
    ]);
    // After a title and a nationality, a common word is the sentence going on, not a name.
    expect(names("ar", "وكانت الوزيرة الأميركية تحمل رسالة واضحة")).toEqual([]);
    // Nor a verb of saying, a feminine plural or a role after a name; nor a newspaper after the verb.
    expect(names("ar", "وكانت الوزيرة الفرنسية أعلنت أمس أن الاتفاق قريب")).toEqual([]);
    expect(names("ar", "أجرى وزير خارجية مصر مفاوضات طويلة")).toEqual(["مصر=place"]);
    expect(names("ar", "وأوضح سمير حداد عضو اللجنة أن")).toEqual(["سمير حداد=person"]);
    expect(names("ar", "وذكرت صحيفة تشرين أن")).toEqual([]);
    // «وزير خارجية مصر»: the title without the article takes its portfolio and country.
    expect(names("ar", "وقال وزير خارجية مصر سامح شكري إن")).toEqual([
      "مصر=place",
      "سامح شكري=person",
    ]);
  });

  it("takes no organisation's word after a title for a name", () => {
    expect(
      names("en", "The General Assembly met, General Motors fell and the Premier League resumed."),
    ).toEqual([]);
  });

  it("in Persian, finds a name after a common Persian given name, but not after one that is a word", () => {
    expect(names("fa", "سهیلا رضوی و شهرام کریمی آمدند.")).toEqual([
      "سهیلا رضوی=person",
      "شهرام کریمی=person",
    ]);
    // «ستاره» (star) and «بهمن» (a month) are names too, and words first.
    expect(names("fa", "ستاره درخشانی در آسمان بود.")).toEqual([]);
    expect(names("fa", "بهمن ماه امسال سرد بود.")).toEqual([]);
  });

  it("in Arabic, ends a name at a noun with a pronoun attached or at a verb in the present", () => {
    expect(names("ar", "والتقى محمد زوجته في المطار")).toEqual([]);
    expect(names("ar", "د. عمرو خالد يكتب عن الطب")).toEqual(["عمرو خالد=person"]);
  });

  it("finds a common given name before a capitalised surname, and initials before a surname", () => {
    expect(names("fr", "Selon Jean Dupont, la réunion est reportée.")).toEqual([
      "Jean Dupont=person",
    ]);
    expect(names("fr", "Didier Vallon et Agnès Moreau sont arrivés.")).toEqual([
      "Didier Vallon=person",
      "Agnès Moreau=person",
    ]);
    expect(names("ru", "Об этом сообщил Сергей Иванов, а В. И. Петров промолчал.")).toEqual([
      "Сергей Иванов=person",
      "В. И. Петров=person",
    ]);
    // A surname a town also bears (Martin in Slovakia), even opening a sentence.
    expect(names("en", "Sales fell. Peter Martin, an analyst, said so.")).toEqual([
      "Peter Martin=person",
    ]);
  });

  it("in Russian, takes a capitalised word with a surname's ending inside a sentence for a surname", () => {
    expect(names("ru", "Об этом заявил журналистам Свиридов, а позже и Коваленко.")).toEqual([
      "Свиридов=person",
      "Коваленко=person",
    ]);
    expect(names("ru", "Дело передали Дурову и Таврину.")).toEqual([
      "Дурову=person",
      "Таврину=person",
    ]);
    // Towns end so too, and the gazetteer knows them; a sentence's first word may be anything.
    expect(names("ru", "Из Кишинева и Ростова выехали.")).toEqual([
      "Кишинева=place",
      "Ростова=place",
    ]);
    expect(names("ru", "Петров приехал в Москву.")).toEqual(["Москву=place"]);
  });

  it("finds a person named once in full again by surname alone, in any case form", () => {
    expect(names("en", "Sergei Shoigu arrived; later Shoigu said little.")).toEqual([
      "Sergei Shoigu=person",
      "Shoigu=person",
    ]);
    expect(names("ru", "Андрей Белоусов приехал. Белоусова встретили в Минске.")).toEqual([
      "Андрей Белоусов=person",
      "Белоусова=person",
      "Минске=place",
    ]);
  });

  it("finds the leaders of the region by their names, and keeps an office without a name empty", () => {
    expect(names("ar", "والرئيس بشار الأسد التقى بوتين")).toEqual([
      "بشار الأسد=person",
      "بوتين=person",
    ]);
    // «رئیس‌جمهوری آمریکا درست پس از …»: an office, a country, then no name.
    expect(names("fa", "رئیس‌جمهوری آمریکا درست پس از رکود")).toEqual(["آمریکا=place"]);
    // «نظيره الروسي», his Russian counterpart: a noun, for a name takes no such adjective.
    expect(names("ar", "يلتقي الوزير نظيره الروسي في موسكو")).toEqual(["موسكو=place"]);
    // «الفريق» is a rank and "the team": no person after it.
    expect(names("ar", "فاز الفريق المصري على منافسه")).toEqual([]);
  });
});

describe("the watchlist beside the built-in entries", () => {
  it("makes a watched organisation one entity under all its built-in names too", () => {
    const watched = watchlistEntries([
      { id: "hzb", type: "group", name: "Hezbollah", aliases: {}, alert: true },
    ]);
    const beside = new Matcher([...watched, ...builtinEntriesBeside(watched)]);
    const seen = (text: string, language: string) =>
      findEntities(beside, text, language).map((m) => m.entity.id);
    // "Hezbollah" is the operator's; «حزب الله» and «Хезболла» only the built-in list knows.
    expect(seen("Hezbollah said", "en")).toEqual(["watch:hzb"]);
    expect(seen("قال حزب الله", "ar")).toEqual(["watch:hzb"]);
    expect(seen("Хезболла заявила", "ru")).toEqual(["watch:hzb"]);
  });
});

describe("Arabic words that are also small towns", () => {
  it("reads «في إطار» (within the framework) as the phrase, not as the town of Atar", () => {
    expect(names("ar", "تم ذلك في إطار التعاون بين البلدين")).toEqual([]);
    // A town of that size whose name is no common word is still found after «في».
    expect(names("ar", "انفجار في زاخو")).toEqual(["زاخو=place"]);
  });
});

describe("the place a name means", () => {
  it("takes a capital by its French name before a small foreign town or a province that bears it", () => {
    // «Pékin» is Beijing, not Pekin, Illinois; «Kiev» the capital, not its oblast.
    expect(ids("fr", "Des diplomates à Pékin, à Kiev, à Beyrouth et à Lisbonne.")).toEqual([
      "geonames:1816670",
      "geonames:703448",
      "geonames:276781",
      "geonames:2267057",
    ]);
    // A state or province still goes before a foreign town of its name.
    expect(ids("en", "Floods in Virginia.")).toEqual(["admin1:US.VA"]);
    // Unless the text names the town's country or its part of it (Manchester, not Jamaica's).
    expect(ids("en", "They won in Manchester, England.")).toEqual([
      "geonames:2643123",
      "region:england",
    ]);
    // Provinces named with an everyday word: the Isle of Man's German, Burkina Faso's Est.
    expect(ids("en", "He was shot by a German sniper.")).toEqual([]);
    expect(ids("fr", "à 5 h, heure de l'Est, la tempête tourne vers le Nord")).toEqual([]);
  });
});

describe("districts and towns named with words", () => {
  it("takes a district named with an adjective or a word for a place only after a word of place", () => {
    // Moscow's districts «Северный» (northern) and «Калининский», Tehran's «اندیشه» (thought).
    expect(names("ru", "Северный ветер усилился к вечеру.")).toEqual([]);
    expect(names("ru", "Калининский суд вынес приговор.")).toEqual([]);
    expect(names("fa", "او از آزادی اندیشه و بیان دفاع کرد.")).toEqual([]);
    expect(names("fa", "در شهر اندیشه سیل آمد.")).toEqual(["اندیشه=place"]);
  });

  it("in Russian, reads a town named with an adjective as the adjective before a noun, the town after a preposition", () => {
    expect(names("ru", "Советский режим пал в 1991 году.")).toEqual([]);
    expect(names("ru", "Мирный житель погиб при обстреле.")).toEqual([]);
    expect(names("ru", "В Мирном открыли новую школу.")).toEqual(["Мирном=place"]);
    // A city as large as Grozny is the city even as the subject.
    expect(names("ru", "Грозный встретил гостей.")).toEqual(["Грозный=place"]);
  });
});

describe("Persian and Arabic words that are also places", () => {
  it("reads «مالی» as 'financial' and takes it for Mali only after a word of place", () => {
    expect(names("fa", "حمایت‌های مالی دولت از شرکت‌ها ادامه دارد")).toEqual([]);
    expect(names("ar", "قدم البنك دعما مالي كبيرا")).toEqual([]);
    expect(ids("fa", "نیروهای فرانسوی از کشور مالی خارج شدند")).toEqual(["country:ML"]);
    expect(ids("ar", "هجوم مسلح في مالي")).toEqual(["country:ML"]);
    // After a verb of visiting; after a word with the article, which an adjective would share.
    expect(ids("ar", "زار الوفد مالي الشهر الماضي")).toEqual(["country:ML"]);
    expect(names("ar", "يعاني البلد من عجز مالي كبير")).toEqual([]);
  });

  it("takes no letter of a Persian word for Arabic's attached preposition", () => {
    // «بروم» is "(that) I go", not «ب» + «روم» (in Rome); Persian writes «به» apart.
    expect(names("fa", "باید فردا به مدرسه بروم")).toEqual([]);
    expect(ids("ar", "عقد الاجتماع بروما")).toEqual(["geonames:3169070"]);
  });

  it("reads a plural with its ezafe («آبهای», waters of) as the noun, not as a town", () => {
    expect(names("fa", "طوفان بر آبهای گرم خلیج حرکت کرد")).toEqual([]);
    expect(names("fa", "سیل در ابها")).toEqual(["ابها=place"]);
  });

  it("reads a square and an adjective of nationality as words, not as foreign towns", () => {
    // Medan's and Surrey's names in Arabic script: «ميدان» (a square), «سوری» (Syrian).
    expect(names("ar", "تظاهرات في ميدان التحرير")).toEqual([]);
    expect(names("fa", "نیروهای کرد و عرب سوری")).toEqual([]);
  });
});

describe("English words that are also towns", () => {
  it("reads neither 'the Union' nor the second half of 'Mega-Deal' as a place", () => {
    expect(names("en", "The president gave the State of the Union address.")).toEqual([]);
    expect(names("en", "Shares rose after the Mega-Deal was announced.")).toEqual([]);
    expect(names("en", "He flew to the Hague on Monday.")).toEqual(["Hague=place"]);
  });

  it("reads a small town named with a common word as the word, the firm or the person", () => {
    // Police (Poland), Honda (Colombia), Moore (Oklahoma); a word of place makes them towns.
    expect(names("en", "Police said Honda and BMW would cut jobs, Tom Moore reported.")).toEqual(
      [],
    );
    expect(names("en", "Homes were flooded in Police.")).toEqual(["Police=place"]);
  });

  it("takes Oregon for the state, not the Ohio town of that name far from its seat", () => {
    expect(ids("en", "A museum in McMinnville, Oregon, opened.")).toContain("admin1:US.OR");
    expect(ids("fr", "Il est originaire de Californie et d'Oregon.")).toContain("admin1:US.OR");
  });

  it("reads 'in March' and 'on Sunday' as the month and the day, not as towns", () => {
    expect(names("en", "The vote is expected in March, and again on Sunday.")).toEqual([]);
    expect(names("en", "Police in Reading said a man was arrested.")).toEqual(["Reading=place"]);
  });

  it("finds the seas, rivers and lands English names with 'the', as it does the countries", () => {
    expect(
      names("en", "Ships in the Red Sea and the Persian Gulf were attacked near the West Bank."),
    ).toEqual(["Red Sea=place", "Persian Gulf=place", "West Bank=place"]);
    expect(names("en", "The Nile and the Euphrates run low; the Sahel is dry.")).toEqual([
      "Nile=place",
      "Euphrates=place",
      "Sahel=place",
    ]);
  });

  it("reads a given name or a common surname a town bears as the name, but the town after 'in'", () => {
    expect(names("en", "Her son Tyler was 13 when Sterling scored.")).toEqual([]);
    expect(names("en", "A storm hit homes in Tyler, Texas.")).toEqual([
      "Tyler=place",
      "Texas=place",
    ]);
  });

  it("takes Virginia for the American state, not the South African town of that name", () => {
    const found = findEntities(
      matcher,
      "Officials in Richmond, Virginia, said Virginia is wet.",
      "en",
    );
    expect(found.filter((m) => m.surface === "Virginia").map((m) => m.entity.id)).toEqual([
      "admin1:US.VA",
      "admin1:US.VA",
    ]);
  });
});
