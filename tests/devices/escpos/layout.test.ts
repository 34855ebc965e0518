import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { charWidth, commands, textWidth, twoColumns, wrap } from '../../../devices/escpos/index.js';

describe('East Asian width', () => {
  it('counts CJK ideographs, kana, Hangul and fullwidth forms as two columns', () => {
    expect(textWidth('牛奶')).toBe(4);
    expect(textWidth('鮮乳 936ml')).toBe(10);
    expect(textWidth('カタカナ한글！')).toBe(14);
    expect(charWidth('æ')).toBe(1);
    expect(charWidth('×')).toBe(1); // Ambiguous: printed single-byte
    expect(charWidth('\u0301')).toBe(0); // combining acute
    expect(charWidth('𠀀')).toBe(2); // Extension B
  });
});

describe('two-column lines', () => {
  it('wraps the name and keeps the amount whole on the first line', () => {
    expect(twoColumns('林鳳營鮮乳全脂 936ml 特價組合', '1,190.00', 24)).toEqual([
      '林鳳營鮮乳全脂  1,190.00',
      '936ml 特價組合',
    ]);
  });

  it('puts a very wide amount on its own line rather than break it', () => {
    expect(twoColumns('Milk', '12.345.678,90 kr.', 20)).toEqual(['Milk', '   12.345.678,90 kr.']);
  });

  const name = fc
    .array(fc.constantFrom('a', 'Æ', ' ', '牛', '奶', '鮮', '！', 'ø', '1'), { maxLength: 80 })
    .map((a) => a.join(''));
  const amount = fc.bigInt({ min: 0n, max: 10n ** 12n }).map((n) => `${n}.00`);

  it('never overflows the columns and never splits the amount (property)', () => {
    fc.assert(
      fc.property(name, amount, fc.constantFrom(32, 42, 48, 21, 24), (left, right, columns) => {
        const lines = twoColumns(left, right, columns);
        for (const l of lines) expect(textWidth(l)).toBeLessThanOrEqual(columns);
        expect(lines.filter((l) => l.endsWith(right))).not.toHaveLength(0);
        const withoutAmount = lines.map((l) => (l.endsWith(right) ? l.slice(0, -right.length) : l)).join('');
        expect(withoutAmount.replace(/ /g, '')).toBe(left.replace(/ /g, ''));
      }),
    );
  });

  it('wrap keeps every character and respects the width (property)', () => {
    fc.assert(
      fc.property(name, fc.integer({ min: 2, max: 48 }), (text, width) => {
        const lines = wrap(text, width);
        for (const l of lines) expect(textWidth(l)).toBeLessThanOrEqual(width);
        expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
      }),
    );
  });
});

describe('raster image', () => {
  it('frames GS v 0 with bytes per row and rows', () => {
    const img = { width: 16, height: 2, data: Uint8Array.of(0xff, 0x00, 0x0f, 0xf0) };
    expect(Buffer.from(commands.rasterImage(img)).toString('hex')).toBe(
      '1d763000' + '0200' + '0200' + 'ff000ff0',
    );
    expect(() => commands.rasterImage({ ...img, data: Uint8Array.of(1) })).toThrow(/must be 4 bytes/);
  });

  it('status requests and automatic status back', () => {
    expect(Buffer.from(commands.statusRequest(4)).toString('hex')).toBe('100404');
    expect(Buffer.from(commands.automaticStatusBack(0xff)).toString('hex')).toBe('1d61ff');
  });
});
