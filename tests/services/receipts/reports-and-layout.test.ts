import { describe, expect, it } from 'vitest';
import { textWidth } from '../../../devices/escpos/index.js';
import { loadProfiles } from '../../../firmware-profiles/index.js';
import type { PrinterProfile } from '../../../firmware-profiles/index.js';
import {
  layoutReceipt,
  receiptToEscpos,
  receiptToText,
  renderCashReport,
  renderReceipt,
  renderTestPage,
} from '../../../hub/services/receipts/index.js';
import { columnsFor } from '../../../hub/services/receipts/layout.js';
import { line, payment, sale, store, xReport, zReport } from './fixtures.js';

const printers = loadProfiles().all.filter((p): p is PrinterProfile => p.kind === 'printer');
const dk = store('da-DK', 'DKK', 'DK', 'Europe/Copenhagen');

describe('X and Z reports', () => {
  const profile = printers.find((p) => p.id === 'epson-tm-t20iii')!;

  it('lays out an X report', () => {
    expect(
      receiptToText(renderCashReport(xReport, dk, { copy: false, profile, tillName: 'Kasse 3' }), profile),
    ).toMatchSnapshot();
  });

  it('lays out a Z report with number, count, difference and grand totals', () => {
    const doc = renderCashReport(zReport, store('en-GB', 'DKK', 'DK', 'Europe/Copenhagen'), {
      copy: false,
      profile,
    });
    const text = receiptToText(doc, profile);
    expect(text).toMatchSnapshot();
    expect(text).toContain('Z REPORT #88');
    expect(text).toMatch(/Difference +-0\.50/);
  });
});

describe('every printer profile', () => {
  const zh = sale(
    'TWD',
    [
      line('林鳳營鮮乳全脂牛奶 936ml 家庭號 特價兩瓶組合 限時優惠', 9500, 12),
      line('Smørrebrød\x1b@\x1dV0 med æg og rejer, ekstra lang beskrivelse', 4500, 1),
      line('Молоко і хліб', 100, 1),
    ],
    {},
    [payment('cash', 118600)],
  );
  const long = store('zh-TW', 'TWD', 'TW', 'Asia/Taipei', { name: '好鄰居超市股份有限公司台北信義旗艦店' });

  it.each(printers.map((p) => [p.id, p] as const))(
    '%s: no line wider than its columns; no control byte from catalog text',
    (_id, p) => {
      const doc = renderReceipt(zh, long, {
        copy: true,
        profile: p,
        receiptUrl: 'https://shop.example/r/3-127?t=x',
      });
      for (const l of layoutReceipt(doc, p)) {
        if (l.type === 'line') expect(textWidth(l.text)).toBeLessThanOrEqual(columnsFor(p, l.size));
      }
      const text = receiptToText(doc, p);
      expect(text).not.toMatch(/(?!\n)\p{Cc}/u);
      expect(text).toContain('Smørrebrød@V0');
    },
  );

  it.each(printers.map((p) => [p.id, p] as const))('%s: prints a test page', (_id, p) => {
    const doc = renderTestPage(p, dk, '2026-03-14T09:00:00.000Z');
    const bytes = receiptToEscpos(doc, p);
    expect(bytes.length).toBeGreaterThan(200);
    const text = receiptToText(doc, p);
    expect(text).toContain(p.model);
    if (p.cjk) expect(text).toMatch(p.cjk.encoding === 'big5' ? /鮮乳/ : /牛奶/);
  });
});
