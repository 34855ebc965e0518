import { fitLine } from './text.js';

/**
 * Epson ESC/POS customer display commands (DM-D110, DM-D210 and the many 2x20 clones):
 *   ESC @      initialize (clear, cursor home, default settings)
 *   ESC t n    select character code table n
 *   FF         clear the screen, cursor home
 *   US $ x y   move the cursor to column x, row y (both from 1)
 *   CR / LF    cursor to the line start / next line
 * Each line is written at an absolute position and padded to full width, so the old text is overwritten
 * without a visible clear.
 */
export const ESC = 0x1b;
export const FF = 0x0c;
export const US = 0x1f;

/** A code page as the profile names it: iconv-lite name and the display's ESC t table number. */
export interface DisplayCodePageSetting {
  name: string;
  table: number;
}

export function initialize(codePage: DisplayCodePageSetting): Buffer {
  return Buffer.of(ESC, 0x40, ESC, 0x74, codePage.table);
}

export function clear(): Buffer {
  return Buffer.of(FF);
}

export function moveTo(column: number, row: number): Buffer {
  return Buffer.of(US, 0x24, column, row);
}

export function showLines(lines: readonly string[], columns: number, codePage: string): Buffer {
  return Buffer.concat(lines.flatMap((line, i) => [moveTo(1, i + 1), fitLine(line, columns, codePage)]));
}
