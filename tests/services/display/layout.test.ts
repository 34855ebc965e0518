import { describe, expect, it } from 'vitest';
import {
  saleLines,
  welcomeLines,
  type DisplaySale,
  type DisplayStore,
} from '../../../hub/services/display/layout.js';

const screen = { columns: 20, codePage: 'cp437' };
const stores = {
  en: { name: 'Corner Shop', locale: 'en-GB', currency: 'GBP', cashRoundingMinor: 1 },
  da: { name: 'Købmand Ørsted', locale: 'da-DK', currency: 'DKK', cashRoundingMinor: 50 },
  fi: { name: 'Kauppa', locale: 'fi-FI', currency: 'EUR', cashRoundingMinor: 5 },
  uk: { name: 'Мій магазин', locale: 'uk-UA', currency: 'UAH', cashRoundingMinor: 10 },
  'zh-TW': { name: '我的商店', locale: 'zh-TW', currency: 'TWD', cashRoundingMinor: 100 },
  'zh-CN': { name: '我的商店', locale: 'zh-CN', currency: 'CNY', cashRoundingMinor: 1 },
} satisfies Record<string, DisplayStore>;

function sale(
  lines: { name: string; sku?: string; totalMinor: number; removed?: boolean }[],
  totals: Partial<DisplaySale['totals']> = {},
  status: DisplaySale['status'] = 'open',
): DisplaySale {
  const total = lines.filter((l) => !l.removed).reduce((sum, l) => sum + l.totalMinor, 0);
  return {
    kind: 'sale',
    status,
    lines: lines.map((l, i) => ({
      status: l.removed ? 'removed' : 'active',
      lineNo: i + 1,
      name: l.name,
      sku: l.sku ?? '',
      totalMinor: l.totalMinor,
    })),
    totals: {
      totalMinor: total,
      toPayMinor: total,
      paidMinor: 0,
      dueMinor: total,
      changeMinor: 0,
      ...totals,
    },
  };
}

const selling = sale([
  { name: 'Bread', totalMinor: 2_500 },
  { name: 'Milk', totalMinor: 1_295 },
]);

describe('customer display layout', () => {
  it.each([
    ['en', ['Milk           12.95', 'TOTAL         £37.95'], '     Thank you!     '],
    ['da', ['Milk           12,95', 'I ALT      37,95 kr.'], '  Tak for besoget!  '],
    ['fi', ['Milk           12,95', 'YHTEENSÄ   37,95 EUR'], ' Kiitos käynnistä!  '],
    ['uk', ['Milk           12,95', 'Razom      37,95 UAH'], '     Dyakuyemo!     '],
    ['zh-TW', ['Milk           12.95', 'TOTAL         $37.95'], '     Thank you!     '],
    ['zh-CN', ['Milk           12.95', 'TOTAL         ¥37.95'], '     Thank you!     '],
  ] as const)('%s: the last line and the total while selling, thanks when done', (lang, lines, thanks) => {
    const store = stores[lang];
    expect(saleLines(selling, store, screen)).toEqual(lines);
    const done = sale([{ name: 'Milk', totalMinor: 1_295 }], { paidMinor: 1_295, dueMinor: 0 }, 'completed');
    const [first, second] = saleLines(done, store, screen);
    expect(first).toBe(thanks);
    expect(second).toMatch(/^(PAID|BETALT|MAKSETTU|Splacheno) +\D?12[.,]95( kr\.| EUR| UAH)?$/);
  });

  it('greets in the store language, with the name only when the display can show it', () => {
    expect(welcomeLines(stores.da, screen)).toEqual(['     Velkommen!     ', '   Kobmand Orsted   ']);
    expect(welcomeLines(stores.uk, screen)).toEqual(['  Laskavo prosymo!  ', '    Miy mahazyn     ']);
    // A pole display without Chinese characters: English, never "????".
    expect(welcomeLines(stores['zh-TW'], screen)).toEqual(['      Welcome!      ', ' '.repeat(20)]);
  });

  it('shows the SKU when the name cannot be shown, else the line number', () => {
    const tea = sale([{ name: '烏龍茶 500g', sku: 'TEA-500', totalMinor: 12_000 }]);
    expect(saleLines(tea, stores['zh-TW'], screen)[0]).toBe('TEA-500          120');
    const noSku = sale([{ name: '烏龍茶', totalMinor: 12_000 }]);
    expect(saleLines(noSku, stores['zh-CN'], screen)[0]).toBe('#1            120.00');
  });

  it('prints TWD in whole dollars, and cents only when an amount has them', () => {
    const store = stores['zh-TW'];
    expect(saleLines(sale([{ name: 'Tea', totalMinor: 1_234_500 }]), store, screen)).toEqual([
      'Tea           12,345',
      'TOTAL        $12,345',
    ]);
    expect(saleLines(sale([{ name: 'Tea', totalMinor: 1_050 }]), store, screen)[1]).toBe(
      'TOTAL         $10.50',
    );
  });

  it('cuts a long name, never the amount, and keeps every line 20 columns', () => {
    const long = sale([{ name: 'Økologisk letmælk 1 liter fra Thise Mejeri', totalMinor: 123_456_789 }]);
    const lines = saleLines(long, stores.da, screen);
    // The name keeps ten columns: the amount gives up its grouping first.
    expect(lines).toEqual(['Okologisk 1234567,89', 'I ALT   1.234.567,89']);
    for (const store of Object.values(stores)) {
      for (const l of saleLines(long, store, screen)) expect(l).toHaveLength(20);
    }
  });

  it('keeps the amount of a huge total and leaves out a label that no longer fits', () => {
    const huge = sale([{ name: 'Gold', totalMinor: 9_007_199_254_740_991 }]);
    expect(saleLines(huge, stores.en, screen)).toEqual(['Go 90071992547409.91', '   90071992547409.91']);
  });

  it('DKK: the cash-rounded amount to pay and the change, then thanks with the change', () => {
    const totals = {
      totalMinor: 12_345,
      toPayMinor: 12_350,
      paidMinor: 12_350,
      dueMinor: 0,
      changeMinor: 7_650,
    };
    const paid = sale([{ name: 'Kaffe', totalMinor: 12_345 }], totals);
    expect(saleLines(paid, stores.da, screen)).toEqual(['I ALT     123,50 kr.', 'BYTTEPENGE 76,50 kr.']);
    const done = sale([{ name: 'Kaffe', totalMinor: 12_345 }], totals, 'completed');
    expect(saleLines(done, stores.da, screen)).toEqual(['  Tak for besoget!  ', 'BYTTEPENGE 76,50 kr.']);
  });

  it('shows what is still due after a part payment', () => {
    const part = sale([{ name: 'Coat', totalMinor: 10_000 }], { paidMinor: 4_000, dueMinor: 6_000 });
    expect(saleLines(part, stores.en, screen)).toEqual(['TOTAL        £100.00', 'DUE           £60.00']);
  });

  it('skips removed lines and greets again after a void, a park or an emptied cart', () => {
    const removed = sale([
      { name: 'Bread', totalMinor: 2_500 },
      { name: 'Milk', totalMinor: 1_295, removed: true },
    ]);
    expect(saleLines(removed, stores.en, screen)[0]).toBe('Bread          25.00');
    const welcome = welcomeLines(stores.en, screen);
    expect(saleLines({ ...selling, status: 'voided' }, stores.en, screen)).toEqual(welcome);
    expect(saleLines({ ...selling, status: 'parked' }, stores.en, screen)).toEqual(welcome);
    expect(saleLines(sale([{ name: 'Milk', totalMinor: 1, removed: true }]), stores.en, screen)).toEqual(
      welcome,
    );
  });

  it('strips control characters from catalog text', () => {
    const sneaky = sale([{ name: 'Milk\x1b@\x0c', totalMinor: 100 }]);
    expect(saleLines(sneaky, stores.en, screen)[0]).toBe('Milk @          1.00');
  });
});
