// A laid-out receipt to ESC/POS bytes for the profile: styles switched only when they change, codes and
// images centred, a cut at the end when the document asks for one.
import type { PrinterProfile } from '../../../firmware-profiles/schema.js';
import { EscposBuilder } from '../../../devices/escpos/index.js';
import type { ReceiptDocument, TextSize } from './document.js';
import { layoutReceipt } from './layout.js';

const SIZE: Record<TextSize, readonly [1 | 2, 1 | 2]> = {
  normal: [1, 1],
  wide: [2, 1],
  tall: [1, 2],
  double: [2, 2],
};

export function receiptToEscpos(doc: ReceiptDocument, profile: PrinterProfile): Uint8Array {
  const b = new EscposBuilder(profile).init();
  let bold = false;
  let size: TextSize = 'normal';
  const centred = (draw: () => void): void => {
    b.align('center');
    draw();
    b.align('left');
  };
  for (const line of layoutReceipt(doc, profile)) {
    switch (line.type) {
      case 'line':
        if (line.bold !== bold) b.bold((bold = line.bold));
        if (line.size !== size) {
          size = line.size;
          b.size(...SIZE[size]);
        }
        b.line(line.text);
        break;
      case 'qr':
        centred(() => b.qr(line.data, { size: 6, level: 'M' }));
        break;
      case 'barcode':
        centred(() => b.code128(line.data, { height: 60, width: 2, hri: 'below' }));
        break;
      case 'image':
        centred(() => b.image(line.bitmap));
        break;
      case 'feed':
        b.feed(line.lines);
        break;
    }
  }
  if (bold) b.bold(false);
  if (size !== 'normal') b.size(1, 1);
  if (doc.cut) b.feed(1).cut();
  return b.build();
}
