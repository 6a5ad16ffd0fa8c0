/**
 * Words around a name that tell a place from a person or a common word, per language, in the
 * keys the matcher compares (folded Latin, lower-case Cyrillic, folded Arabic script).
 */
import { nameKeySequences, textKeys } from "./normalize.js";

// Each word as written and, in Russian, in each of its case forms («органами», «службы»).
const keys = (list: string) =>
  new Set(
    list
      .split(/\s+/)
      .filter(Boolean)
      .flatMap((w) => [...textKeys(w), ...nameKeySequences(w).flat()]),
  );

/** The word "and" between two names of a list (Arabic script writes «و» onto the name). */
export const AND = keys(`and et и و`);

/**
 * A preposition of place, a place noun or a verb of visiting just before a name: «في», «در»,
 * «в», "near", «زار» (visited).
 */
export const LOCATIVE = keys(`in at near from to into outside across toward towards around
  à en de près vers dans depuis entre
  в во из под около возле у город города области
  في من إلى الى قرب بمدينة مدينة محافظة بلدة شمال جنوب شرق غرب دولة جمهورية زار زارت يزور تزور
  در از به شهر استان شهرستان نزدیک کشور`);

/** English nouns of a place that name it after "of": "the town of Hit". */
export const PLACE_NOUN = keys(`town towns city cities village villages province district port
  region county suburb`);

/**
 * «إلى» (to) takes a place after a verb of motion, and a verbal noun after every other verb
 * («دعا إلى وقف», called for a halt): before a name that is also a word, it is no cue.
 */
export const DESTINATION = keys("إلى الى");

/** A title before a name makes it a person's: "Mr Jackson", «السيد», «آقای». */
export const PERSON_TITLE = keys(`mr mrs ms dr sir lady president minister king prince general
  m mme mlle monsieur madame président ministre roi général
  господин госпожа г-н г-жа президент премьер министр генерал
  السيد السيدة الشيخ الرئيس الملك الأمير الوزير رئيس
  آقای خانم رئیس‌جمهور رئیس‌جمهوری وزیر`);

/**
 * A word that heads an organisation's name: the place after it names the organisation, as in
 * «جامعة كامبريدج», «دانشگاه تبریز», "Bank of America", «суд Москвы», «كأس أمم أفريقيا».
 */
export const ORGANISATION_HEAD = keys(`bank university club team cup stadium dynamo
  organisation organization agency ministry council committee party company corporation
  institute association
  banque université club équipe coupe stade agence ministère conseil comité parti société
  institut
  банк университет клуб суд компания стадион динамо организация агентство министерство совет
  комитет партия служба орган органы правительство
  جامعة بنك مصرف نادي فريق ريال شركة صحيفة كأس أمم ملعب دينامو
  دانشگاه بانک باشگاه شرکت روزنامه فوتبال جام ملتهای ملت‌های ورزشگاه استادیوم`);

/** Words that join an organisation's head to a place: "Bank of America", «Banque de France». */
export const LINKING = keys("of de du des d'");

/** Heads of long organisation names in Arabic and Persian, followed back through their chain. */
export const CHAIN_HEAD = keys(`شركة منظمة مؤسسة هيئة وزارة سفارة جمعية اتحاد مجلس
  شرکت سازمان انجمن وزارت سفارت مجموعه اتحادیه شورای`);

/**
 * A demonstrative makes the next word a common noun: «این میدان» (this square), "this Nice hotel".
 * Not Persian «آن» (that): folded it is «ان», which is Arabic's «إن», «أن» (that, before a clause:
 * «قال إن بغداد …»); see `PERSIAN_THAT`.
 */
export const DEMONSTRATIVE = keys(`this that these those ce cet cette ces
  этот эта это эти тот та те того этого этой
  هذا هذه ذلك تلك هذين هاتين
  این همین همان`);

/**
 * English writes the months and the days with a capital: "in March" is the month, not the town
 * in Cambridgeshire, and "on Sunday" no place of that name.
 */
export const CALENDAR = keys(`January February March April May June July August September
  October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday`);

/** Persian «آن» as written, with its madda: no Arabic word is spelt so. */
export const PERSIAN_THAT = "آن";
