import type { DecodedCommand, StyleName } from './decoder-types.js';

/** ESC x n commands that take one parameter byte and only change how text looks. */
export const ESC_STYLE: Readonly<Record<number, StyleName>> = {
  0x21: 'mode', // ESC !
  0x45: 'bold', // ESC E
  0x47: 'doubleStrike', // ESC G
  0x2d: 'underline', // ESC -
  0x4d: 'font', // ESC M
  0x7b: 'upsideDown', // ESC {
  0x33: 'lineSpacing', // ESC 3
  0x20: 'other', // ESC SP right spacing
  0x52: 'other', // ESC R international set
  0x56: 'other', // ESC V rotation
  0x63: 'other', // ESC c panel keys etc. (ESC c 5 n)
  0x55: 'other', // ESC U unidirectional
};
export const GS_STYLE: Readonly<Record<number, StyleName>> = {
  0x21: 'size', // GS !
  0x42: 'invert', // GS B
  0x48: 'other', // GS H HRI position
  0x66: 'other', // GS f HRI font
  0x68: 'other', // GS h barcode height
  0x77: 'other', // GS w barcode width
};
export const FS_STYLE: Readonly<Record<number, StyleName>> = {
  0x21: 'cjkMode', // FS ! Kanji print mode
  0x2d: 'underline', // FS - Kanji underline
  0x43: 'other', // FS C Kanji code system
};

export function alignOf(n: number): 'left' | 'center' | 'right' {
  const v = n % 48;
  return v === 1 ? 'center' : v === 2 ? 'right' : 'left';
}

export function barcodeOf(system: number, data: Buffer): DecodedCommand {
  return { op: 'barcode', system, data: system === CODE128 ? code128Text(data) : data.toString('latin1') };
}

const CODE128 = 73;
const BRACE = 0x7b;

/**
 * What a Code128 barcode reads as: GS k 73 data opens with a code set selector ({A, {B, {C), may switch set
 * midway, and in set C each byte is a digit pair 00-99. '{{' is a literal brace; {S and {1-{4 are shift and
 * function codes that carry no text.
 */
export function code128Text(data: Buffer): string {
  let set: 'A' | 'B' | 'C' = 'B';
  let out = '';
  for (let i = 0; i < data.length; i++) {
    const byte = data[i] ?? 0;
    const next = data[i + 1];
    if (byte === BRACE && next !== undefined) {
      const selector = String.fromCharCode(next);
      i += 1;
      if (selector === 'A' || selector === 'B' || selector === 'C') set = selector;
      else if (selector === '{') out += '{';
      continue;
    }
    out += set === 'C' ? String(byte).padStart(2, '0') : String.fromCharCode(byte);
  }
  return out;
}

export function hex(buf: Buffer, i: number, count: number): string {
  return buf.subarray(i, i + count).toString('hex');
}
