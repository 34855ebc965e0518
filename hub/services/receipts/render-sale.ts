// The customer receipt for a completed sale or return, in the store's language: header, lines with
// quantities, weights and discounts, totals with rounding, tenders and change, tax per rate, the card
// slip, a QR code of the verifiable receipt URL and a Code 128 of the receipt code for returns.
import type { Bitmap } from '../../../devices/escpos/index.js';
import type { PrinterProfile } from '../../../firmware-profiles/schema.js';
import type { SaleLineView, SaleView } from '../sales/types.js';
import type { StoreSettings } from '../settings/settings-schema.js';
import { block } from './document.js';
import type { ReceiptBlock, ReceiptDocument } from './document.js';
import { createFormatter } from './format.js';
import type { Formatter } from './format.js';
import { messagesFor } from './messages/index.js';
import type { Messages } from './messages/index.js';

export interface RenderReceiptOptions {
  /** A reprint: marked COPY at the top and the bottom. */
  copy: boolean;
  /** The printer it is for; null for the web page and the e-mail (no logo). */
  profile: PrinterProfile | null;
  /** From receiptUrl() in receipt-token.ts; null prints no QR code. */
  receiptUrl: string | null;
  /** A 1-bit logo; left out when the printer has no raster graphics or the logo is wider than the paper. */
  logo?: Bitmap;
}

type Amount = (minor: number) => string;

export function storeHeader(
  store: StoreSettings,
  profile: PrinterProfile | null,
  logo?: Bitmap,
): ReceiptBlock[] {
  const out: ReceiptBlock[] = [];
  if (logo && profile?.raster && logo.width <= profile.printableDots) out.push(block.image(logo));
  out.push(block.center(store.name, { size: 'double', bold: true }));
  if (store.address !== '') out.push(block.center(store.address));
  if (store.receiptHeader !== '') out.push(block.center(store.receiptHeader));
  return out;
}

function lineBlocks(line: SaleLineView, f: Formatter, m: Messages, amount: Amount): ReceiptBlock[] {
  const out = [block.pair(line.name, amount(line.grossMinor))];
  if (line.measured) {
    out.push(block.text(`  ${f.kilograms(line.quantity)} × ${f.amount(line.unitPriceMinor)}/kg`));
  } else if (line.quantity !== 1) {
    out.push(block.text(`  ${f.count(line.quantity)} × ${f.amount(line.unitPriceMinor)}`));
  }
  // A promotion's name is the store's own text, already in the store's language.
  for (const promotion of line.promotions) {
    out.push(block.pair(`  ${promotion.name}`, amount(-promotion.discountMinor)));
  }
  if (line.lineDiscountMinor !== 0) {
    const reason =
      line.discountReason === null || line.discountReason === '' ? '' : ` (${line.discountReason})`;
    out.push(block.pair(`  ${m.discount}${reason}`, amount(-line.lineDiscountMinor)));
  }
  if (line.note !== '') out.push(block.text(`  ${line.note}`));
  return out;
}

function totalBlocks(
  sale: SaleView,
  f: Formatter,
  m: Messages,
  amount: Amount,
  money: Amount,
): ReceiptBlock[] {
  const t = sale.totals;
  const out = [block.pair(m.subtotal, amount(t.subtotalMinor))];
  if (t.discountMinor !== 0) out.push(block.pair(m.discount, amount(-t.discountMinor)));
  if (sale.taxMode === 'exclusive') out.push(block.pair(m.tax, amount(t.taxMinor)));
  out.push(block.pair(m.total, money(t.totalMinor), { bold: true, size: 'tall' }));
  if (t.roundingMinor !== 0) {
    out.push(block.pair(m.rounding, amount(t.roundingMinor)));
    out.push(block.pair(m.toPay, money(t.toPayMinor), { bold: true }));
  }
  out.push(block.rule());
  for (const p of sale.payments.filter((x) => x.status === 'approved')) {
    const card = p.card?.maskedPan ? ` ${p.card.maskedPan}` : '';
    const paid = p.direction === 'refund' ? -p.amountMinor : p.amountMinor;
    out.push(block.pair(`${m.tender[p.tenderKind]}${card}`, f.money(paid)));
    if (p.tenderedMinor !== null && p.tenderedMinor !== p.amountMinor) {
      out.push(block.pair(`  ${m.tendered}`, f.amount(p.tenderedMinor)));
    }
  }
  if (t.changeMinor > 0) out.push(block.pair(m.change, money(t.changeMinor), { bold: true }));
  if (t.taxes.length > 0) out.push(block.rule());
  for (const tax of t.taxes) {
    out.push(
      block.pair(
        `${m.tax} ${f.rate(tax.rateBp)} ${m.taxBase} ${amount(tax.baseMinor)}`,
        amount(tax.taxMinor),
      ),
    );
  }
  return out;
}

/** The device-independent receipt document of a sale or return. */
export function renderReceipt(
  sale: SaleView,
  store: StoreSettings,
  options: RenderReceiptOptions,
): ReceiptDocument {
  const m = messagesFor(store.locale);
  const f = createFormatter(store.locale, sale.currency, store.timeZone);
  const isReturn = sale.kind === 'return';
  // A return's view carries positive figures: the receipt prints them as money going back.
  const sign = isReturn ? -1 : 1;
  const amount: Amount = (minor) => f.amount(sign * minor);
  const money: Amount = (minor) => f.money(sign * minor);

  const blocks: ReceiptBlock[] = [...storeHeader(store, options.profile, options.logo)];
  if (options.copy) blocks.push(block.center(m.copy, { size: 'double', bold: true }));
  if (isReturn) blocks.push(block.center(m.refund, { size: 'double', bold: true }));
  blocks.push(block.rule('='));
  if (sale.receipt) blocks.push(block.pair(m.receiptNo, sale.receipt.code));
  blocks.push(block.text(f.dateTime(sale.completedAt ?? sale.createdAt)));
  blocks.push(block.rule());
  for (const line of sale.lines.filter((l) => l.status === 'active'))
    blocks.push(...lineBlocks(line, f, m, amount));
  blocks.push(block.rule());
  blocks.push(...totalBlocks(sale, f, m, amount, money));
  for (const p of sale.payments) {
    if (p.status === 'approved' && p.card?.receiptText)
      blocks.push(block.rule(), block.text(p.card.receiptText));
  }
  blocks.push(block.rule('='), block.feed(1));
  if (options.receiptUrl !== null) blocks.push(block.qr(options.receiptUrl));
  if (sale.receipt) blocks.push(block.barcode(sale.receipt.barcode));
  if (store.receiptFooter !== '') blocks.push(block.center(store.receiptFooter));
  blocks.push(block.center(m.thankYou, { bold: true }));
  if (options.copy) blocks.push(block.center(m.copy, { size: 'double', bold: true }));
  return { kind: isReturn ? 'return' : 'sale', copy: options.copy, blocks, cut: true };
}
