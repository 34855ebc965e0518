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
  return { op: 'barcode', system, data: data.toString('latin1') };
}

export function hex(buf: Buffer, i: number, count: number): string {
  return buf.subarray(i, i + count).toString('hex');
}
