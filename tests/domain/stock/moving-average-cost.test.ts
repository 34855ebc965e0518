import { describe, expect, it } from 'vitest';
import { movingAverageCost, valueAtCost } from '../../../hub/domain/stock/moving-average-cost.js';
import { purchaseOrderMachine, stockCountMachine } from '../../../hub/domain/stock/stock-machines.js';
import { suggestReorder } from '../../../hub/services/stock/stock-overview-service.js';

describe('moving average cost', () => {
  it('weighs the stock on hand and the delivery, rounding half up to a minor unit', () => {
    expect(movingAverageCost(10, 500, 30, 600)).toBe(575);
    expect(movingAverageCost(1, 100, 1, 101)).toBe(101); // 100.5 -> 101
    expect(movingAverageCost(2, 100, 1, 101)).toBe(100); // 100.33 -> 100
    expect(movingAverageCost(3, 0, 1, 0)).toBe(0);
  });

  it('takes the delivery cost when nothing (or less than nothing) is on hand', () => {
    expect(movingAverageCost(0, 999, 5, 420)).toBe(420);
    expect(movingAverageCost(-4, 999, 5, 420)).toBe(420);
  });

  it('refuses a delivery of no goods', () => {
    expect(() => movingAverageCost(1, 1, 0, 1)).toThrow(RangeError);
    expect(() => movingAverageCost(1, 1, 1.5, 1)).toThrow(RangeError);
  });
});

describe('value at cost', () => {
  it('values pieces per piece and grams or millilitres per kg or litre, rounded to a minor unit', () => {
    expect(valueAtCost(7, 'piece', 333)).toBe(2331);
    expect(valueAtCost(19_047, 'kg', 14_670)).toBe(279_419); // 19.047 kg at 146.70/kg = 2,794.19
    expect(valueAtCost(500, 'l', 1_001)).toBe(501); // 0.5 l at 10.01/l = 5.005 -> 5.01
    expect(valueAtCost(-500, 'kg', 1_001)).toBe(-501);
  });
});

describe('stock lifecycles', () => {
  it('receives a purchase order only once it is sent, and never after it is complete', () => {
    expect(purchaseOrderMachine.can('draft', 'receive_some')).toBe(false);
    expect(purchaseOrderMachine.next('sent', 'receive_some')).toEqual({ ok: true, to: 'partly_received' });
    expect(purchaseOrderMachine.next('partly_received', 'receive_rest')).toEqual({
      ok: true,
      to: 'received',
    });
    expect(purchaseOrderMachine.can('partly_received', 'cancel')).toBe(false);
    expect(purchaseOrderMachine.isFinal('received')).toBe(true);
    expect(stockCountMachine.can('posted', 'post')).toBe(false);
  });
});

describe('reorder suggestion', () => {
  it('orders up to the reorder point plus the cover period, less on-hand and on order, rounded up', () => {
    expect(suggestReorder({ onHand: 16, onOrder: 0, reorderPoint: 10, sold: 84 }, 28, 14)).toEqual({
      perDay: 3,
      target: 52,
      suggested: 36,
    });
    expect(suggestReorder({ onHand: 0, onOrder: 0, reorderPoint: null, sold: 1 }, 28, 14).suggested).toBe(1);
    expect(suggestReorder({ onHand: 60, onOrder: 0, reorderPoint: 10, sold: 84 }, 28, 14).suggested).toBe(0);
    // More returned than sold is no negative velocity.
    expect(suggestReorder({ onHand: 5, onOrder: 2, reorderPoint: 10, sold: -3 }, 28, 14)).toEqual({
      perDay: 0,
      target: 10,
      suggested: 3,
    });
  });
});
