// A plain-text preview of a receipt as the profile would print it (same layout, same transliteration):
// for tests, logs and the admin's "show receipt".
import type { PrinterProfile } from '../../../firmware-profiles/schema.js';
import type { ReceiptDocument } from './document.js';
import { layoutReceipt } from './layout.js';

export function receiptToText(doc: ReceiptDocument, profile: PrinterProfile): string {
  const out: string[] = [];
  for (const line of layoutReceipt(doc, profile)) {
    switch (line.type) {
      case 'line':
        out.push(line.text);
        break;
      case 'qr':
        out.push(`[QR ${line.data}]`);
        break;
      case 'barcode':
        out.push(`[CODE128 ${line.data}]`);
        break;
      case 'image':
        out.push(`[IMAGE ${line.bitmap.width}x${line.bitmap.height}]`);
        break;
      case 'feed':
        for (let i = 0; i < line.lines; i++) out.push('');
        break;
    }
  }
  return out.join('\n') + '\n';
}
