import { describe, expect, it } from 'vitest';
import { BusinessRuleError, ConflictError, NotFoundError, ValidationError } from '../../../hub/errors.js';
import { badCheckDigit, catalogFixturePerTest, ean13, OWNER, uuid7 } from '../../support/catalog-fixtures.js';

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (
      error instanceof ValidationError ||
      error instanceof ConflictError ||
      error instanceof BusinessRuleError
    )
      return error.code;
    throw error;
  }
  throw new Error('expected an error');
}

describe('products', () => {
  const f = catalogFixturePerTest('DK');

  it('creates a product with barcodes stored as GTIN-14 and shown as printed', () => {
    const milk = ean13('570123400001');
    const p = f.product({
      sku: 'MLK-1',
      name: 'Letmælk 1 L',
      priceMinor: 1295,
      costMinor: 890,
      barcodes: [milk, 'intern-7'],
    });
    expect(p).toMatchObject({ sku: 'MLK-1', priceMinor: 1295, costMinor: 890, unit: 'piece', active: true });
    expect(p.barcodes).toEqual([
      { code: 'INTERN-7', kind: 'code', display: 'INTERN-7' },
      { code: `0${milk}`, kind: 'gtin', display: milk },
    ]);
    expect(f.catalog.service.get(p.id)).toEqual(p);
    const outbox = f.ctx.db
      .prepare("SELECT count(*) AS n FROM outbox WHERE entity = 'product' AND entity_id = ?")
      .get(p.id);
    expect(outbox).toEqual({ n: 1 });
    expect(f.ctx.events.filter((e) => e.name === 'catalog.changed').at(-1)?.payload).toEqual({
      changeSeq: p.changeSeq,
      productIds: [p.id],
      categoryIds: [],
    });
  });

  it('is idempotent by client id: same content returns the same product, different content is a 409', () => {
    const id = uuid7();
    const input = {
      id,
      sku: 'RUG-1',
      name: 'Rugbrød',
      taxClassId: f.taxClassId('standard'),
      priceMinor: 2500,
      barcodes: [ean13('570123400002')],
    };
    const first = f.catalog.service.create(input, OWNER);
    const again = f.catalog.service.create(input, OWNER);
    expect(again).toEqual({ product: first.product, created: false });
    try {
      f.catalog.service.create({ ...input, priceMinor: 2600 }, OWNER);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConflictError);
      expect((error as ConflictError).details).toMatchObject({ id, fields: ['priceMinor'] });
    }
    expect(f.ctx.db.prepare('SELECT count(*) AS n FROM products').get()).toEqual({ n: 1 });
  });

  it('refuses a client id that is not a UUIDv7', () => {
    expect(() => f.product({ id: '3b241101-e2bb-4255-8caf-4136c566a962' })).toThrow(/UUIDv7/);
  });

  it('rejects a GTIN with a wrong check digit and says which digit is right', () => {
    const good = ean13('570123400003');
    expect(() => f.product({ barcodes: [badCheckDigit(good)] })).toThrow(
      `the check digit should be ${good.at(-1)}`,
    );
    expect(codeOf(() => f.product({ barcodes: [badCheckDigit(good)] }))).toBe('INVALID_BARCODE');
    expect(codeOf(() => f.product({ barcodes: [{ code: '12345', kind: 'gtin' }] }))).toBe('INVALID_BARCODE');
    expect(codeOf(() => f.product({ barcodes: [good, good] }))).toBe('INVALID_BARCODE');
    expect(codeOf(() => f.product({ barcodes: ['PLU:1'] }))).toBe('INVALID_BARCODE');
    expect(f.ctx.db.prepare('SELECT count(*) AS n FROM products').get()).toEqual({ n: 0 });
  });

  it('keeps SKUs and barcodes unique across products', () => {
    const code = ean13('570123400004');
    f.product({ sku: 'A-1', barcodes: [code] });
    expect(codeOf(() => f.product({ sku: 'A-1' }))).toBe('SKU_TAKEN');
    // The same product spelled as UPC-A/EAN-13/GTIN-14 is one code.
    expect(codeOf(() => f.product({ barcodes: [`0${code}`] }))).toBe('BARCODE_TAKEN');
  });

  it('checks references and units', () => {
    expect(codeOf(() => f.product({ taxClassId: 'nope' }))).toBe('UNKNOWN_TAX_CLASS');
    expect(codeOf(() => f.product({ categoryId: uuid7() }))).toBe('UNKNOWN_CATEGORY');
    expect(codeOf(() => f.product({ weighed: true, unit: 'piece' }))).toBe('WEIGHED_NEEDS_KG');
    expect(() => f.product({ priceMinor: 12.5 })).toThrow(/priceMinor/);
    expect(() => f.product({ priceMinor: 100_000_001 })).toThrow(/priceMinor/);
    expect(() => f.product({ colour: 'red' })).toThrow(/colour/);
  });

  it('patches fields, replaces barcodes, audits the price change and bumps change_seq', () => {
    const p = f.product({ barcodes: [ean13('570123400005')] });
    const updated = f.catalog.service.update(p.id, { priceMinor: 1995, barcodes: ['SHELF-9'] }, OWNER);
    expect(updated.priceMinor).toBe(1995);
    expect(updated.barcodes.map((b) => b.code)).toEqual(['SHELF-9']);
    expect(updated.changeSeq).toBeGreaterThan(p.changeSeq);
    expect(updated.createdAt).toBe(p.createdAt);
    const audit = f.ctx.db.prepare("SELECT details FROM audit_log WHERE action = 'product.update'").get() as {
      details: string;
    };
    expect(JSON.parse(audit.details)).toMatchObject({ priceMinor: { from: p.priceMinor, to: 1995 } });
    expect(() => f.catalog.service.update(uuid7(), { name: 'x' }, OWNER)).toThrow(NotFoundError);
    expect(() => f.catalog.service.update(p.id, { id: uuid7() }, OWNER)).toThrow(ValidationError);
  });

  it('models styles with variants and archives a style together with its variants', () => {
    const style = f.product({ sku: 'TEE', name: 'T-shirt', hasVariants: true });
    const m = f.product({
      sku: 'TEE-M-BLK',
      name: 'T-shirt M sort',
      parentId: style.id,
      attributes: { size: 'M', colour: 'black' },
    });
    const l = f.product({
      sku: 'TEE-L-BLK',
      name: 'T-shirt L sort',
      parentId: style.id,
      attributes: { size: 'L', colour: 'black' },
    });
    expect(codeOf(() => f.product({ parentId: style.id }))).toBe('VARIANT_NEEDS_ATTRIBUTES');
    expect(codeOf(() => f.product({ parentId: m.id, attributes: { size: 'S' } }))).toBe('PARENT_NOT_STYLE');
    expect(codeOf(() => f.product({ hasVariants: true, barcodes: [ean13('570123400006')] }))).toBe(
      'STYLE_HAS_BARCODE',
    );
    expect(codeOf(() => f.catalog.service.update(style.id, { hasVariants: false }, OWNER))).toBe(
      'STYLE_HAS_VARIANTS',
    );

    const page = f.catalog.service.list({ parentId: style.id, limit: 10, offset: 0 });
    expect(page.items.map((p) => p.sku).sort()).toEqual(['TEE-L-BLK', 'TEE-M-BLK']);

    f.ctx.events.length = 0;
    f.catalog.service.setActive(style.id, false, OWNER);
    expect(f.catalog.service.get(m.id).active).toBe(false);
    expect(f.catalog.service.get(l.id).active).toBe(false);
    expect(f.ctx.events).toHaveLength(1);
    expect(f.ctx.events[0]).toMatchObject({
      name: 'catalog.changed',
      payload: { productIds: [style.id, l.id, m.id] },
    });
    f.catalog.service.setActive(style.id, true, OWNER);
    expect(f.catalog.service.get(m.id).active).toBe(true);
  });

  it('lists by name with pagination and filters by category and status', () => {
    const dairy = f.category('Mejeri');
    for (const name of ['Ost', 'Mælk', 'Smør']) f.product({ name, categoryId: dairy });
    const bread = f.product({ name: 'Brød' });
    f.catalog.service.setActive(bread.id, false, OWNER);
    const first = f.catalog.service.list({ limit: 2, offset: 0 });
    expect(first.items.map((p) => p.name)).toEqual(['Mælk', 'Ost']);
    expect(first.nextOffset).toBe(2);
    const second = f.catalog.service.list({ limit: 2, offset: 2 });
    expect(second).toMatchObject({ nextOffset: null });
    expect(second.items.map((p) => p.name)).toEqual(['Smør']);
    expect(
      f.catalog.service.list({ status: 'archived', limit: 10, offset: 0 }).items.map((p) => p.name),
    ).toEqual(['Brød']);
    expect(f.catalog.service.list({ categoryId: dairy, limit: 10, offset: 0 }).items).toHaveLength(3);
  });
});
