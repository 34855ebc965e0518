// Column layout for fixed-pitch receipts, measured in printer columns (CJK characters take two), so a
// Chinese product name wraps and its amount lines up like a Danish one. Input is printable text (see
// toPrintable): what is measured here is what the printer prints.
import { charWidth, textWidth } from './width.js';

/** Splits one line into pieces of at most `width` columns, at spaces where possible. */
export function wrap(text: string, width: number): string[] {
  if (width < 2) throw new RangeError('wrap width must be at least 2 columns');
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    let lineWidth = 0;
    for (const word of paragraph.split(/(?<= )/u)) {
      const w = textWidth(word);
      if (lineWidth + textWidth(word.trimEnd()) <= width) {
        line += word;
        lineWidth += w;
        continue;
      }
      if (line.trim() !== '') out.push(line.trimEnd());
      line = '';
      lineWidth = 0;
      // A word longer than the line is broken by columns (CJK text has no spaces to break at).
      for (const ch of word) {
        const cw = charWidth(ch);
        if (lineWidth + cw > width && !(ch === ' ' && lineWidth === width)) {
          out.push(line.trimEnd());
          line = '';
          lineWidth = 0;
        }
        line += ch;
        lineWidth += cw;
      }
    }
    out.push(line.trimEnd());
  }
  return out;
}

export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - textWidth(text)));
}

export function padStart(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - textWidth(text))) + text;
}

/**
 * Left text wrapped, right text (an amount) kept whole on the first line, flush right. When the right
 * text leaves less than a third of the line, it goes on its own line under the left text.
 */
export function twoColumns(left: string, right: string, columns: number, gap = 1): string[] {
  const rightWidth = textWidth(right);
  if (rightWidth === 0) return wrap(left, columns);
  const room = columns - rightWidth - gap;
  if (room < Math.max(2, Math.floor(columns / 3))) {
    return [...(left === '' ? [] : wrap(left, columns)), padStart(right, columns)];
  }
  const [first = '', ...rest] = wrap(left, room);
  return [padEnd(first, room) + ' '.repeat(gap) + right, ...rest];
}

/** A full-width line of one character, e.g. a rule of "-". */
export function rule(columns: number, ch = '-'): string {
  return ch.repeat(Math.max(0, Math.floor(columns / Math.max(1, textWidth(ch)))));
}
