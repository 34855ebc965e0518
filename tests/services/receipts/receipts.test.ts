import { describe, expect, it } from 'vitest';
import { getPrinterProfile } from '../../../firmware-profiles/index.js';
import {
  receiptToEscpos,
  receiptToText,
  renderReceipt,
  receiptUrl,
} from '../../../hub/services/receipts/index.js';
import { line, payment, sale, store } from './fixtures.js';

const SECRET = 'test-secret-at-least-16-bytes';
const hexOf = (b: Uint8Array): string => Buffer.from(b).toString('hex');

/** True when `chars` occurs in the stream while the two-byte mode is on (FS & seen after the last FS .). */
function inTwoByteMode(stream: Uint8Array, chars: string): boolean {
  const buf = Buffer.from(stream);
  const at = buf.indexOf(Buffer.from(chars, 'hex'));
  const before = buf.subarray(0, at);
  return (
    at > 0 && before.lastIndexOf(Buffer.from('1c26', 'hex')) > before.lastIndexOf(Buffer.from('1c2e', 'hex'))
  );
}

describe('sale receipts per language', () => {
  it('Denmark: inclusive VAT, weighed goods, line discount, cash rounding and change (CP865)', () => {
    const profile = getPrinterProfile('epson-tm-t20iii');
    const dk = store('da-DK', 'DKK', 'DK', 'Europe/Copenhagen', { cashRoundingMinor: 50 });
    const s = sale(
      'DKK',
      [
        line('Smørrebrød med æg', 4500, 2),
        line('Æbler, økologiske', 2495, 1234, { measured: true }),
        line('Rødgrød', 3995, 1, {
          lineDiscountMinor: 400,
          discountReason: 'Udløb',
          netMinor: 3595,
          totalMinor: 3595,
        }),
      ],
      {
        discountMinor: 400,
        totalMinor: 15674,
        roundingMinor: 1,
        toPayMinor: 15675,
        changeMinor: 4325,
        taxes: [{ rateBp: 2500, baseMinor: 12539, taxMinor: 3135, grossMinor: 15674 }],
      },
      [payment('cash', 15675, { tenderedMinor: 20000, changeMinor: 4325 })],
    );
    const url = receiptUrl(dk.publicBaseUrl, '3-127', s.id, SECRET);
    const doc = renderReceipt(s, dk, { copy: false, profile, receiptUrl: url });
    const text = receiptToText(doc, profile);
    expect(text).toMatchSnapshot();
    expect(text).toContain('1,234 kg × 24,95/kg');
    expect(text).toMatch(/Afrunding +0,01/);
    const bytes = hexOf(receiptToEscpos(doc, profile));
    expect(bytes).toContain('1b7405'); // CP865 for æ ø
    expect(bytes).toContain(Buffer.from(url ?? '').toString('hex'));
    expect(bytes.endsWith('1d564200')).toBe(true); // partial cut
  });

  it('Taiwan: Big5 in the two-byte mode on the XP-80 Taiwan firmware', () => {
    const profile = getPrinterProfile('xprinter-xp-80-tw');
    const tw = store('zh-TW', 'TWD', 'TW', 'Asia/Taipei', {
      name: '好鄰居超市',
      address: '台北市中正區',
      receiptHeader: '',
      receiptFooter: '',
    });
    const s = sale(
      'TWD',
      [line('林鳳營鮮乳 936ml', 9500, 2), line('統一麵包', 3500, 1)],
      { taxes: [{ rateBp: 500, baseMinor: 21429, taxMinor: 1071, grossMinor: 22500 }] },
      [payment('card', 22500, { card: { maskedPan: '**** 4242', receiptText: '信用卡簽單\nAPPROVED' } })],
    );
    const doc = renderReceipt(s, tw, { copy: false, profile, receiptUrl: null });
    expect(receiptToText(doc, profile)).toMatchSnapshot();
    const bytes = receiptToEscpos(doc, profile);
    expect(hexOf(bytes).startsWith('1b401c2e')).toBe(true); // ESC @, then FS . (the firmware starts in two-byte mode)
    expect(inTwoByteMode(bytes, 'c241a8c5')).toBe(true); // 鮮乳 in Big5
  });

  it('mainland China: GB18030 on the XP-Q200', () => {
    const profile = getPrinterProfile('xprinter-xp-q200');
    const cn = store('zh-CN', 'CNY', 'CN', 'Asia/Shanghai', {
      name: '便民超市',
      address: '上海市浦东新区',
      receiptHeader: '',
      receiptFooter: '',
    });
    const s = sale('CNY', [line('牛奶 250ml', 450, 4), line('全麦面包', 1290, 1)], {}, [
      payment('mobile', 3090),
    ]);
    const doc = renderReceipt(s, cn, { copy: false, profile, receiptUrl: null });
    expect(receiptToText(doc, profile)).toMatchSnapshot();
    expect(inTwoByteMode(receiptToEscpos(doc, profile), 'c5a3c4cc')).toBe(true); // 牛奶 in GB18030
  });

  it('Finland: two VAT rates and the euro sign through CP858', () => {
    const profile = getPrinterProfile('epson-tm-t88vi');
    const fi = store('fi-FI', 'EUR', 'FI', 'Europe/Helsinki', {
      name: 'Lähikauppa',
      address: 'Mannerheimintie 1, Helsinki',
      receiptHeader: 'Y-tunnus 1234567-8',
      receiptFooter: '',
    });
    const s = sale(
      'EUR',
      [
        line('Ruisleipä', 289, 2),
        line('Kahvi 500 g', 799, 1, { taxRateBp: 1400 }),
        line('Lehti', 450, 1, { taxRateBp: 2550 }),
      ],
      {
        taxes: [
          { rateBp: 1400, baseMinor: 1208, taxMinor: 169, grossMinor: 1377 },
          { rateBp: 2550, baseMinor: 359, taxMinor: 91, grossMinor: 450 },
        ],
      },
      [payment('card', 1827, { card: { maskedPan: '**** 0005', receiptText: null } })],
    );
    const doc = renderReceipt(s, fi, { copy: false, profile, receiptUrl: null });
    const text = receiptToText(doc, profile);
    expect(text).toMatchSnapshot();
    expect(text).toMatch(/ALV 14 % veroton 12,08 +1,69/);
    expect(text).toMatch(/ALV 25,5 % veroton 3,59 +0,91/);
    expect(hexOf(receiptToEscpos(doc, profile))).toContain('1b7413d5'); // ESC t 19 (CP858), € = D5
  });

  it('Ukraine: CP866 with і transliterated on a printer without CP1251', () => {
    const profile = getPrinterProfile('xprinter-xp-80');
    const ua = store('uk-UA', 'UAH', 'UA', 'Europe/Kyiv', {
      name: 'Крамниця',
      address: 'Київ, вул. Хрещатик 1',
      receiptHeader: '',
      receiptFooter: '',
    });
    const s = sale('UAH', [line('Хліб житній', 3290, 1), line('Молоко 2,5%', 4150, 2)], {}, [
      payment('cash', 11590),
    ]);
    const doc = renderReceipt(s, ua, { copy: false, profile, receiptUrl: null });
    const text = receiptToText(doc, profile);
    expect(text).toMatchSnapshot();
    expect(text).toContain('Хлiб житнiй'); // Latin i: CP866 has ї but no і
    expect(hexOf(receiptToEscpos(doc, profile))).toContain('1b7411');
  });

  it('a return is marked REFUND with negative amounts and refund tenders', () => {
    const profile = getPrinterProfile('epson-tm-t20iii');
    const dk = store('da-DK', 'DKK', 'DK', 'Europe/Copenhagen');
    const s = sale(
      'DKK',
      [line('Rødgrød', 3995, 1)],
      { taxes: [{ rateBp: 2500, baseMinor: 3196, taxMinor: 799, grossMinor: 3995 }] },
      [payment('cash', 3995, { direction: 'refund' })],
      {
        kind: 'return',
        originalSaleId: 'orig',
      },
    );
    const text = receiptToText(renderReceipt(s, dk, { copy: false, profile, receiptUrl: null }), profile);
    expect(text).toMatchSnapshot();
    expect(text).toContain('RETUR');
    expect(text).toMatch(/Rødgrød +-39,95/);
    expect(text).toMatch(/Kontant +-39,95 kr\./);
  });

  it('a reprint says COPY at the top and the bottom', () => {
    const profile = getPrinterProfile('epson-tm-t20iii');
    const en = store('en-GB', 'GBP', 'GB', 'Europe/London', {
      name: 'Corner Shop',
      address: '1 High St',
      receiptHeader: '',
      receiptFooter: '',
    });
    const doc = renderReceipt(sale('GBP', [line('Tea', 250, 1)], {}, [payment('cash', 250)]), en, {
      copy: true,
      profile,
      receiptUrl: null,
    });
    const text = receiptToText(doc, profile);
    expect(text).toMatchSnapshot();
    expect(text.match(/COPY/g)).toHaveLength(2);
    expect(doc.copy).toBe(true);
  });
});
