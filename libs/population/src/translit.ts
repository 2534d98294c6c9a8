/**
 * Ukrainian to Latin, by the table of Resolution No. 55 of the Cabinet of Ministers of
 * Ukraine of 27 January 2010 "On the normalisation of transliteration of the Ukrainian
 * alphabet by means of the Latin alphabet" (https://zakon.rada.gov.ua/laws/show/55-2010-п):
 *  - Є, Ї, Й, Ю, Я are Ye, Yi, Y, Yu, Ya at the start of a word and ie, i, i, iu, ia elsewhere;
 *  - the combination «зг» is «zgh» (Згорани → Zghorany), so that it differs from ж = zh;
 *  - the soft sign and the apostrophe are not rendered.
 * Letter-for-letter otherwise. Characters that are not Ukrainian letters pass through.
 */

const LOWER: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'h',
  ґ: 'g',
  д: 'd',
  е: 'e',
  є: 'ie',
  ж: 'zh',
  з: 'z',
  и: 'y',
  і: 'i',
  ї: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ь: '',
  ю: 'iu',
  я: 'ia',
};

const WORD_INITIAL: Readonly<Record<string, string>> = { є: 'ye', ї: 'yi', й: 'y', ю: 'yu', я: 'ya' };

/** ASCII apostrophe, right single quotation mark, modifier letter apostrophe, and the look-alikes people type. */
const APOSTROPHES = new Set(["'", '\u2019', '\u02bc', '\u2018', '`', '\u00b4']);

const isUkrainianLetter = (ch: string): boolean => LOWER[ch.toLowerCase()] !== undefined;
const isWordChar = (ch: string | undefined): boolean => ch !== undefined && (isUkrainianLetter(ch) || APOSTROPHES.has(ch));
const isUpper = (ch: string): boolean => ch !== ch.toLowerCase() && ch === ch.toUpperCase();

export function transliterate(text: string): string {
  const chars = Array.from(text);
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] ?? '';
    if (APOSTROPHES.has(ch) && isWordChar(chars[i - 1]) && isWordChar(chars[i + 1])) continue;
    const lower = ch.toLowerCase();
    let latin = LOWER[lower];
    if (latin === undefined) {
      out += ch;
      continue;
    }
    const previous = chars[i - 1];
    if (!isWordChar(previous)) latin = WORD_INITIAL[lower] ?? latin;
    else if (lower === 'г' && previous !== undefined && previous.toLowerCase() === 'з') latin = 'gh';
    if (latin === '' || !isUpper(ch)) {
      out += latin;
      continue;
    }
    // A capital: the whole rendering in capitals inside an all-capitals word, else only its first letter.
    out += allCapsContext(chars, i) ? latin.toUpperCase() : latin.charAt(0).toUpperCase() + latin.slice(1);
  }
  return out;
}

/** A capital letter is in an all-capitals context if the next letter is a capital, or it is the last letter after a capital. */
function allCapsContext(chars: string[], i: number): boolean {
  for (let j = i + 1; j < chars.length; j++) {
    const c = chars[j] ?? '';
    if (APOSTROPHES.has(c) || c.toLowerCase() === 'ь') continue;
    if (!isUkrainianLetter(c)) break;
    return isUpper(c);
  }
  for (let j = i - 1; j >= 0; j--) {
    const c = chars[j] ?? '';
    if (APOSTROPHES.has(c)) continue;
    if (!isUkrainianLetter(c)) return false;
    return isUpper(c);
  }
  return false;
}
