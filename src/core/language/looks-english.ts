// Whether a post reads as English, offline and in microseconds. Members who write in another
// language still use the product's English words ("connects", "proposal", "refund"), so the matcher
// may answer their post; this says the answer should be offered to the language model to say again
// in their language. English posts are often telegraphic ("agency connects shared between
// members?"), so the absence of English words proves nothing: another language must show itself,
// in its own script or in its everyday small words.
//
// Short words that English shares with those languages ("a", "no", "me", "do", "in", "on", "was")
// count for neither side. Measured by test/core/language/looks-english.test.ts on eval/languages/.

const ENGLISH_WORDS: ReadonlySet<string> = wordSet(
  'i my you your the and or but of for with from at is are were be been have had does did not why ' +
    'how what when where which who it its this that these those they them their we our she her him ' +
    'his can would should could any all some if just still there here about after before again than ' +
    'then now only please im ive dont didnt doesnt cant isnt wont havent hi hello thanks got get want ' +
    'need know yet never much many more out up into since until because while by anyone someone',
);

/**
 * Everyday small words of the languages members write in most (Latin script), without their accents
 * (members often type without them; words are compared that way too).
 */
const OTHER_WORDS: ReadonlySet<string> = wordSet(
  // Spanish
  'que por porque los las del el la mis mi tengo hola como cuando para con una pero todavia aun ' +
    'hago cuenta estan esta es y ni su sus muy tambien gracias buenas ayer hoy alguien ' +
    'sabe saben tiene tienen puedo hay donde mas eso esto ese ' +
    // Portuguese
    'nao meus minha meu eles elas foram ola obrigado obrigada uma os estao devo fazer voce ' +
    'voces ja ainda tinha uns umas cade alguem isso isto ele ela mas muito gente ' +
    // French
    'je mes mon ma les des est pas pourquoi bonjour merci avec dans une et sur mais toujours ' +
    'quand sans vous nous du au aux ce cette sont ont avoir etre mois combien maintenant ' +
    // German
    'ich meine mein sind nicht warum wenn wurde hallo danke und der das ist kann keine auch ' +
    'eigentlich oder jeder seine nach einem einen eine sie wir ihr zur zum noch schon ' +
    // Italian
    'ho perche sono il di che mio miei ciao grazie li cosa dei nel gli della danno adesso ' +
    'quanti quante anche ancora sempre ' +
    // Romanian
    'si nu sunt este pentru cu fost dar ce mea mele meu ' +
    // Indonesian and Malay
    'saya tidak sudah tapi masih bagaimana kenapa padahal ini itu yang ada apa belum tiap ' +
    'dapet dapat berapa sih kok gak nggak punyaku apakah bisa kalo kalau dipake aku kamu ' +
    // Dutch
    'ik heb maar niet mijn wat moet ze staan een het na jaar nog ook geen ' +
    // Turkish
    'ne bir ve degil neden merhaba nasil ay kac bu hic icin mi mu ' +
    // Polish
    'ale nie jak sie mam dlaczego czy po roku nic tym wczoraj dalej ktos chodzi juz ' +
    // Vietnamese (typed with and without its marks)
    'minh roi ma khong cua va la co duoc thi vay lam sao toi ' +
    // Tagalog
    'ako ko mo ng po pa yung ang mga sa lang ba naman pero wala bakit hindi daw kanina rin',
);

/** A post mostly in another script (Cyrillic, Arabic, Chinese, Devanagari…) is not English. */
const OTHER_SCRIPT_SHARE = 0.3;
/** Another language needs this many of its small words, and twice as many as English has. */
const OTHER_WORDS_AT_LEAST = 2;

export function looksEnglish(text: string): boolean {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (letters === 0) return true;
  const otherScript = text.match(/[^\p{Script=Latin}\P{L}]/gu)?.length ?? 0;
  if (otherScript / letters > OTHER_SCRIPT_SHARE) return false;
  const words =
    withoutAccents(text.toLowerCase())
      .replace(/['’]/g, '')
      .match(/\p{L}+/gu) ?? [];
  const english = words.filter((word) => ENGLISH_WORDS.has(word)).length;
  const other = words.filter((word) => OTHER_WORDS.has(word)).length;
  return other < OTHER_WORDS_AT_LEAST || other <= 2 * english;
}

/** "não" → "nao", "perché" → "perche": how members type on a phone, and how the lists are written. */
function withoutAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '');
}

function wordSet(words: string): ReadonlySet<string> {
  return new Set(words.split(/\s+/).filter((word) => word !== ''));
}
