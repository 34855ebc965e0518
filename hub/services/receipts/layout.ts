// Lays a receipt document out for one printer: text made printable for the profile (controls stripped,
// unprintable characters transliterated), wrapped and aligned to the profile's Font A columns (halved for
// double-width text), measured with East Asian widths. Both the ESC/POS output and the text preview
// start from these lines, so the preview shows what the paper will.
import type { PrinterProfile } from '../../../firmware-profiles/schema.js';
import type { Bitmap } from '../../../devices/escpos/index.js';
import { padStart, rule, textWidth, toPrintable, twoColumns, wrap } from '../../../devices/escpos/index.js';
import type { Align, ReceiptDocument, TextSize } from './document.js';

export type LaidOutLine =
  | { type: 'line'; text: string; bold: boolean; size: TextSize }
  | { type: 'qr'; data: string }
  | { type: 'barcode'; data: string }
  | { type: 'image'; bitmap: Bitmap }
  | { type: 'feed'; lines: number };

export function columnsFor(profile: PrinterProfile, size: TextSize): number {
  return halvedFor(size, profile.columns.fontA);
}

function halvedFor(size: TextSize, columns: number): number {
  return size === 'wide' || size === 'double' ? Math.floor(columns / 2) : columns;
}

function aligned(text: string, columns: number, align: Align): string {
  const free = columns - textWidth(text);
  if (free <= 0 || align === 'left') return text;
  return align === 'right' ? padStart(text, columns) : ' '.repeat(Math.floor(free / 2)) + text;
}

export function layoutReceipt(doc: ReceiptDocument, profile: PrinterProfile): LaidOutLine[] {
  return layoutForColumns(doc, profile.columns.fontA, (text) => toPrintable(text, profile));
}

/**
 * The same layout for any fixed-pitch medium: `columns` for normal text, `printable` to make text fit it
 * (a printer's code pages; plain text in an e-mail keeps every character).
 */
export function layoutForColumns(
  doc: ReceiptDocument,
  fontColumns: number,
  printable: (text: string) => string,
): LaidOutLine[] {
  const out: LaidOutLine[] = [];
  for (const b of doc.blocks) {
    switch (b.type) {
      case 'text':
      case 'pair': {
        const size = b.style.size ?? 'normal';
        const bold = b.style.bold ?? false;
        const columns = halvedFor(size, fontColumns);
        const lines =
          b.type === 'text'
            ? wrap(printable(b.text), columns).map((l) => aligned(l, columns, b.style.align ?? 'left'))
            : twoColumns(
                printable(b.left).replace(/\n/g, ' '),
                printable(b.right).replace(/\n/g, ' '),
                columns,
              );
        for (const text of lines) out.push({ type: 'line', text, bold, size });
        break;
      }
      case 'rule':
        out.push({ type: 'line', text: rule(fontColumns, b.char), bold: false, size: 'normal' });
        break;
      case 'qr':
      case 'barcode':
      case 'image':
      case 'feed':
        out.push(b);
        break;
    }
  }
  return out;
}
