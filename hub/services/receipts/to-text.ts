// A plain-text preview of a receipt as the profile would print it (same layout, same transliteration):
// for tests, logs and the admin's "show receipt"; and the plain-text part of an e-mailed receipt.
import type { PrinterProfile } from '../../../firmware-profiles/schema.js';
import { stripControls } from '../../../devices/escpos/index.js';
import type { ReceiptDocument } from './document.js';
import { layoutForColumns, layoutReceipt, type LaidOutLine } from './layout.js';

/** Columns of an e-mailed receipt: narrow enough for a phone's mail app in a fixed-pitch font. */
const MAIL_COLUMNS = 40;

export function receiptToText(doc: ReceiptDocument, profile: PrinterProfile): string {
  return linesToText(layoutReceipt(doc, profile), true);
}

/**
 * The receipt for a mail body: every character kept (no printer code page), control bytes stripped,
 * the receipt code as text instead of a barcode, no QR code or logo (the mail links to the page).
 */
export function receiptToPlainText(doc: ReceiptDocument): string {
  return linesToText(
    layoutForColumns(doc, MAIL_COLUMNS, (text) => stripControls(text)),
    false,
  );
}

function linesToText(lines: LaidOutLine[], markers: boolean): string {
  const out: string[] = [];
  for (const line of lines) {
    switch (line.type) {
      case 'line':
        out.push(line.text);
        break;
      case 'qr':
        if (markers) out.push(`[QR ${line.data}]`);
        break;
      case 'barcode':
        out.push(markers ? `[CODE128 ${line.data}]` : line.data);
        break;
      case 'image':
        if (markers) out.push(`[IMAGE ${line.bitmap.width}x${line.bitmap.height}]`);
        break;
      case 'feed':
        for (let i = 0; i < line.lines; i++) out.push('');
        break;
    }
  }
  return out.join('\n') + '\n';
}
