// X report (figures so far) and Z report (the session closed, numbered, with counts and grand totals)
// in the store's language. The figures come from hub/services/cash; this only lays them out.
import type { PrinterProfile } from '../../../firmware-profiles/schema.js';
import type { CountFigure, XReport, ZReport } from '../cash/types.js';
import type { StoreSettings } from '../settings/settings-schema.js';
import { block } from './document.js';
import type { ReceiptBlock, ReceiptDocument } from './document.js';
import { createFormatter } from './format.js';
import type { Formatter } from './format.js';
import { messagesFor } from './messages/index.js';
import type { Messages } from './messages/index.js';
import { storeHeader } from './render-sale.js';

export interface RenderCashReportOptions {
  copy: boolean;
  profile: PrinterProfile;
  /** The till's display name; the report's till id is printed when absent. */
  tillName?: string;
}

function figure(label: string, c: CountFigure, f: Formatter): ReceiptBlock {
  return block.pair(`${label} (${f.count(c.count)})`, f.amount(c.amountMinor));
}

function salesBlocks(r: XReport | ZReport, f: Formatter, m: Messages): ReceiptBlock[] {
  return [
    figure(m.sales, r.sales, f),
    figure(m.returns, r.returns, f),
    block.pair(m.netSales, f.amount(r.netSalesMinor), { bold: true }),
    block.pair(m.discount, f.amount(r.discountsMinor)),
    block.pair(m.rounding, f.amount(r.roundingMinor)),
    block.pair(m.voidedSales, f.count(r.voidedSalesCount)),
    block.pair(m.noSales, f.count(r.noSaleCount)),
    block.rule(),
    block.text(m.tenders, { bold: true }),
    ...r.tenders.map((t) =>
      block.pair(`${t.name} (${f.count(t.charges.count)}/${f.count(t.refunds.count)})`, f.amount(t.netMinor)),
    ),
    block.rule(),
    block.text(m.taxes, { bold: true }),
    ...r.taxes.map((t) =>
      block.pair(`${m.tax} ${f.rate(t.rateBp)} ${m.taxBase} ${f.amount(t.baseMinor)}`, f.amount(t.taxMinor)),
    ),
  ];
}

function cashBlocks(r: XReport | ZReport, f: Formatter, m: Messages): ReceiptBlock[] {
  const out = [
    block.pair(m.float, f.amount(r.floatMinor)),
    block.pair(m.cashSales, f.amount(r.cashSalesMinor)),
    block.pair(m.cashRefunds, f.amount(-r.cashRefundsMinor)),
    figure(m.payIns, r.payIns, f),
    block.pair(`${m.payOuts} (${f.count(r.payOuts.count)})`, f.amount(-r.payOuts.amountMinor)),
    block.pair(m.expectedCash, f.money(r.expectedCashMinor), { bold: true }),
  ];
  if (r.kind === 'z') {
    out.push(
      block.pair(m.counted, f.money(r.countedMinor), { bold: true }),
      block.pair(m.difference, f.amount(r.differenceMinor)),
      block.rule(),
      block.pair(m.grandTotal, f.amount(r.grandTotalMinor)),
      block.pair(`  ${m.previous}`, f.amount(r.previousGrandTotalMinor)),
      block.pair(m.grandReturns, f.amount(r.grandReturnsMinor)),
      block.pair(`  ${m.previous}`, f.amount(r.previousGrandReturnsMinor)),
    );
  }
  return out;
}

export function renderCashReport(
  report: XReport | ZReport,
  store: StoreSettings,
  options: RenderCashReportOptions,
): ReceiptDocument {
  const m = messagesFor(store.locale);
  const f = createFormatter(store.locale, report.currency, store.timeZone);
  const title = report.kind === 'z' ? `${m.zReport} #${f.count(report.number)}` : m.xReport;
  const blocks: ReceiptBlock[] = [
    ...storeHeader({ ...store, receiptHeader: '' }, options.profile),
    block.center(title, { size: 'double', bold: true }),
  ];
  if (options.copy) blocks.push(block.center(m.copy, { size: 'double', bold: true }));
  blocks.push(
    block.rule('='),
    block.pair(m.till, options.tillName ?? report.tillId),
    block.pair(m.openedAt, f.dateTime(report.openedAt)),
    block.pair(m.takenAt, f.dateTime(report.takenAt)),
    block.rule(),
    ...salesBlocks(report, f, m),
    block.rule(),
    ...cashBlocks(report, f, m),
    block.rule('='),
  );
  return { kind: report.kind === 'z' ? 'z-report' : 'x-report', copy: options.copy, blocks, cut: true };
}
