import { describe, expect, it } from 'vitest';
import { CartSnapshotSchema } from '../../hub/contract/mqtt.js';
import type { SaleView } from '../../web-ui/shared/api/sales-endpoints.js';
import { parseCartSnapshot, type CartSnapshot } from '../../web-ui/shared/display/cart-snapshot.js';
import { CartPublisher } from '../../web-ui/till/selling/cart-publisher.js';
import { addProduct, emptyCart, hubAccepted, type CartState } from '../../web-ui/till/selling/cart-state.js';
import { cartSnapshot, sameSnapshot } from '../../web-ui/till/selling/display-snapshot.js';
import { saleViewOf } from './hub-sale-view.js';

const AT = '2026-06-01T09:00:00.000Z';

const valid: CartSnapshot = {
  state: 'selling',
  saleId: 'S1',
  currency: 'DKK',
  lines: [
    {
      id: 'L1',
      name: 'Mælk 1 l',
      quantity: 2,
      measured: false,
      unitPriceMinor: 1250,
      totalMinor: 2250,
      discountMinor: 250,
    },
    {
      id: 'L2',
      name: '苹果',
      quantity: null,
      measured: true,
      unitPriceMinor: null,
      totalMinor: null,
      discountMinor: 0,
    },
  ],
  promotions: [{ name: '2 for 22.50', amountMinor: 250 }],
  totals: {
    subtotalMinor: 2500,
    discountMinor: 250,
    totalMinor: 2250,
    roundingMinor: 0,
    toPayMinor: 2250,
    paidMinor: 0,
    dueMinor: 2250,
    changeMinor: 0,
  },
  receiptCode: null,
  receiptUrl: null,
  receiptQrPath: null,
  at: AT,
};

const done: CartSnapshot = {
  ...valid,
  state: 'done',
  receiptCode: '1-27',
  receiptUrl: 'http://192.168.1.20:8080/r/1-27?t=AbCdEfGhIjKlMnOpQrStUv',
  receiptQrPath: '/r/1-27/qr.svg?t=AbCdEfGhIjKlMnOpQrStUv',
};

const malformed: [string, unknown][] = [
  ['not an object', 'hello'],
  ['null', null],
  ['an array', [valid]],
  ['an unknown state', { ...valid, state: 'sleeping' }],
  ['no state', { ...valid, state: undefined }],
  ['a float amount', { ...valid, totals: { ...valid.totals, totalMinor: 22.5 } }],
  ['an amount as text', { ...valid, totals: { ...valid.totals, dueMinor: '2250' } }],
  ['a missing total', { ...valid, totals: { ...valid.totals, changeMinor: undefined } }],
  ['a lower-case currency', { ...valid, currency: 'dkk' }],
  ['a line without a name', { ...valid, lines: [{ ...valid.lines[0], name: undefined }] }],
  ['a negative quantity', { ...valid, lines: [{ ...valid.lines[0], quantity: -1 }] }],
  ['a float quantity', { ...valid, lines: [{ ...valid.lines[0], quantity: 1.5 }] }],
  ['measured as text', { ...valid, lines: [{ ...valid.lines[0], measured: 'no' }] }],
  ['501 lines', { ...valid, lines: Array.from({ length: 501 }, () => valid.lines[0]) }],
  ['a huge amount', { ...valid, totals: { ...valid.totals, totalMinor: 2 ** 53 } }],
  ['a script URL', { ...done, receiptUrl: 'javascript:alert(1)' }],
  ['a URL that is not one', { ...done, receiptUrl: 'receipt please' }],
  ['a QR path elsewhere on the hub', { ...done, receiptQrPath: '/api/v1/tills/me' }],
  ['a QR path climbing out', { ...done, receiptQrPath: '/r/../api/qr.svg?t=x' }],
  ['a QR path with escapes', { ...done, receiptQrPath: '/r/%2e%2e/qr.svg?t=x' }],
  ['a QR path on another host', { ...done, receiptQrPath: '//evil.example/r/1/qr.svg?t=x' }],
  ['promotions missing', { ...valid, promotions: undefined }],
  ['a 300-character name', { ...valid, lines: [{ ...valid.lines[0], name: 'x'.repeat(300) }] }],
];

describe('cart snapshot: the browser and the broker agree on what is valid', () => {
  it.each([
    ['a selling cart', valid],
    ['a thank-you with its e-receipt', done],
    ['an idle till', { ...valid, state: 'idle', saleId: null, lines: [], promotions: [], totals: null }],
  ])('accepts %s in both', (_name, snapshot) => {
    expect(parseCartSnapshot(snapshot)).toEqual(snapshot);
    expect(CartSnapshotSchema.safeParse(snapshot).success).toBe(true);
  });

  it('ignores fields it does not know, in both', () => {
    const newer = { ...valid, loyaltyPoints: 12, lines: [{ ...valid.lines[0], colour: 'red' }] };
    expect(parseCartSnapshot(newer)).toEqual({ ...valid, lines: [valid.lines[0]] });
    expect(CartSnapshotSchema.safeParse(newer).success).toBe(true);
  });

  it.each(malformed)('drops %s, in both', (_name, snapshot) => {
    expect(parseCartSnapshot(snapshot)).toBeNull();
    expect(CartSnapshotSchema.safeParse(snapshot).success).toBe(false);
  });
});

// ---- the till's side: what it publishes from its cart and the pay screen ----

const SALE = '01890a5d-ac96-774b-bcce-b302099a8057';
const MILK = { productId: 'p-milk', name: 'Milk' };

function hubView(
  cart: CartState,
  over: Partial<SaleView['totals']> = {},
  status: SaleView['status'] = 'open',
) {
  const lines = cart.lines.map((l) => ({
    id: l.id,
    status: 'active' as const,
    productId: l.productId,
    name: `${l.name} 1 l`,
    quantity: l.quantity ?? 1,
    measured: false,
    unitPriceMinor: 1250,
    totalMinor: 1250 * (l.quantity ?? 1),
    discountMinor: 0,
    promotions: [],
    catalogPriceMinor: 1250,
    discount: null,
    discountReason: null,
    lineDiscountMinor: 0,
    saleDiscountMinor: 0,
    note: '',
  }));
  return saleViewOf(cart, lines, { version: 1, status, taxMinor: 250, totals: over, updatedAt: AT });
}

function rungUp(): CartState {
  const cart = addProduct(emptyCart(SALE), MILK, 'L1');
  return hubAccepted(cart, hubView(cart), cart.revision);
}

describe('what the till publishes', () => {
  it('is idle with an empty cart, with no sale and no totals', () => {
    const snap = cartSnapshot({ cart: emptyCart(SALE), paying: null, done: null }, 'DKK', AT);
    expect(snap).toMatchObject({ state: 'idle', saleId: null, lines: [], totals: null });
    expect(CartSnapshotSchema.safeParse(snap).success).toBe(true);
  });

  it('shows a line the hub has not priced yet without an amount, and no totals', () => {
    const cart = addProduct(emptyCart(SALE), MILK, 'L1');
    const snap = cartSnapshot({ cart, paying: null, done: null }, 'DKK', AT);
    expect(snap.state).toBe('selling');
    expect(snap.lines).toEqual([
      {
        id: 'L1',
        name: 'Milk',
        quantity: 1,
        measured: false,
        unitPriceMinor: null,
        totalMinor: null,
        discountMinor: 0,
      },
    ]);
    expect(snap.totals).toBeNull();
    expect(parseCartSnapshot(snap)).toEqual(snap);
  });

  it('carries the hub’s names, amounts and totals once the hub answered', () => {
    const snap = cartSnapshot({ cart: rungUp(), paying: null, done: null }, 'DKK', AT);
    expect(snap.lines[0]).toMatchObject({ name: 'Milk 1 l', totalMinor: 1250 });
    expect(snap.totals).toMatchObject({ totalMinor: 1250, dueMinor: 1250, changeMinor: 0 });
    expect(CartSnapshotSchema.safeParse(snap).success).toBe(true);
  });

  it('shows paying, then the thank-you with change and the receipt, until the next sale has lines', () => {
    const cart = rungUp();
    const paid = hubView(cart, { paidMinor: 1250, dueMinor: 0, changeMinor: 750 });
    expect(cartSnapshot({ cart, paying: paid, done: null }, 'DKK', AT)).toMatchObject({
      state: 'paying',
      totals: { paidMinor: 1250, changeMinor: 750 },
    });
    const completed = hubView(cart, { paidMinor: 1250, dueMinor: 0, changeMinor: 750 }, 'completed');
    const receipt = { url: done.receiptUrl, qrPath: done.receiptQrPath };
    const thanks = cartSnapshot({ cart, paying: null, done: { sale: completed, receipt } }, 'DKK', AT);
    expect(thanks).toMatchObject({
      state: 'done',
      receiptCode: '1-27',
      receiptUrl: done.receiptUrl,
      receiptQrPath: done.receiptQrPath,
      totals: { changeMinor: 750 },
    });
    expect(CartSnapshotSchema.safeParse(thanks).success).toBe(true);

    // "New sale": the cart empties, the thank-you stays; the first scan of the next sale ends it.
    const next = emptyCart('01890a5d-ac96-774b-bcce-b302099a9999');
    const source = { paying: null, done: { sale: completed, receipt } };
    expect(cartSnapshot({ ...source, cart: next }, 'DKK', AT).state).toBe('done');
    expect(cartSnapshot({ ...source, cart: addProduct(next, MILK, 'L9') }, 'DKK', AT).state).toBe('selling');
  });

  it('names the hub’s promotions and what each line saved, only with current totals', () => {
    const cart = addProduct(emptyCart(SALE), MILK, 'L1');
    const view = hubView(cart, { discountMinor: 250 });
    const promoted: SaleView = {
      ...view,
      lines: view.lines.map((l) => ({ ...l, totalMinor: 1000, discountMinor: 250 })),
      promotions: [{ name: 'Milk week', discountMinor: 250 }],
    };
    const synced = hubAccepted(cart, promoted, cart.revision);
    const snap = cartSnapshot({ cart: synced, paying: null, done: null }, 'DKK', AT);
    expect(snap.promotions).toEqual([{ name: 'Milk week', amountMinor: 250 }]);
    expect(snap.lines[0]).toMatchObject({ totalMinor: 1000, discountMinor: 250 });
    expect(CartSnapshotSchema.safeParse(snap).success).toBe(true);
    // A change on its way: no totals, so no promotions that may no longer hold.
    const changing = addProduct(synced, MILK, 'L2');
    expect(cartSnapshot({ cart: changing, paying: null, done: null }, 'DKK', AT).promotions).toEqual([]);
  });

  it('keeps showing paying after the pay screen closes once money was taken', () => {
    const cart = rungUp();
    const withMoney = hubAccepted(cart, hubView(cart, { paidMinor: 500, dueMinor: 750 }), cart.revision);
    expect(cartSnapshot({ cart: withMoney, paying: null, done: null }, 'DKK', AT).state).toBe('paying');
  });

  it('publishes only when what the customer sees changed, and again on reconnect', async () => {
    const sent: CartSnapshot[] = [];
    let now = 0;
    const publisher = new CartPublisher({
      now: () => new Date(Date.parse(AT) + (now += 1000)).toISOString(),
      receiptLink: () => Promise.resolve({ url: done.receiptUrl, qrPath: done.receiptQrPath }),
    });
    const cart = rungUp();
    publisher.cartChanged(cart, 'DKK');
    publisher.attach((s) => sent.push(s));
    publisher.resend();
    publisher.cartChanged(cart, 'DKK');
    publisher.cartChanged({ ...cart }, 'DKK');
    expect(sent.map((s) => s.state)).toEqual(['selling']);

    publisher.paying(cart.hub ?? hubView(cart));
    publisher.paying(hubView(cart, { paidMinor: 2000, dueMinor: 0, changeMinor: 750 }, 'completed'));
    await Promise.resolve();
    await Promise.resolve();
    expect(sent.map((s) => [s.state, s.receiptQrPath])).toEqual([
      ['selling', null],
      ['paying', null],
      ['done', null],
      ['done', done.receiptQrPath],
    ]);
    expect(sameSnapshot(sent[2] ?? null, { ...(sent[2] as CartSnapshot), at: 'later' })).toBe(true);
    publisher.resend();
    expect(sent).toHaveLength(5);
    publisher.attach(null);
    publisher.cartChanged(addProduct(emptyCart('another'), MILK, 'L2'), 'DKK');
    expect(sent).toHaveLength(5);
  });
});
