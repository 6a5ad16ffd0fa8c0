/**
 * Words one language of a script uses often and its neighbours do not: function words, the
 * names of days and months, and a few words headlines lean on. On a headline of six words, one
 * "the" or "les" says more than trigram statistics do. A word two of these languages share
 * ("de", "en", "la", "in", "on") is left out of both.
 */
export const FUNCTION_WORDS: Readonly<Record<string, ReadonlySet<string>>> = {
  eng: words(`the and of to for with as at by from after over says said will its his her
    are was were has have had who our we they their them this that these those which what when
    where why how not but or if than then into about up out under against between during
    before new more most been be is it he she you your can could would should may might must
    does did year years first two three people government world today tomorrow yesterday week
    killed attack police president minister army forces talks amid calls urges warns back down
    off just only also other some such all any there here while because since until still even
    now well very much many
    monday tuesday wednesday thursday friday saturday sunday january february april june july
    august october`),
  fra: words(`le les des du et est une dans pour sur au aux avec qui par pas ses leur leurs ont
    été à elle elles ils nous vous ce cette ces son sa mais ou où donc comme sans sous contre chez
    après avant depuis pendant selon lors tout tous toute toutes même aussi encore très bien peu
    fait faire être avoir sont était sera ai dit deux trois premier première ans année jour
    français française anglais anglaise ne lui
    lundi mardi mercredi jeudi vendredi samedi dimanche janvier février avril juin juillet août
    septembre octobre novembre décembre`),
  spa: words(`el los las del y es una por con para que al su sus como más pero este esta
    entre fue han sobre también hasta desde cuando muy año años dos tres
    lunes martes miércoles jueves viernes sábado domingo enero febrero marzo abril mayo junio
    julio agosto septiembre octubre noviembre diciembre`),
  ita: words(`il gli della dei delle è una per con che nel alla sono più anche questo questa
    ma dal dalla degli nella fu anni due tre
    lunedì martedì mercoledì giovedì venerdì sabato domenica gennaio febbraio marzo aprile maggio
    giugno luglio agosto settembre ottobre novembre dicembre`),
  deu: words(`der die das und ist ein eine mit für auf den dem nicht sich von zu auch wird
    werden nach bei aus einer eines sind wurde`),
  por: words(`os dos das uma com não ao são mais pelo pela também foi seu sua anos`),
  nld: words(`het een van op voor met niet zijn wordt naar ook bij werd`),
  tur: words(`ve bir bu için ile olarak çok daha gibi`),
  pol: words(`się nie że jest oraz przez`),
  kmr: words(`û ji bi li di ew ev jî ne ser tê dike kirin heke ya yê ku bo wek`),
  rus: words(`что это как был была были для его она они уже также после при который которые
    только будет более`),
  bul: words(`ще са това които който която че от се да бе беше след при`),
  ukr: words(`що це як був була для його вона вони вже також після`),
};

/** Each function word with the languages whose it is, for one look-up a word. */
export const FUNCTION_WORD_INDEX: ReadonlyMap<string, readonly string[]> = (() => {
  const index = new Map<string, string[]>();
  for (const [code, list] of Object.entries(FUNCTION_WORDS)) {
    for (const word of list) index.set(word, [...(index.get(word) ?? []), code]);
  }
  return index;
})();

function words(list: string): ReadonlySet<string> {
  return new Set(list.split(/\s+/).filter(Boolean));
}
