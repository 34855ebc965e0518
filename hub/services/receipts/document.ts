// A receipt as the hub sees it before any printer: blocks of text, pairs (label and amount), rules, codes
// and images. Device independent: columns, code pages and bytes come in at layout (see layout.ts).
import type { Bitmap } from '../../../devices/escpos/index.js';

export type Align = 'left' | 'center' | 'right';
/** normal 1x1; wide 2x1 and double 2x2 halve the columns; tall 1x2 keeps them. */
export type TextSize = 'normal' | 'wide' | 'tall' | 'double';

export interface TextStyle {
  bold?: boolean;
  size?: TextSize;
  align?: Align;
}

export type ReceiptBlock =
  | { type: 'text'; text: string; style: TextStyle }
  | { type: 'pair'; left: string; right: string; style: TextStyle }
  | { type: 'rule'; char: '-' | '=' }
  | { type: 'qr'; data: string }
  | { type: 'barcode'; data: string }
  | { type: 'image'; bitmap: Bitmap }
  | { type: 'feed'; lines: number };

export type ReceiptKind = 'sale' | 'return' | 'x-report' | 'z-report' | 'test-page';

export interface ReceiptDocument {
  kind: ReceiptKind;
  /** A reprint: the document carries a COPY marker. */
  copy: boolean;
  blocks: ReceiptBlock[];
  /** Cut the paper after the document (when the printer has a cutter). */
  cut: boolean;
}

/** Small constructors so renderers read like the receipt they make. */
export const block = {
  text: (text: string, style: TextStyle = {}): ReceiptBlock => ({ type: 'text', text, style }),
  center: (text: string, style: TextStyle = {}): ReceiptBlock => ({
    type: 'text',
    text,
    style: { ...style, align: 'center' },
  }),
  pair: (left: string, right: string, style: TextStyle = {}): ReceiptBlock => ({
    type: 'pair',
    left,
    right,
    style,
  }),
  rule: (char: '-' | '=' = '-'): ReceiptBlock => ({ type: 'rule', char }),
  qr: (data: string): ReceiptBlock => ({ type: 'qr', data }),
  barcode: (data: string): ReceiptBlock => ({ type: 'barcode', data }),
  image: (bitmap: Bitmap): ReceiptBlock => ({ type: 'image', bitmap }),
  feed: (lines = 1): ReceiptBlock => ({ type: 'feed', lines }),
};
