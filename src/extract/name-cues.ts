/**
 * Words that announce a person's or an organisation's name, per language, from the grammar and
 * naming customs of each: a title or office before a name, the head noun an organisation's name
 * is built on, the given names common enough to mark the word after them as a surname. Folded
 * for comparison: lower case, Arabic-script letters folded (see `foldArabic`), ё as е.
 */
import { wordRank } from "../lib/common-words.js";
import { perWord } from "../lib/per-word.js";
import { foldArabic } from "./arabic.js";
import { foldLatin } from "./latin.js";

const set = (words: string) =>
  new Set(
    words
      .split(/\s+/)
      .filter(Boolean)
      .map((w) => fold(w)),
  );

export const fold = perWord((word: string): string =>
  foldArabic(word.toLowerCase().replace(/ё/g, "е").replace(/[’]/g, "'")),
);

/** Among French's commonest words, accents aside («Libération», «Suprême»). */
export const frenchWord = (word: string) => wordRank("fr", foldLatin(word)) !== undefined;

/** Titles and offices written before a name in Latin-script text (en, fr). */
export const LATIN_TITLES = set(`president minister general sheikh ayatollah colonel senator king
  queen prince princess pope chancellor ambassador commander judge mr mr. mrs mrs. ms ms. dr dr.
  governor mayor imam emir sultan patriarch cardinal bishop rabbi lieutenant captain
  admiral marshal spokesman spokeswoman
  président présidente ministre général cheikh colonel roi reine prince princesse pape chancelier
  ambassadeur commandant juge m. mm. mme mme. mlle docteur gouverneur maire imam émir sultan
  patriarche cardinal évêque capitaine lieutenant maréchal conseiller conseillère député députée
  sénateur sénatrice porte-parole`);

/**
 * Capitalised words that are never a person's name though a title may stand before them
 * ("General Assembly", "General Motors", "Premier League", "Secretary General").
 */
export const NOT_NAMES = set(`assembly motors electric league staff general secretary minister
  president office house hospital court council committee party union army forces guard
  assemblée générale conseil ministre président cour`);

/** Russian titles and offices, as stems: every case form starts with one («президента»). */
export const RUSSIAN_TITLE_STEMS = [
  "президент",
  "премьер",
  "министр",
  "генерал",
  "полковник",
  "председател",
  "патриарх",
  "корол",
  "принц",
  "канцлер",
  "посол",
  "посла",
  "губернатор",
  "мэр",
  "депутат",
  "сенатор",
  "господин",
  "г-н",
  "г-жа",
  "шейх",
  "аятолл",
  "имам",
  "эмир",
  "султан",
  "генсек",
  "спикер",
  "пресс-секретар",
  "директор",
  "глав",
  "лидер",
  "тренер",
  "капитан",
  "адмирал",
  "маршал",
];

/**
 * Arabic titles and offices before a name (with the article, as written). Not «الفريق» (also
 * "the team"), nor «رئيس», «نائب», «مستشار» (head, deputy, adviser of anything: a noun follows).
 */
export const ARABIC_TITLES = set(`الرئيس الرئيسة الوزير الوزيرة وزير وزيرة الشيخ الملك الملكة الأمير
  الأميرة اللواء العميد العقيد المشير الجنرال السيد السيدة الدكتور الدكتورة الإمام المرشد
  السفير العاهل الداعية آية
  الفنان الفنانة اللاعب اللاعبة المدرب الكاتب الكاتبة الشاعر الشاعرة المخرج الممثل الممثلة
  المطرب المطربة النجم النجمة الروائي الصحفي الصحافي المحامي القاضي الرائد المقدم النقيب`);

/** Persian titles that are followed by the name itself. */
export const PERSIAN_TITLES = set(`آیت‌الله آیت‌اللّه آیت حجت‌الاسلام حجت‌الاسلام‌والمسلمین سردار
  سرلشکر سرتیپ سرهنگ دکتر آقای خانم شیخ مهندس ژنرال`);

/**
 * Persian offices: the country or the portfolio comes after them more often than the name
 * («رئیس‌جمهوری آمریکا», «وزیر امور خارجه»), so a name is taken only when a given name follows.
 */
export const PERSIAN_OFFICES = set(`رئیس‌جمهور رئیس‌جمهوری نخست‌وزیر وزیر دبیرکل سفیر سخنگوی
  ملکه شاه شاهزاده پادشاه امیر`);

/** Arabic verbs of saying, after which (verb before subject) the speaker is named. */
export const ARABIC_SAYING = set(`قال قالت أكد أكدت أعلن أعلنت أضاف أضافت أوضح أوضحت صرح صرحت ذكر
  ذكرت أشار أشارت وصف وصفت اعتبر اعتبرت رأى رأت حذر حذرت دعا دعت نفى نفت`);

/** Who is said to speak when no name is given: a role, a source, a witness, a newspaper. */
export const ARABIC_ROLES = set(`مراسل مصدر مصادر مسؤول مسؤولون متحدث ناطق مندوب ممثل مدير رئيس
  نائب عضو قائد شهود شاهد بيان تقرير وزير مستشار خبير خبراء محلل محللون سكان مواطن مواطنون
  مسعفون أطباء طبيب ضابط جندي جنود مقاتلون ناشطون ناشط محامي صحيفة مجلة قناة إذاعة وكالة`);

/** Offices written after their holder's name in Persian news («…، وزیر کشور»). */
export const PERSIAN_OFFICES_AFTER = set(`وزیر نخست‌وزیر رئیس‌جمهور رئیس‌جمهوری دبیرکل سفیر سخنگوی
  معاون نماینده فرمانده رئیس مدیرکل`);

/** Words that end a name in Arabic and Persian: particles, pronouns, frequent verbs of saying. */
export const ARABIC_SCRIPT_STOP = set(`في من على إلى الى عن مع أن إن ان أنه انه قال وقال قالت أكد
  أعلن دعا زار التقى بحث استقبل أشار أضاف أوضح شدد وصل غادر اجتمع يقول يؤكد يعلن يزور يلتقي
  الذي التي الذين خلال بعد قبل حول ضد بين عند منذ حتى كان كانت هو هي لم لن قد ما لا أمس اليوم
  و ثم أو أي كل هذا هذه ذلك تلك إنه له لها بأن
  و در از به با که را این آن برای تا بر است بود شد گفت کرد کرده می‌گوید افزود اظهار داشت
  نیز هم یا اما ولی اگر چون پس پیش روز دیروز امروز وی او آنها ما شما خود نه هر همه
  همان همین چنین چنان تحت طی توسط بدون درباره علیه نزد میان بین روی زیر رغم`);

/**
 * Whether a word of Arabic script ends a name. Folding makes the name Ali, in Persian «علی», one
 * with Arabic «على» (on); Persian has no such preposition but in set phrases («علی‌رغم»), where
 * Arabic news often writes ى as ي: only the Persian spelling is surely the name.
 */
export function stopsName(word: string): boolean {
  return ARABIC_SCRIPT_STOP.has(fold(word)) && word !== "علی";
}

/**
 * Arabic adjectives of nationality (masculine; the feminine adds ة). After a title they belong to
 * it («الرئيس السوري»); after a noun they show it is a noun («نظيره الروسي», his Russian
 * counterpart), for a name takes no such adjective.
 */
export const ARABIC_NATIONALITIES = new Set(
  `الروسي السوري الأمريكي الاميركي الأميركي الامريكي الإيراني الايراني العراقي التركي الفرنسي
  البريطاني الألماني الالماني الصيني الإسرائيلي الاسرائيلي الفلسطيني اللبناني المصري السعودي
  الأردني الاردني اليمني الليبي القطري الإماراتي الكويتي البحريني العماني التونسي الجزائري
  المغربي السوداني الباكستاني الأفغاني الهندي الياباني الأوكراني الاوكراني الإيطالي الإسباني
  الأوروبي الاوروبي الكردي السويدي الهولندي اليوناني البرازيلي الأرجنتيني البرتغالي البلجيكي
  السويسري النمساوي الدنماركي النرويجي الفنلندي البولندي التشيكي المجري الروماني البلغاري
  الصربي الكرواتي الكندي الأسترالي المكسيكي الكوري النيجيري الكاميروني الإثيوبي الكيني
  السنغالي الغاني الإيفواري الأفريقي الإندونيسي الماليزي الإيرلندي الأرمني الجورجي الأذربيجاني
  الشيشاني الفنزويلي الكولومبي التشيلي`
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((w) => [fold(w), fold(`${w}ة`)]),
);

/**
 * Persian light verbs: the word before one is the noun of a compound verb («اعلام کرد», made an
 * announcement), never part of a name.
 */
export const PERSIAN_LIGHT_VERBS = set(`کرد کردند کرده کند کنند می‌کند می‌کنند کردن شد شدند شده شود
  شوند می‌شود داد دادند داده دهد می‌دهد گرفت گرفتند گرفته زد زدند داشت داشتند دارد دارند`);

/**
 * Given names common in the region and in the news, in Arabic script. Not the Western names that
 * are Persian words too: جان (life), پل (bridge), پیر (old); nor Persian names that are everyday
 * words in Persian or Arabic (ستاره, star; بهمن, a month; امیر, commander; اکبر, greater;
 * اصغر, smaller; وحید, sole).
 */
export const ARABIC_SCRIPT_GIVEN = set(`محمد أحمد احمد علي حسن حسين عبد عبدالله عمر خالد سعيد محمود
  مصطفى إبراهيم ابراهيم يوسف سعد فهد ناصر جمال كمال صالح سلمان طارق وليد زياد نبيل عادل
  هشام أسامة اسامة عمرو مروان بشار نوري جلال مسعود هادي حيدر عباس جعفر قاسم كريم فاطمة عائشة
  خديجة مريم زينب سمية ليلى هدى رجب رضا مهدي جواد حميد مجيد کاظم صادق منوچهر
  بهرام داریوش فریدون پرویز هوشنگ زهرا معصومه ولادیمیر جورج بیل دونالد باراک کوفی
  ماریا جیمز دیوید پیتر مایکل رابرت ریچارد توماس ژان فرانسوا امانوئل آنگلا ترزا
  بوریس سرگئی دیمیتری الکساندر
  فلاديمير جورج بيل دونالد باراك كوفي توني نيكولا إيمانويل
  محسن علی‌اکبر محمدرضا علیرضا حمیدرضا غلامرضا غلامحسین عزت‌الله نعمت‌الله روح‌الله
  حبیب‌الله فضل‌الله مهرداد کوروش بهروز جمشید سیاوش کامران کیوان شاهرخ فرهاد فرشید فرزاد بیژن
  کاوه آرش بابک رامین شهرام مرتضی مجتبی یحیی اسماعیل داوود داود سلیمان باقر تقی نقی هاشم
  منصور ایرج اردشیر فرامرز کیومرث شاپور مهران حامد مهدیه سهیلا نسرین پروین مهناز شهلا ژاله
  زینب طاهره منیژه تهمینه سیمین پوران گلشیفته مهسا`);

/** Latin-script given names common in the news (French, English, and romanised Arabic). */
export const LATIN_GIVEN = set(`jean pierre jacques michel paul louis françois philippe nicolas
  emmanuel marine alain bernard henri charles georges andré marie anne catherine isabelle nathalie
  sophie françoise christine laurent olivier patrick thierry éric eric christophe stéphane
  john james robert michael william david richard joseph thomas george donald barack joe hillary
  boris tony gordon theresa angela vladimir sergei sergey dmitry recep benjamin ali mohammed
  mohamed muhammad ahmed ahmad hassan hussein omar abdullah khaled mahmoud mustafa ibrahim youssef
  saad fahd nasser salman hamad tariq walid bashar nouri masoud abbas qassem hadi mahmoud hassan
  kofi ban antónio antonio xi
  alexander alexandre lee dan daniel marcus elizabeth madeleine dario peter mark matthew andrew
  steven stephen kevin brian edward ronald anthony christopher kenneth george jack harry oliver
  charlotte emma olivia sarah jessica jennifer laura lisa karen susan margaret mary patricia linda
  barbara helen nancy betty emily rachel rebecca victoria kate hugo victor léon marcel lucien
  gérard claude yves roger rené maurice raymond robert edouard édouard guillaume antoine julien
  maxime mathieu sébastien vincent frédéric jérôme arnaud hélène monique jacqueline simone
  martine valérie sylvie céline julie camille léa manon chloé juliette louise pauline jeanne
  marguerite suzanne germaine denise odette yvonne giuseppe giovanni marco luca paolo carlos juan
  jose josé luis miguel manuel francisco pedro hans klaus jürgen helmut wolfgang friedrich karl
  heinrich otto franz johann lars sven erik ivan igor yuri mikhail nikolai alexei viktor oleg
  pavel andrei kim lin wang li zhang chen yitzhak shimon ariel ehud moshe abdel abdul
  albert alfred émile emile eugène ernest gustave jules auguste gaston fernand guy marc luc bruno
  didier serge pascal gilles hervé denis francis fabrice franck xavier benoît cédric oscar
  léopold gabriel félix arthur alphonse armand clément adrien romain nicole brigitte danielle
  ségolène agnès élisabeth`);

/** Russian given names (nominative); their case forms are recognised by ending. */
export const RUSSIAN_GIVEN = [
  "владимир",
  "александр",
  "сергей",
  "дмитрий",
  "андрей",
  "алексей",
  "михаил",
  "николай",
  "иван",
  "евгений",
  "виктор",
  "юрий",
  "олег",
  "игорь",
  "павел",
  "борис",
  "анатолий",
  "геннадий",
  "вячеслав",
  "валерий",
  "василий",
  "константин",
  "максим",
  "роман",
  "егор",
  "георгий",
  "григорий",
  "леонид",
  "петр",
  "рамзан",
  "дональд",
  "барак",
  "джордж",
  "ангела",
  "эммануэль",
  "мария",
  "анна",
  "елена",
  "ольга",
  "татьяна",
  "наталья",
  "ирина",
  "светлана",
  "екатерина",
  "валентина",
  "людмила",
  "галина",
  "мишель",
  "станислав",
  "ярослав",
  "владислав",
  "артем",
  "антон",
  "кирилл",
  "илья",
  "никита",
  "федор",
  "степан",
  "тимур",
  "руслан",
  "эдуард",
  "вадим",
  "денис",
  "аркадий",
  "семен",
  "лев",
  "джеймс",
  "джон",
  "уильям",
  "генри",
  "франсуа",
  "николя",
  "жан",
  "пьер",
  "реджеп",
  "биньямин",
  "али",
  "мухаммед",
  "ахмед",
  "хасан",
  "юлия",
  "марина",
  "дарья",
  "алла",
  "лариса",
  "нина",
  "вера",
  "надежда",
  "любовь",
  "ксения",
  "диана",
];

/** Heads of organisation names in Latin script, capitalised, then "of"/«de» and the name. */
export const LATIN_ORG_HEADS = set(`ministry department council committee commission agency bank
  university party front army office court authority organisation organization union federation
  association institute
  ministère conseil banque parti front agence commission comité cour tribunal université fédération
  union organisation office institut musée direction département assemblée armée mouvement
  société compagnie caisse chambre syndicat ligue confédération église galerie académie`);

/** French organisation names are a head and an adjective: «Parti socialiste», «Assemblée nationale». */
export const FRENCH_ORG_ADJECTIVE =
  /^\p{Ll}+(?:al|ale|aux|ales|iste|istes|ique|iques|ien|ienne|aire|aires|el|elle|ais|aise|ain|aine|ral|rale|éral|érale)$/u;

/** Russian organisation heads, as stems (every case form starts with one). */
export const RUSSIAN_ORG_STEMS = [
  "министерств",
  "парти",
  "служб",
  "агентств",
  "комитет",
  "комисси",
  "банк",
  "университет",
  "фонд",
  "правительств",
  "фронт",
  "движени",
  "управлени",
  "прокуратур",
  "ведомств",
  "корпораци",
  "компани",
  "концерн",
  "академи",
];

/** Pronouns and determiners: «правительств некоторых стран» names no organisation. */
export const RUSSIAN_DETERMINERS = set(`некоторых всех других этих своих наших ваших многих таких
  этого того которых которого каких каждого одного иных прочих разных`);

/** Russian acronyms of state bodies, each an organisation on its own. */
export const RUSSIAN_ORG_ACRONYMS = new Set([
  "МИД",
  "МВД",
  "МЧС",
  "СК",
  "ЦИК",
  "ВКС",
  "ВМФ",
  "ВВС",
  "КГБ",
  "НКВД",
  "Минобороны",
  "Минфин",
  "Минюст",
  "Минздрав",
  "Минэнерго",
  "Генштаб",
  "Росгвардия",
  "Роскомнадзор",
]);

/**
 * Russian abbreviations of states and regions, which the rule for abbreviations (an
 * organisation's) must leave alone where the gazetteer does not already know them.
 */
export const RUSSIAN_PLACE_ACRONYMS = new Set([
  "КНДР",
  "КНР",
  "ФРГ",
  "ГДР",
  "ЮАР",
  "ДНР",
  "ЛНР",
  "РСФСР",
  "ЦАР",
  "УССР",
  "БССР",
]);

/**
 * Arabic organisation heads: the words after them, in the construct state, make the name. Not
 * «حركة» (movement: «حركة القمر», the moon's) nor «رئيس».
 */
export const ARABIC_ORG_HEADS = set(`وزارة هيئة مجلس حزب جبهة منظمة جامعة شركة مؤسسة بنك مصرف
  وكالة جيش قوات اتحاد الاتحاد لجنة اللجنة محكمة المحكمة جماعة تنظيم كتائب سرايا ألوية فيلق
  مديرية المجلس الجيش القوات نادي النادي`);

/** Persian organisation heads, followed by the name they head (ezafe, unwritten). */
export const PERSIAN_ORG_HEADS = set(`وزارت سازمان حزب شرکت دانشگاه مجلس سپاه بانک خبرگزاری ارتش
  نیروی کمیسیون کمیته شورای اتحادیه دادگاه جبهه جنبش قوه فدراسیون کنفدراسیون انجمن بنیاد
  مؤسسه موسسه ستاد دیوان صندوق باشگاه`);

/**
 * Persian ministries' portfolios: «وزیر X» (minister of X) names the ministry «وزارت X», and its
 * holder's title carries it: «وزیر امور خارجه», «وزیر فرهنگ و ارشاد اسلامی», «وزیر کشور».
 */
export const PERSIAN_PORTFOLIOS = set(`امور خارجه کشور دفاع فرهنگ ارشاد اقتصاد اقتصادی دارایی نفت
  نیرو کار بهداشت درمان آموزش پرورش علوم تحقیقات فناوری راه ترابری مسکن شهرسازی صنایع صنعت معادن
  معدن تجارت بازرگانی کشاورزی جهاد اطلاعات دادگستری ارتباطات رفاه تعاون ورزش جوانان میراث
  پست تلگراف تلفن`);

/**
 * Arabic portfolios, which a minister's title without the article takes in construct: «وزير
 * خارجية روسيا» (Russia's foreign minister), «وزيرة صحة». The word is the office's, not a name.
 */
export const ARABIC_PORTFOLIOS = set(`خارجية داخلية دفاع مالية عدل صحة تعليم تربية اقتصاد نفط
  إعلام اعلام ثقافة زراعة تجارة صناعة نقل عمل سياحة رياضة شباب أوقاف اوقاف اتصالات كهرباء إسكان
  اسكان بيئة طاقة خزانة دولة`);
