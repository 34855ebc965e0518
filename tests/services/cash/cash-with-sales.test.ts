import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../../hub/ids.js';
import { setupSales, type SalesFixture } from '../sales/sales-fixture.js';

// Integration with the real sales and payments services: a sale completed through them must land in the
// session's X report and its cash in the drawer's expected amount.
let s: SalesFixture;
beforeEach(() => {
  s = setupSales('DK');
});
afterEach(() => {
  s.close();
});

async function sell(
  lines: { productId: string; quantity: number }[],
  tenderId: string,
  amountMinor: number,
  tenderedMinor?: number,
) {
  const saleId = newId();
  await s.mod.sales.cart.create(s.cashier, { id: saleId, lines: lines.map((l) => s.line(l.productId, l)) });
  await s.mod.payments.add(s.cashier, saleId, {
    id: newId(),
    tenderId,
    amountMinor,
    ...(tenderedMinor === undefined ? {} : { tenderedMinor }),
  });
  return s.mod.sales.completion.complete(s.cashier, saleId);
}

describe('cash session with real sales', () => {
  it('refuses to complete a sale without an open session', async () => {
    const product = s.product({ sku: 'BREAD', priceMinor: 3000 });
    await expect(sell([{ productId: product, quantity: 1 }], s.tender.card, 3000)).rejects.toMatchObject({
      code: 'CASH_SESSION_REQUIRED',
    });
  });

  it('shows a completed cash sale and a card sale in the X report and the expected cash', async () => {
    s.openSession();
    const sessionId = s.cash.current(s.cashier.tillId)?.id ?? '';
    const bread = s.product({ sku: 'BREAD', priceMinor: 3000 });
    const milk = s.product({ sku: 'MILK', priceMinor: 1250 });
    const cashSale = await sell([{ productId: bread, quantity: 2 }], s.tender.cash, 6000, 10000);
    const cardSale = await sell([{ productId: milk, quantity: 1 }], s.tender.card, 1250);
    expect(cashSale.status).toBe('completed');
    expect(cardSale.status).toBe('completed');

    const x = s.cash.xReport(s.cashier.principal, sessionId);
    expect(x.sales).toEqual({ count: 2, amountMinor: 7250 });
    expect(x.cashSalesMinor).toBe(6000);
    expect(x.expectedCashMinor).toBe(100_000 + 6000);
    expect(x.tenders.map((t) => [t.tenderKind, t.charges.amountMinor])).toEqual([
      ['card', 1250],
      ['cash', 6000],
    ]);
    const taxTotal = x.taxes.reduce((sum, t) => sum + t.taxMinor, 0);
    expect(taxTotal).toBe(cashSale.totals.taxMinor + cardSale.totals.taxMinor);
    expect(x.taxes.reduce((sum, t) => sum + t.grossMinor, 0)).toBe(7250);
  });
});
