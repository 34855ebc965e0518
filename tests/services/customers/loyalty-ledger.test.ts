import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SaleRow } from '../../../hub/db/sales-queries.js';
import { CustomerService } from '../../../hub/services/customers/customer-service.js';
import { addPointsEntry, loyaltyTender } from '../../../hub/services/customers/loyalty-ledger.js';
import { LoyaltyService } from '../../../hub/services/customers/loyalty-service.js';
import { DEFAULT_LOYALTY } from '../../../hub/services/customers/loyalty-settings.js';
import { adminWith } from '../../support/principals.js';
import { createTestContext, type TestContext } from '../../support/hub-context.js';

const MANAGER = adminWith(['customers.manage', 'settings.manage']);

/** check() reads the sale's id and customer only. */
const saleOf = (customerId: string | null) => ({ id: 'sale-1', customer_id: customerId }) as SaleRow;

describe('loyalty points ledger', () => {
  let ctx: TestContext;
  let loyalty: LoyaltyService;
  let customer: string;

  beforeEach(() => {
    ctx = createTestContext();
    loyalty = new LoyaltyService(ctx);
    customer = new CustomerService(ctx).create(MANAGER, { name: 'Aino' }).id;
    loyalty.updateSettings(MANAGER, {
      ...DEFAULT_LOYALTY,
      enabled: true,
      pointValueMinor: 5,
      tiers: [{ name: 'Gold', minPoints: 100, multiplierBp: 20_000 }],
    });
  });
  afterEach(() => {
    ctx.close();
  });

  it('keeps the balance as the sum of its entries and the tier by lifetime points earned', () => {
    ctx.tx.write((tx) => {
      addPointsEntry(tx, { customerId: customer, kind: 'earn', points: 120, staffId: null });
      addPointsEntry(tx, { customerId: customer, kind: 'return', points: -30, staffId: null });
    });
    loyalty.adjust(MANAGER, customer, { points: 15, note: 'birthday' });
    const view = loyalty.ofCustomer(MANAGER, customer);
    expect(view).toMatchObject({
      balancePoints: 105,
      lifetimePoints: 90,
      balanceValueMinor: 525,
      tier: null,
    });
    expect(view.nextTier).toMatchObject({ name: 'Gold', minPoints: 100 });
    ctx.tx.write((tx) => {
      addPointsEntry(tx, { customerId: customer, kind: 'earn', points: 10, staffId: null });
    });
    expect(loyalty.ofCustomer(MANAGER, customer).tier).toMatchObject({ name: 'Gold' });
    expect(loyalty.entries(MANAGER, customer, 10, 0).items.map((e) => e.kind)).toEqual([
      'earn',
      'adjust',
      'return',
      'earn',
    ]);
  });

  it('checks a points payment against the balance, the value step and the customer', () => {
    loyalty.adjust(MANAGER, customer, { points: 40, note: 'welcome' });
    ctx.tx.write((tx) => {
      expect(loyaltyTender.check(tx, saleOf(customer), '', 200)).toBe(customer);
      expect(() => loyaltyTender.check(tx, saleOf(customer), '', 205)).toThrow(/Only 40 points/);
      expect(() => loyaltyTender.check(tx, saleOf(customer), '', 7)).toThrow(/steps of 5/);
      expect(() => loyaltyTender.check(tx, saleOf(null), '', 5)).toThrow(/Add the customer/);
    });
  });

  it('refuses points payments while the programme is off, and a correction below zero', () => {
    loyalty.adjust(MANAGER, customer, { points: 10, note: 'welcome' });
    expect(() => loyalty.adjust(MANAGER, customer, { points: -11, note: 'x' })).toThrow(/Only 10 points/);
    loyalty.updateSettings(MANAGER, { ...DEFAULT_LOYALTY, enabled: false });
    ctx.tx.write((tx) => {
      expect(() => loyaltyTender.check(tx, saleOf(customer), '', 1)).toThrow(/no loyalty programme/);
    });
    expect(() => loyalty.updateSettings(adminWith(['customers.manage']), DEFAULT_LOYALTY)).toThrow(
      /settings.manage/,
    );
    expect(loyalty.ofCustomer(MANAGER, customer).balancePoints).toBe(10);
  });
});
