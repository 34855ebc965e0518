/**
 * ESC t n code page numbers as Epson TM printers number them. The simulator keeps its own table (rather
 * than importing the encoder's) so a wrong number in the encoder shows up as wrong text in a test.
 */
export const EPSON_CODE_PAGES: Readonly<Record<number, string>> = {
  0: 'cp437',
  2: 'cp850',
  3: 'cp860',
  4: 'cp863',
  5: 'cp865',
  16: 'cp1252',
  17: 'cp866',
  18: 'cp852',
  19: 'cp858',
  45: 'cp1250',
  46: 'cp1251',
  47: 'cp1253',
  49: 'cp1255',
  50: 'cp1256',
  51: 'cp1257',
};

/** Two-byte (CJK) encodings a model uses after FS &: mainland models GB18030, Taiwan models Big5. */
export type CjkEncoding = 'gb18030' | 'big5';
