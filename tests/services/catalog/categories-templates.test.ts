import { describe, expect, it } from 'vitest';
import { BusinessRuleError, ConflictError, ValidationError } from '../../../hub/errors.js';
import { catalogFixturePerTest, OWNER, uuid7 } from '../../support/catalog-fixtures.js';

describe('categories', () => {
  const f = catalogFixturePerTest('DK');

  it('builds a tree, refuses cycles, duplicate sibling names and overly deep nesting', () => {
    const food = f.category('Mad');
    const dairy = f.category('Mejeri', food);
    const cheese = f.category('Ost', dairy);
    expect(() => f.catalog.categories.update(food, { parentId: cheese }, OWNER)).toThrow(BusinessRuleError);
    expect(() => f.catalog.categories.update(food, { parentId: food }, OWNER)).toThrow(/under itself/);
    expect(() => f.category('mejeri', food)).toThrow(ConflictError);
    expect(f.category('Mejeri')).toBeTruthy(); // same name elsewhere in the tree is fine
    const hard = f.category('Hård ost', cheese);
    const aged = f.category('Lagret', hard);
    expect(() => f.category('Ekstra lagret', aged)).toThrow(/at most 5 levels/);
  });

  it('archives and unarchives, hiding archived ones from the default list', () => {
    const a = f.category('Sæson');
    const seqBefore = f.catalog.categories.get(a).changeSeq;
    expect(f.catalog.categories.setActive(a, false, OWNER).changeSeq).toBeGreaterThan(seqBefore);
    expect(f.catalog.categories.list().map((c) => c.id)).not.toContain(a);
    expect(f.catalog.categories.list(true).map((c) => c.id)).toContain(a);
    expect(() => f.product({ categoryId: a })).toThrow(/archived/);
    f.catalog.categories.setActive(a, true, OWNER);
    expect(f.product({ categoryId: a }).categoryId).toBe(a);
  });

  it('creates idempotently by id', () => {
    const id = uuid7();
    expect(f.catalog.categories.create({ id, name: 'Drikkevarer' }, OWNER).created).toBe(true);
    expect(f.catalog.categories.create({ id, name: 'Drikkevarer' }, OWNER).created).toBe(false);
    expect(() => f.catalog.categories.create({ id, name: 'Drikke' }, OWNER)).toThrow(ConflictError);
  });
});

describe('label templates', () => {
  const f = catalogFixturePerTest('DK');

  const price = {
    name: 'Pris',
    prefix: '20',
    itemDigits: 4,
    value: 'price',
    valueDigits: 5,
    decimals: 2,
    verifier: true,
  };

  it('stores a valid template and replaces it by id', () => {
    expect(f.catalog.labelTemplates.put('deli', price, OWNER).created).toBe(true);
    expect(f.catalog.labelTemplates.put('deli', { ...price, name: 'Deli' }, OWNER).created).toBe(false);
    expect(f.catalog.labelTemplates.list()).toMatchObject([
      { id: 'deli', name: 'Deli', prefix: '20', active: true },
    ]);
    f.catalog.labelTemplates.delete('deli', OWNER);
    expect(f.catalog.labelTemplates.list()).toEqual([]);
  });

  it('refuses layouts that are not 13 digits, bad prefixes, clashing prefixes and bad ids', () => {
    expect(() => f.catalog.labelTemplates.put('x', { ...price, itemDigits: 5 }, OWNER)).toThrow(
      /an EAN-13 has 13/,
    );
    expect(() => f.catalog.labelTemplates.put('x', { ...price, prefix: '57' }, OWNER)).toThrow(
      /restricted circulation/,
    );
    expect(() => f.catalog.labelTemplates.put('x', { ...price, decimals: 3 }, OWNER)).toThrow(
      ValidationError,
    );
    f.catalog.labelTemplates.put('deli', price, OWNER);
    expect(() => f.catalog.labelTemplates.put('other', price, OWNER)).toThrow(/share the prefix "20"/);
    // An inactive template does not take part in scans, so it may share a prefix.
    expect(f.catalog.labelTemplates.put('other', { ...price, active: false }, OWNER).template.active).toBe(
      false,
    );
    expect(() => f.catalog.labelTemplates.put('Bad Id!', price, OWNER)).toThrow(ValidationError);
  });
});
