import { beforeEach, describe, expect, it } from 'vitest';
import { BusinessRuleError, NotFoundError, ValidationError } from '../../../hub/errors.js';
import { recordStockMovements } from '../../../hub/services/stock/stock-module.js';
import { catalogFixturePerTest, OWNER, uuid7 } from '../../support/catalog-fixtures.js';

describe('stock ledger', () => {
  const f = catalogFixturePerTest('DK');
  let cola: string;
  let cheese: string;
  beforeEach(() => {
    cola = f.product({ name: 'Cola 0,5 l' }).id;
    cheese = f.product({ name: 'Ost', unit: 'kg', weighed: true }).id;
  });

  it('sums on-hand from the movements, per product, zero for none', () => {
    f.stock.receive(
      {
        reference: 'FAK-1001',
        lines: [
          { productId: cola, quantity: 24, costMinor: 650 },
          { productId: cheese, quantity: 5_000 },
        ],
      },
      OWNER,
    );
    f.ctx.tx.write((tx) => {
      recordStockMovements(
        tx,
        [{ productId: cola, quantity: -3, reason: 'sale', refId: 'sale-1' }],
        'staff-1',
      );
    });
    const unknown = uuid7();
    expect(f.stock.onHand([cola, cheese, unknown])).toEqual({ [cola]: 21, [cheese]: 5_000, [unknown]: 0 });
    const movements = f.stock.movements(cola, null, 10).items;
    expect(movements.map((m) => [m.reason, m.quantity])).toEqual([
      ['sale', -3],
      ['receive', 24],
    ]);
    expect(movements[1]).toMatchObject({ costMinor: 650, refId: 'FAK-1001', staffId: 'owner-1' });
  });

  it('books losses as negative movements and a count as the difference', () => {
    f.stock.receive({ lines: [{ productId: cola, quantity: 10 }] }, OWNER);
    expect(
      f.stock.adjust({ reason: 'damage', productId: cola, quantity: 2, note: 'Tabt på gulvet' }, OWNER),
    ).toEqual({ productId: cola, onHand: 8, booked: -2 });
    expect(f.stock.adjust({ reason: 'count', productId: cola, countedQuantity: 5 }, OWNER)).toEqual({
      productId: cola,
      onHand: 5,
      booked: -3,
    });
    expect(f.stock.adjust({ reason: 'count', productId: cola, countedQuantity: 5 }, OWNER).booked).toBe(0);
    expect(f.stock.adjust({ reason: 'adjust', productId: cola, quantity: 4 }, OWNER).onHand).toBe(9);
    expect(f.stock.onHand([cola])[cola]).toBe(9);
    const audited = f.ctx.db
      .prepare("SELECT action FROM audit_log WHERE action LIKE 'stock.%' ORDER BY id")
      .all();
    expect(audited.map((r) => (r as { action: string }).action)).toEqual([
      'stock.receive',
      'stock.damage',
      'stock.count',
      'stock.count',
      'stock.adjust',
    ]);
  });

  it('announces stock.changed after commit and nothing after a rollback', () => {
    f.ctx.events.length = 0;
    expect(() =>
      f.ctx.tx.write((tx) => {
        recordStockMovements(tx, [{ productId: cola, quantity: -1, reason: 'sale' }], null);
        throw new Error('payment failed');
      }),
    ).toThrow('payment failed');
    expect(f.ctx.events).toEqual([]);
    expect(f.stock.onHand([cola])[cola]).toBe(0);
    f.stock.receive({ lines: [{ productId: cola, quantity: 1 }] }, OWNER);
    expect(f.ctx.events).toEqual([{ name: 'stock.changed', payload: { productIds: [cola] } }]);
  });

  it('refuses bad input and changes nothing', () => {
    expect(() => f.stock.receive({ lines: [{ productId: cola, quantity: 0 }] }, OWNER)).toThrow(
      ValidationError,
    );
    expect(() => f.stock.receive({ lines: [{ productId: cola, quantity: 1.5 }] }, OWNER)).toThrow(
      ValidationError,
    );
    expect(() =>
      f.stock.receive(
        {
          lines: [
            { productId: cola, quantity: 1 },
            { productId: uuid7(), quantity: 1 },
          ],
        },
        OWNER,
      ),
    ).toThrow(BusinessRuleError);
    expect(() => f.stock.adjust({ reason: 'theft', productId: uuid7(), quantity: 1 }, OWNER)).toThrow(
      NotFoundError,
    );
    expect(() => f.stock.adjust({ reason: 'lost', productId: cola, quantity: 1 }, OWNER)).toThrow(
      ValidationError,
    );
    const style = f.product({ hasVariants: true }).id;
    expect(() => f.stock.receive({ lines: [{ productId: style, quantity: 1 }] }, OWNER)).toThrow(
      /stock is kept per variant/,
    );
    expect(f.stock.onHand([cola])[cola]).toBe(0);
  });

  it('lists products at or below their reorder point', () => {
    const low = f.product({ name: 'Kaffe', reorderPoint: 5 }).id;
    const fine = f.product({ name: 'Te', reorderPoint: 5 }).id;
    f.stock.receive(
      {
        lines: [
          { productId: low, quantity: 3 },
          { productId: fine, quantity: 30 },
        ],
      },
      OWNER,
    );
    expect(f.stock.lowStock(10)).toEqual([{ productId: low, onHand: 3, reorderPoint: 5 }]);
  });
});
