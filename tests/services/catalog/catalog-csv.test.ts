import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ProductRecord } from '../../../hub/db/catalog-queries.js';
import { formatMoney, parseMoney } from '../../../hub/services/catalog/csv/csv-money.js';
import {
  CsvFileError,
  detectDelimiter,
  readCsvRecords,
  type CsvRecord,
} from '../../../hub/services/catalog/csv/csv-reader.js';
import {
  CatalogRowValidator,
  parseAttributes,
  type RowError,
  type RowLookups,
} from '../../../hub/services/catalog/csv/csv-row.js';
import { ean13 } from '../../support/catalog-fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'catalog-csv-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});
let files = 0;

async function read(content: string | Buffer): Promise<(CsvRecord | RowError)[]> {
  files += 1;
  const path = join(dir, `f${files}.csv`);
  writeFileSync(path, content);
  const out: (CsvRecord | RowError)[] = [];
  for await (const r of readCsvRecords(path)) out.push(r);
  return out;
}

describe('parseMoney', () => {
  it('reads the ways spreadsheets write amounts, in minor units', () => {
    const ok = (text: string, exponent = 2) => {
      const r = parseMoney(text, exponent);
      return r.ok ? r.minor : r.reason;
    };
    expect(ok('12.50')).toBe(1250);
    expect(ok('12,5')).toBe(1250);
    expect(ok('12')).toBe(1200);
    expect(ok(' 1 234,50 ')).toBe(123_450);
    expect(ok('1\u00a0234,50')).toBe(123_450);
    expect(ok('1.234,50')).toBe(123_450);
    expect(ok('1,234.50')).toBe(123_450);
    expect(ok('0,05')).toBe(5);
    expect(ok('120', 0)).toBe(120);
  });

  it('refuses what it would have to guess', () => {
    const reason = (text: string, exponent = 2) => {
      const r = parseMoney(text, exponent);
      return r.ok ? `parsed ${r.minor}` : r.reason;
    };
    expect(reason('1,234')).toMatch(/more than 2 decimals/);
    expect(reason('12.5', 0)).toMatch(/currency has none/);
    expect(reason('-3,00')).toMatch(/negative/);
    expect(reason('12 kr')).toMatch(/not an amount/);
    expect(reason('1.2.3')).toMatch(/two decimal marks/);
    expect(reason('12,34.50')).toMatch(/misplaced thousands/);
    expect(reason('1e5')).toMatch(/not an amount/);
    expect(reason('')).toMatch(/empty/);
  });

  it('writes minor units back the same way', () => {
    expect(formatMoney(1250, 2, '.')).toBe('12.50');
    expect(formatMoney(5, 2, ',')).toBe('0,05');
    expect(formatMoney(120, 0, '.')).toBe('120');
    for (const minor of [0, 1, 99, 100, 123_456]) {
      const back = parseMoney(formatMoney(minor, 2, ','), 2);
      expect(back).toEqual({ ok: true, minor });
    }
  });
});

describe('readCsvRecords', () => {
  it('reads quoted fields with delimiters, quotes and line breaks in them', async () => {
    const rows = await read('sku,name,price\nA1,"Milk, 1 l",12.50\nA2,"The ""best"" bread\nsliced",20\n');
    expect(rows).toEqual([
      { row: 2, cells: { sku: 'A1', name: 'Milk, 1 l', price: '12.50' } },
      { row: 3, cells: { sku: 'A2', name: 'The "best" bread\nsliced', price: '20' } },
    ]);
  });

  it('drops a UTF-8 BOM and reads semicolons with decimal commas as Danish Excel writes them', async () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const rows = await read(
      Buffer.concat([bom, Buffer.from('SKU;Name;Price;Tax class\r\nR1;Rugbrød;24,95;food\r\n')]),
    );
    expect(rows).toEqual([
      { row: 2, cells: { sku: 'R1', name: 'Rugbrød', price: '24,95', tax_class: 'food' } },
    ]);
  });

  it('reports a row with the wrong number of fields and reads on', async () => {
    const rows = await read('sku,name,price\nA,B\nC,D,1,,\nE,F,2,x\n');
    expect(rows).toEqual([
      { row: 2, column: null, message: 'row has 2 fields, the header has 3' },
      { row: 3, cells: { sku: 'C', name: 'D', price: '1' } },
      { row: 4, column: null, message: 'row has 4 fields, the header has 3' },
    ]);
  });

  it('refuses a file whose header is not the catalog columns or whose quoting is broken', async () => {
    await expect(read('sku,name\nA,B\n')).rejects.toThrow(/missing column\(s\): price/);
    await expect(read('sku,name,price,colour\n')).rejects.toThrow(/unknown column "colour"/);
    await expect(read('')).rejects.toThrow(/empty/);
    const broken = read('sku,name,price\nA,"open quote,1\n');
    await expect(broken).rejects.toBeInstanceOf(CsvFileError);
  });

  it('detects the delimiter from the header line', () => {
    expect(detectDelimiter('sku;name;price')).toBe(';');
    expect(detectDelimiter('sku,name,price')).toBe(',');
    expect(detectDelimiter('sku\tname\tprice')).toBe('\t');
    expect(detectDelimiter('"a;b",name,price')).toBe(',');
  });
});

describe('CatalogRowValidator', () => {
  const stored = { id: 'p-1', sku: 'OLD', hasVariants: false, parentId: null, weighed: false, unit: 'piece' };
  const lookups: RowLookups = {
    exponent: 2,
    categories: new Map([
      ['food > dairy', { id: 'c-dairy', active: true }],
      ['dairy', { id: 'c-dairy', active: true }],
      ['old stuff', { id: 'c-old', active: false }],
    ]),
    taxClasses: new Map([
      ['standard', { id: 't-std', active: true }],
      ['food', { id: 't-food', active: true }],
    ]),
    templates: [],
    productBySku: (sku) => (sku === 'OLD' ? (stored as ProductRecord) : undefined),
    barcodeOwner: (code) => (code === `0${ean13('570123400030')}` ? 'p-other' : undefined),
  };
  const base = { sku: 'N1', name: 'New', price: '10,00', tax_class: 'standard' };

  it('turns a good row into the fields it sets', () => {
    const v = new CatalogRowValidator(lookups);
    const r = v.validate(
      { ...base, category: 'Food > Dairy', barcodes: ean13('570123400047'), weighed: 'no' },
      2,
    );
    expect(r).toMatchObject({
      ok: true,
      row: {
        sku: 'N1',
        existing: undefined,
        fields: { name: 'New', priceMinor: 1000, taxClassId: 't-std', categoryId: 'c-dairy', weighed: false },
        barcodes: [{ kind: 'gtin' }],
      },
    });
  });

  it('names every bad cell of a row by column', () => {
    const v = new CatalogRowValidator(lookups);
    const r = v.validate(
      { sku: 'N1', name: '', price: '12,345', tax_class: 'luxury', category: 'Old stuff', weighed: 'maybe' },
      7,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.row, e.column])).toEqual([
      [7, 'name'],
      [7, 'price'],
      [7, 'category'],
      [7, 'tax_class'],
      [7, 'weighed'],
    ]);
    expect(r.errors[1]?.message).toMatch(/price "12,345" has more than 2 decimals/);
  });

  it('finds duplicate SKUs and barcodes within the file and barcodes of other products', () => {
    const v = new CatalogRowValidator(lookups);
    expect(v.validate({ ...base, barcodes: ean13('570123400047') }, 2).ok).toBe(true);
    const again = v.validate({ ...base, barcodes: '' }, 3);
    expect(again).toMatchObject({
      ok: false,
      errors: [{ column: 'sku', message: 'SKU "N1" is also on row 2' }],
    });
    const code = v.validate({ ...base, sku: 'N2', barcodes: ean13('570123400047') }, 4);
    expect(code).toMatchObject({ ok: false, errors: [{ column: 'barcodes', message: /also on row 2/ }] });
    const taken = v.validate({ ...base, sku: 'N3', barcodes: ean13('570123400030') }, 5);
    expect(taken).toMatchObject({ ok: false, errors: [{ column: 'barcodes', message: /another product/ }] });
    const badCheck = v.validate({ ...base, sku: 'N4', barcodes: '5701234000301' }, 6);
    expect(badCheck).toMatchObject({ ok: false, errors: [{ column: 'barcodes' }] });
  });

  it('lets an update leave out what it keeps, and wants a tax class only for new products', () => {
    const v = new CatalogRowValidator(lookups);
    const r = v.validate({ sku: 'OLD', name: '', price: '5' }, 2);
    expect(r).toMatchObject({ ok: true, row: { existing: { id: 'p-1' }, fields: { priceMinor: 500 } } });
    const fresh = v.validate({ sku: 'NEW', name: 'x', price: '5' }, 3);
    expect(fresh).toMatchObject({ ok: false, errors: [{ column: 'tax_class' }] });
  });

  it('takes variants whose style comes earlier in the file', () => {
    const v = new CatalogRowValidator(lookups);
    expect(v.validate({ ...base, sku: 'TEE', has_variants: 'yes' }, 2).ok).toBe(true);
    const variant = v.validate(
      { ...base, sku: 'TEE-M', parent_sku: 'TEE', attributes: 'size=M; colour=Red' },
      3,
    );
    expect(variant).toMatchObject({
      ok: true,
      row: { parentSku: 'TEE', fields: { attributes: { size: 'M', colour: 'Red' } } },
    });
    const orphan = v.validate({ ...base, sku: 'X-M', parent_sku: 'NOPE', attributes: 'size=M' }, 4);
    expect(orphan).toMatchObject({ ok: false, errors: [{ column: 'parent_sku' }] });
    expect(parseAttributes('Size M')).toMatch(/not name=value/);
  });
});
