// Fallbacks for characters a printer cannot print. Used per character and only when none of the profile's
// code pages (nor its two-byte font) has the character, so a Danish "ø" stays "ø" on a CP865 printer and
// becomes "o" only on one without it.

const MAP: Readonly<Record<string, string>> = {
  ø: 'o',
  Ø: 'O',
  æ: 'ae',
  Æ: 'AE',
  å: 'aa',
  Å: 'AA',
  ß: 'ss',
  đ: 'd',
  Đ: 'D',
  ł: 'l',
  Ł: 'L',
  œ: 'oe',
  Œ: 'OE',
  þ: 'th',
  Þ: 'Th',
  ð: 'd',
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'JPY',
  '₴': 'UAH',
  '×': 'x',
  '÷': '/',
  '·': '.',
  '•': '*',
  '–': '-',
  '—': '-',
  '−': '-',
  '‘': "'",
  '’': "'",
  '‚': ',',
  '“': '"',
  '”': '"',
  '„': '"',
  '«': '"',
  '»': '"',
  '…': '...',
  '№': 'No.',
  '°': 'o',
  '½': '1/2',
  '¼': '1/4',
  '™': 'TM',
  '©': '(c)',
  '®': '(R)',
};

// Ukrainian national transliteration (2010), plus the Russian letters it lacks.
const CYRILLIC: Readonly<Record<string, string>> = {
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
  ъ: '',
  ы: 'y',
  э: 'e',
  ё: 'e',
  '\u02bc': "'",
};

/** An ASCII stand-in for one character (a grapheme's first code point), or "?" when there is none. */
export function transliterate(ch: string): string {
  const mapped = MAP[ch];
  if (mapped !== undefined) return mapped;
  const lower = ch.toLowerCase();
  const cyr = CYRILLIC[lower];
  if (cyr !== undefined) {
    if (lower === ch || cyr === '') return cyr;
    return cyr.charAt(0).toUpperCase() + cyr.slice(1);
  }
  const stripped = ch.normalize('NFD').replace(/\p{M}/gu, '');
  if (stripped !== ch && /^[\x20-\x7e]+$/.test(stripped)) return stripped;
  return '?';
}
