import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../hub/ids.js';
import {
  asAdmin,
  complete,
  demoProduct,
  errorCode,
  openSale,
  pay,
  sellWithCash,
  tenderOfKind,
  type SaleAnswer,
} from '../support/customer-sales.js';
import { startDemoHub, type DemoHub } from '../support/demo-hub.js';

interface CardBody {
  code: string;
  balanceMinor: number;
  entries: { kind: string; amountMinor: number }[];
}

describe('gift cards over HTTP on the demo hub', () => {
  let demo: DemoHub;
  let cash: string;
  let giftTender: string;
  let card: { id: string; priceMinor: number };
  let goods: { id: string; priceMinor: number };

  beforeAll(async () => {
    demo = await startDemoHub('gift-cards-');
    cash = await tenderOfKind(demo, 'cash', 'Cash');
    giftTender = await tenderOfKind(demo, 'gift_card', 'Gift card');
    card = await demoProduct(demo, 1);
    goods = await demoProduct(demo, 0);
    const marked = await asAdmin(demo, `/gift-cards/products/${card.id}`, 'PUT', { giftCard: true });
    expect(marked.status).toBe(200);
  }, 60_000);
  afterAll(async () => {
    await demo.close();
  });

  async function balance(code: string): Promise<CardBody> {
    const res = await demo.api(`/gift-cards/${code}`);
    expect(res.status).toBe(200);
    return res.body as unknown as CardBody;
  }

  /** Sells a card for `amount` (a price override by the manager's rules is not needed: the line is priced). */
  async function sellCard(code: string, quantity = 1): Promise<SaleAnswer> {
    return sellWithCash(demo, cash, [{ productId: card.id, quantity, note: code }]);
  }

  it('activates a card when the sale selling it completes, and not before', async () => {
    const sale = await openSale(demo, [{ productId: card.id, note: 'gc-1000-0001' }]);
    expect((await demo.api('/gift-cards/GC10000001')).status).toBe(404);
    await pay(demo, sale.id, cash, sale.totals.dueMinor);
    expect((await complete(demo, sale.id)).status).toBe(200);
    const loaded = await balance('GC 1000 0001');
    expect(loaded).toMatchObject({ code: 'GC10000001', balanceMinor: card.priceMinor });
    expect(loaded.entries).toEqual([expect.objectContaining({ kind: 'load', amountMinor: card.priceMinor })]);
    // Selling the same card again reloads it.
    await sellCard('GC10000001', 2);
    expect((await balance('GC10000001')).balanceMinor).toBe(card.priceMinor * 3);
  });

  it('refuses to complete a gift-card line without a card code, and changes nothing', async () => {
    const sale = await openSale(demo, [{ productId: card.id }]);
    await pay(demo, sale.id, cash, sale.totals.dueMinor);
    const res = await complete(demo, sale.id);
    expect(res.status).toBe(422);
    expect(errorCode(res)).toBe('GIFT_CARD_CODE_REQUIRED');
    expect((await demo.api(`/sales/${sale.id}`)).body.status).toBe('open');
  });

  it('redeems as a tender, refuses more than the balance and gives a cancelled payment back', async () => {
    await sellCard('GC20000002');
    const sale = await openSale(demo, [{ productId: goods.id, quantity: 10 }]);
    const tooMuch = await pay(demo, sale.id, giftTender, card.priceMinor + 1, 'GC20000002');
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.error).toMatchObject({
      code: 'INSUFFICIENT_BALANCE',
      details: { balanceMinor: card.priceMinor },
    });
    expect(errorCode(await pay(demo, sale.id, giftTender, 100, 'NOSUCHCARD'))).toBe('UNKNOWN_GIFT_CARD');
    expect(errorCode(await pay(demo, sale.id, giftTender, 100))).toBe('REFERENCE_REQUIRED');

    const paid = await pay(demo, sale.id, giftTender, 100, 'gc2000-0002');
    expect(paid.status).toBe(201);
    const payment = paid.body.payment as { id: string; reference: string };
    expect(payment.reference).toBe('GC20000002');
    expect((await balance('GC20000002')).balanceMinor).toBe(card.priceMinor - 100);

    const cancelled = await demo.api(`/payments/${payment.id}/cancel`, { method: 'POST', body: {} });
    expect(cancelled.status).toBe(200);
    const after = await balance('GC20000002');
    expect(after.balanceMinor).toBe(card.priceMinor);
    expect(after.entries.map((e) => e.kind)).toEqual(['load', 'redeem', 'reversal']);
  });

  it('never overdraws a card under concurrent redemptions from many sales', async () => {
    await sellCard('GC30000003', 3);
    const loaded = card.priceMinor * 3;
    const each = Math.floor(loaded / 4) + 1; // three fit, the fourth cannot
    const sales = await Promise.all(
      Array.from({ length: 10 }, () => openSale(demo, [{ productId: goods.id, quantity: 50 }])),
    );
    for (const s of sales) expect(s.totals.dueMinor).toBeGreaterThan(each);
    const answers = await Promise.all(sales.map((s) => pay(demo, s.id, giftTender, each, 'GC30000003')));
    const approved = answers.filter((a) => a.status === 201);
    const refused = answers.filter((a) => a.status === 422);
    expect(approved).toHaveLength(3);
    expect(refused).toHaveLength(7);
    for (const r of refused) expect(errorCode(r)).toBe('INSUFFICIENT_BALANCE');
    const after = await balance('GC30000003');
    expect(after.balanceMinor).toBe(loaded - 3 * each);
    expect(after.balanceMinor).toBeGreaterThanOrEqual(0);
    expect(after.entries.filter((e) => e.kind === 'redeem')).toHaveLength(3);
  });

  it('lets a manager reload, correct and list cards, audited; a cashier may only look', async () => {
    await sellCard('GC40000004');
    const reloaded = await asAdmin(demo, '/gift-cards/GC40000004/reload', 'POST', {
      amountMinor: 5000,
      note: 'Goodwill',
    });
    expect(reloaded.status).toBe(200);
    expect(reloaded.body.balanceMinor).toBe(card.priceMinor + 5000);
    const overdraw = await asAdmin(demo, '/gift-cards/GC40000004/reload', 'POST', {
      amountMinor: -(card.priceMinor + 5001),
      note: 'Typo',
    });
    expect(errorCode(overdraw)).toBe('INSUFFICIENT_BALANCE');
    const issued = await asAdmin(demo, '/gift-cards/NEWCARD01/reload', 'POST', {
      amountMinor: 2500,
      note: 'Prize',
    });
    expect(issued.body).toMatchObject({ code: 'NEWCARD01', balanceMinor: 2500, currency: 'DKK' });

    const asCashier = await demo.api('/gift-cards/GC40000004/reload', {
      method: 'POST',
      body: { amountMinor: 100, note: 'x' },
    });
    expect(asCashier.status).toBe(403);
    expect((await demo.api('/gift-cards')).status).toBe(403);

    const list = await asAdmin(demo, '/gift-cards?q=gc4');
    expect(list.body.items).toEqual([
      expect.objectContaining({ code: 'GC40000004', balanceMinor: card.priceMinor + 5000 }),
    ]);
    const audit = await asAdmin(demo, '/audit?limit=200');
    const actions = (audit.body.items as { action: string; target: string }[]).filter(
      (a) => a.action === 'gift_card.adjust',
    );
    expect(actions.map((a) => a.target)).toEqual(expect.arrayContaining(['GC40000004', 'NEWCARD01']));
  });

  it('refuses a bad code and a zero reload with 400/422 and writes nothing', async () => {
    const zero = await asAdmin(demo, '/gift-cards/GC50000005/reload', 'POST', { amountMinor: 0, note: 'x' });
    expect(zero.status).toBe(400);
    const short = await asAdmin(demo, '/gift-cards/AB/reload', 'POST', { amountMinor: 10, note: 'x' });
    expect(errorCode(short)).toBe('GIFT_CARD_CODE');
    expect((await demo.api('/gift-cards/GC50000005')).status).toBe(404);
    const sale = { id: newId() };
    expect(
      (await demo.api(`/gift-cards/products/${sale.id}`, { method: 'PUT', body: { giftCard: true } })).status,
    ).toBe(403);
  });
});
