import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../hub/errors.js';
import { newId } from '../../../hub/ids.js';
import { CustomerService } from '../../../hub/services/customers/customer-service.js';
import { PromotionService } from '../../../hub/services/promotions/promotion-service.js';
import { SYSTEM_ACTOR } from '../../../hub/services/settings/actor.js';
import { ManualClock } from '../../support/hub-context.js';
import { setupSales, type SalesFixture } from './sales-fixture.js';

async function codeOf(run: () => unknown): Promise<string> {
  try {
    await run();
  } catch (error) {
    if (error instanceof AppError) return `${error.status} ${error.code}`;
    throw error;
  }
  return 'ok';
}

// The fixture's clock starts at 2026-06-01T09:00Z.
const JUNE = '2026-06-01T00:00:00Z';

describe('promotions in the hub’s pricing', () => {
  let f: SalesFixture;
  let promotions: PromotionService;
  afterEach(() => {
    f.close();
  });

  function store(): { tea: string; milk: string } {
    f = setupSales('DK');
    promotions = new PromotionService(f.ctx);
    return {
      tea: f.product({ sku: 'TEA', priceMinor: 2000 }),
      milk: f.product({ sku: 'MILK', priceMinor: 1295 }),
    };
  }

  function campaign(input: Record<string, unknown>): string {
    return promotions.create({ startsAt: JUNE, ...input }, SYSTEM_ACTOR).promotion.id;
  }

  it('prices 3 for 2 into the totals and tax, and names the promotion on the line and the sale', async () => {
    const { tea, milk } = store();
    const id = campaign({
      name: 'Tea 3 for 2',
      target: { productIds: [tea] },
      rule: { kind: 'multibuy', buy: 3, pay: 2 },
    });
    const { sale } = await f.mod.sales.cart.create(f.cashier, {
      id: newId(),
      lines: [f.line(tea, { quantity: 3 }), f.line(milk)],
    });
    expect(sale.lines[0]).toMatchObject({
      grossMinor: 6000,
      promotionDiscountMinor: 2000,
      promotions: [{ promotionId: id, name: 'Tea 3 for 2', discountMinor: 2000 }],
      netMinor: 4000,
    });
    expect(sale.lines[1]).toMatchObject({ promotionDiscountMinor: 0, promotions: [] });
    // 40.00 + 12.95 incl. 25 % VAT: the tax is on what the customer pays, not on the list price.
    expect(sale.totals).toMatchObject({
      subtotalMinor: 7295,
      discountMinor: 2000,
      totalMinor: 5295,
      taxMinor: 1059,
    });
    expect(sale.promotions).toEqual([{ promotionId: id, name: 'Tea 3 for 2', discountMinor: 2000 }]);
  });

  it('returns prices to normal by themselves when the campaign ends', async () => {
    const { tea } = store();
    campaign({
      name: 'Morning tea',
      target: { productIds: [tea] },
      rule: { kind: 'percent_off', bp: 5000 },
      endsAt: '2026-06-01T10:00:00Z',
    });
    const line = f.line(tea);
    const { sale } = await f.mod.sales.cart.create(f.cashier, { id: newId(), lines: [line] });
    expect(sale.totals.totalMinor).toBe(1000);
    if (!(f.ctx.clock instanceof ManualClock)) throw new Error('the fixture runs on a manual clock');
    f.ctx.clock.advance(60 * 60 * 1000);
    const later = await f.mod.sales.cart.update(f.cashier, sale.id, {
      expectedVersion: sale.version,
      lines: [{ ...line, quantity: 2 }],
    });
    expect(later.sale.totals.totalMinor).toBe(4000);
    expect(later.sale.promotions).toEqual([]);
  });

  it('applies a coupon promotion only with its code, and refuses an unknown code without creating the sale', async () => {
    const { tea } = store();
    campaign({
      name: 'Flyer',
      target: { productIds: [tea] },
      rule: { kind: 'amount_off', amountMinor: 500 },
      couponCode: 'summer-26',
    });
    const without = await f.mod.sales.cart.create(f.cashier, { id: newId(), lines: [f.line(tea)] });
    expect(without.sale.totals.totalMinor).toBe(2000);
    const withCode = await f.mod.sales.cart.create(f.cashier, {
      id: newId(),
      lines: [f.line(tea)],
      couponCodes: [' Summer-26 '],
    });
    expect(withCode.sale.totals.totalMinor).toBe(1500);
    expect(withCode.sale.couponCodes).toEqual(['SUMMER-26']);
    const badId = newId();
    expect(
      await codeOf(() =>
        f.mod.sales.cart.create(f.cashier, { id: badId, lines: [f.line(tea)], couponCodes: ['WINTER'] }),
      ),
    ).toBe('422 COUPON_NOT_VALID');
    expect(f.ctx.db.prepare('SELECT count(*) AS n FROM sales WHERE id = ?').get(badId)).toEqual({ n: 0 });
  });

  it('gives member prices when a customer is attached, and takes them back when detached', async () => {
    const { tea } = store();
    campaign({
      name: 'Members',
      target: { productIds: [tea] },
      rule: { kind: 'fixed_price', priceMinor: 1500 },
      customersOnly: true,
    });
    const customer = new CustomerService(f.ctx).create(f.cashier.principal, {
      name: 'Mette',
      phone: '+4520304050',
    });
    const { sale } = await f.mod.sales.cart.create(f.cashier, {
      id: newId(),
      lines: [f.line(tea, { quantity: 2 })],
    });
    expect(sale.totals.totalMinor).toBe(4000);
    const member = f.mod.sales.lifecycle.setCustomer(sale.id, customer.id);
    expect(member.totals.totalMinor).toBe(3000);
    expect(member.lines[0]?.promotions.map((p) => p.name)).toEqual(['Members']);
    expect(f.mod.sales.lifecycle.setCustomer(sale.id, null).totals.totalMinor).toBe(4000);
  });

  it('takes the cashier’s discount from the promoted amount, and never promotes an overridden price', async () => {
    const { tea, milk } = store();
    campaign({ name: 'Half', target: { productIds: [tea, milk] }, rule: { kind: 'percent_off', bp: 5000 } });
    const { sale } = await f.mod.sales.cart.create(f.cashier, {
      id: newId(),
      lines: [
        f.line(tea, { discount: { kind: 'percent', bp: 1000 }, discountReason: 'dented' }),
        f.line(milk, { unitPriceMinor: 1000 }),
      ],
      override: f.override,
    });
    expect(sale.lines[0]).toMatchObject({
      promotionDiscountMinor: 1000,
      lineDiscountMinor: 100,
      netMinor: 900,
    });
    expect(sale.lines[1]).toMatchObject({ unitPriceMinor: 1000, promotionDiscountMinor: 0, netMinor: 1000 });
  });

  it('refunds a promoted line at what was paid, the parts summing to the line', async () => {
    const { tea } = store();
    campaign({ name: '3 for 2', target: { productIds: [tea] }, rule: { kind: 'multibuy', buy: 3, pay: 2 } });
    f.openSession();
    const { sale } = await f.mod.sales.cart.create(f.cashier, {
      id: newId(),
      lines: [f.line(tea, { quantity: 3 })],
    });
    await f.mod.payments.add(f.cashier, sale.id, { id: newId(), tenderId: f.tender.card, amountMinor: 4000 });
    const done = f.mod.sales.completion.complete(f.cashier, sale.id);
    const supervisor = f.actorAt(f.people.till, f.people.supervisorId, '2222');
    const line = done.lines[0];
    if (!line) throw new Error('no line');
    const refunds: number[] = [];
    for (let i = 0; i < 3; i++) {
      const { sale: ret } = await f.mod.returns.create(supervisor, {
        id: newId(),
        originalReceiptCode: done.receipt?.code ?? '',
        lines: [{ originalLineId: line.id, quantity: 1, restock: true, reason: 'unwanted' }],
      });
      expect(ret.lines[0]?.promotions.map((p) => p.name)).toEqual(['3 for 2']);
      refunds.push(ret.totals.totalMinor);
    }
    expect(refunds).toEqual([1333, 1334, 1333]);
    expect(refunds.reduce((a, b) => a + b, 0)).toBe(4000);
  });
});

describe('managing promotions', () => {
  let f: SalesFixture;
  afterEach(() => {
    f.close();
  });

  it('refuses nonsense with a clear error and writes nothing', async () => {
    f = setupSales('DK');
    const promotions = new PromotionService(f.ctx);
    const tea = f.product({ sku: 'TEA', priceMinor: 2000 });
    const base = { name: 'x', startsAt: JUNE, target: { productIds: [tea] } };
    const cases: [unknown, string][] = [
      [{ ...base, rule: { kind: 'multibuy', buy: 3, pay: 3 } }, '400 VALIDATION_FAILED'],
      [{ ...base, rule: { kind: 'percent_off', bp: 12_000 } }, '400 VALIDATION_FAILED'],
      [{ ...base, target: {}, rule: { kind: 'percent_off', bp: 100 } }, '400 VALIDATION_FAILED'],
      [
        { ...base, endsAt: '2026-05-01T00:00:00Z', rule: { kind: 'percent_off', bp: 100 } },
        '400 VALIDATION_FAILED',
      ],
      [
        { ...base, couponCode: 'no spaces!', rule: { kind: 'percent_off', bp: 100 } },
        '400 VALIDATION_FAILED',
      ],
      [
        { ...base, target: { productIds: [newId()] }, rule: { kind: 'percent_off', bp: 100 } },
        '422 UNKNOWN_TARGET',
      ],
    ];
    for (const [input, expected] of cases) {
      expect(await codeOf(() => promotions.create(input, SYSTEM_ACTOR))).toBe(expected);
    }
    expect(promotions.list(true)).toEqual([]);
  });

  it('archiving ends a campaign at once; editing is audited and keeps the window valid', async () => {
    f = setupSales('DK');
    const promotions = new PromotionService(f.ctx);
    const tea = f.product({ sku: 'TEA', priceMinor: 2000 });
    const { promotion } = promotions.create(
      {
        name: 'Half',
        startsAt: JUNE,
        target: { productIds: [tea] },
        rule: { kind: 'percent_off', bp: 5000 },
      },
      SYSTEM_ACTOR,
    );
    expect(
      await codeOf(() =>
        promotions.update(promotion.id, { endsAt: '2026-05-01T00:00:00+02:00' }, SYSTEM_ACTOR),
      ),
    ).toBe('400 VALIDATION_FAILED');
    const renamed = promotions.update(promotion.id, { name: 'Half price tea' }, SYSTEM_ACTOR);
    expect(renamed).toMatchObject({ name: 'Half price tea', startsAt: '2026-06-01T00:00:00.000Z' });
    promotions.setArchived(promotion.id, true, SYSTEM_ACTOR);
    const { sale } = await f.mod.sales.cart.create(f.cashier, { id: newId(), lines: [f.line(tea)] });
    expect(sale.totals.totalMinor).toBe(2000);
    const actions = f.ctx.db
      .prepare("SELECT action FROM audit_log WHERE action LIKE 'promotion.%' ORDER BY rowid")
      .all()
      .map((r) => (r as { action: string }).action);
    expect(actions).toEqual(['promotion.create', 'promotion.update', 'promotion.archive']);
  });
});
