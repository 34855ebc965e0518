import iconv from 'iconv-lite';

/**
 * Text for a single-byte line display: every character either exists in the display's code page or is
 * transliterated (Ø -> O, ß -> ss, Cyrillic -> Latin, € -> EUR), never sent as a byte the display would
 * show as garbage (`codePage` is an iconv-lite name from the profile). Control characters are removed so catalog text cannot move the cursor or reset it.
 */
export const DISPLAY_CODE_PAGES = {
  cp437: 0,
  cp850: 2,
  cp860: 3,
  cp863: 4,
  cp865: 5,
  cp1252: 16,
  cp866: 17,
  cp852: 18,
  cp858: 19,
} as const;
export type DisplayCodePage = keyof typeof DISPLAY_CODE_PAGES;

const SPECIAL: Record<string, string> = {
  ß: 'ss',
  Æ: 'AE',
  æ: 'ae',
  Ø: 'O',
  ø: 'o',
  Å: 'A',
  å: 'a',
  Œ: 'OE',
  œ: 'oe',
  Đ: 'D',
  đ: 'd',
  Ł: 'L',
  ł: 'l',
  Þ: 'Th',
  þ: 'th',
  '€': 'EUR',
  '£': 'GBP',
  '₴': 'UAH',
  '“': '"',
  '”': '"',
  '„': '"',
  '‘': "'",
  '’': "'",
  '–': '-',
  '—': '-',
  '…': '...',
  '×': 'x',
  ' ': ' ',
};

// Ukrainian and Russian letters to Latin (a readable approximation of the Ukrainian national system).
const CYRILLIC_UPPER = 'АБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЬЮЯЫЭЪЁ';
const CYRILLIC_LATIN = [
  'A',
  'B',
  'V',
  'H',
  'G',
  'D',
  'E',
  'Ye',
  'Zh',
  'Z',
  'Y',
  'I',
  'Yi',
  'Y',
  'K',
  'L',
  'M',
  'N',
  'O',
  'P',
  'R',
  'S',
  'T',
  'U',
  'F',
  'Kh',
  'Ts',
  'Ch',
  'Sh',
  'Shch',
  '',
  'Yu',
  'Ya',
  'Y',
  'E',
  '',
  'Yo',
];

function transliterate(char: string): string {
  const special = SPECIAL[char];
  if (special !== undefined) return special;
  const upper = CYRILLIC_UPPER.indexOf(char.toUpperCase());
  if (upper >= 0) {
    const latin = CYRILLIC_LATIN[upper] ?? '?';
    return char === char.toUpperCase() ? latin : latin.toLowerCase();
  }
  // Accented Latin letters lose their accent: é -> e, č -> c.
  const stripped = char.normalize('NFD').replace(/\p{M}/gu, '');
  return stripped !== char && /^[\x20-\x7e]+$/.test(stripped) ? stripped : '?';
}

function encodable(char: string, codePage: string): boolean {
  return iconv.decode(iconv.encode(char, codePage), codePage) === char;
}

/** One display line: cleaned, transliterated, cut or padded to exactly `columns` bytes. */
export function fitLine(text: string, columns: number, codePage: string): Buffer {
  let out = '';
  for (const char of text.replace(/[\p{Cc}\p{Cf}]/gu, ' ')) {
    out += char.charCodeAt(0) < 0x80 || encodable(char, codePage) ? char : transliterate(char);
  }
  const fitted = Array.from(out).slice(0, columns).join('').padEnd(columns, ' ');
  return iconv.encode(fitted, codePage);
}
