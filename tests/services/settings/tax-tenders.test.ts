import { describe, expect, it } from 'vitest';
import { BusinessRuleError, ConflictError, NotFoundError, ValidationError } from '../../../hub/errors.js';
import { catalogFixturePerTest, OWNER, uuid7 } from '../../support/catalog-fixtures.js';

describe('tax classes', () => {
  const f = catalogFixturePerTest('FI');

  it('creates idempotently by id and refuses other content under the same id', () => {
    const id = uuid7();
    const first = f.settings.taxClasses.create({ id, name: 'ALV 0 %', rateBp: 0 }, OWNER);
    expect(first.created).toBe(true);
    expect(f.settings.taxClasses.create({ id, name: 'ALV 0 %', rateBp: 0 }, OWNER)).toEqual({
      taxClass: first.taxClass,
      created: false,
    });
    expect(() => f.settings.taxClasses.create({ id, name: 'ALV 0 %', rateBp: 100 }, OWNER)).toThrow(
      ConflictError,
    );
    expect(f.settings.taxClasses.list()).toHaveLength(4);
  });

  it('validates rates in basis points and unique names', () => {
    expect(() => f.settings.taxClasses.create({ name: 'Too much', rateBp: 10_001 }, OWNER)).toThrow(
      ValidationError,
    );
    expect(() => f.settings.taxClasses.create({ name: 'Float', rateBp: 25.5 }, OWNER)).toThrow(/rateBp/);
    expect(() => f.settings.taxClasses.create({ name: 'ALV 10 %', rateBp: 1000 }, OWNER)).toThrow(
      /already exists/,
    );
  });

  it('refuses to delete a class a product uses, archives it instead, and deletes an unused one', () => {
    const food = f.taxClassId('food');
    f.product({ taxClassId: food, name: 'Ruisleipä' });
    try {
      f.settings.taxClasses.delete(food, OWNER);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(BusinessRuleError);
      expect((error as BusinessRuleError).code).toBe('TAX_CLASS_IN_USE');
    }
    expect(f.settings.taxClasses.update(food, { active: false }, OWNER).active).toBe(false);
    // The existing product keeps selling at its rate; a new product may not pick the archived class.
    expect(() => f.product({ taxClassId: food })).toThrow(/archived/);

    const reduced = f.taxClassId('reduced');
    f.settings.taxClasses.delete(reduced, OWNER);
    expect(f.settings.taxClasses.list().map((t) => t.code)).not.toContain('reduced');
    expect(() => f.settings.taxClasses.delete(reduced, OWNER)).toThrow(NotFoundError);
  });

  it('announces a rate change to the tills', () => {
    f.ctx.events.length = 0;
    f.settings.taxClasses.update(f.taxClassId('standard'), { rateBp: 2400 }, OWNER);
    expect(f.ctx.events.map((e) => e.name)).toEqual(['settings.changed']);
  });
});

describe('tenders', () => {
  const f = catalogFixturePerTest('DK');

  it('renames, reorders and disables tenders, but never the last enabled one', () => {
    const tenders = f.settings.tenders.list();
    expect(tenders.map((t) => t.name)).toEqual(['Kontant', 'Kort', 'MobilePay', 'Gavekort', 'Tilgodebevis']);
    const mobile = tenders.find((t) => t.kind === 'mobile')!;
    expect(
      f.settings.tenders.update(mobile.id, { name: 'MobilePay Box', enabled: false }, OWNER),
    ).toMatchObject({
      name: 'MobilePay Box',
      enabled: false,
    });
    const [last, ...others] = f.settings.tenders.list().filter((t) => t.enabled);
    for (const t of others) f.settings.tenders.update(t.id, { enabled: false }, OWNER);
    expect(() => f.settings.tenders.update(last!.id, { enabled: false }, OWNER)).toThrow(
      /At least one tender/,
    );
  });

  it('creates a tender of a known kind only, idempotently by id', () => {
    const id = uuid7();
    expect(f.settings.tenders.create({ id, kind: 'voucher', name: 'Byens gavekort' }, OWNER).created).toBe(
      true,
    );
    expect(f.settings.tenders.create({ id, kind: 'voucher', name: 'Byens gavekort' }, OWNER).created).toBe(
      false,
    );
    expect(() => f.settings.tenders.create({ kind: 'bitcoin', name: 'BTC' }, OWNER)).toThrow(/kind/);
    expect(() => f.settings.tenders.update(uuid7(), { name: 'x' }, OWNER)).toThrow(NotFoundError);
  });
});
