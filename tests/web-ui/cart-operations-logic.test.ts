import { describe, expect, it } from 'vitest';
import {
  cartActionForKey,
  isLineAction,
  selectedLine,
  shortcutText,
  type KeyPress,
} from '../../web-ui/till/selling/cart-actions.js';
import {
  setCustomer,
  setLineDiscount,
  setLineNote,
  setLinePrice,
  setSaleDiscount,
  setSaleNote,
} from '../../web-ui/till/selling/cart-edits.js';
import { cartFromHub } from '../../web-ui/till/selling/cart-recall.js';
import {
  addProduct,
  cartRequest,
  currentTotals,
  displayLines,
  emptyCart,
  fromStored,
  hubAccepted,
  hubRefused,
  toStored,
  type CartState,
} from '../../web-ui/till/selling/cart-state.js';
import {
  parseDiscount,
  parsePercent,
  parseQuantity,
  percentText,
} from '../../web-ui/till/selling/edit-input.js';
import { hubView } from './hub-sale-view.js';

const SALE = '01890a5d-ac96-774b-bcce-b302099a8057';
const L1 = '01890a5d-ac96-774b-bcce-b302099a8001';
const L2 = '01890a5d-ac96-774b-bcce-b302099a8002';
const P1 = '11111111-1111-4111-8111-111111111111';
const P2 = '22222222-2222-4222-8222-222222222222';
const LENA = { id: '01890a5d-ac96-774b-bcce-b302099a80c1', name: 'Lena' };

/** Two lines, the hub's answer to them in hand. */
function synced(): CartState {
  let cart = addProduct(emptyCart(SALE), { productId: P1, name: 'Milk' }, L1);
  cart = addProduct(cart, { productId: P2, name: 'Bread' }, L2);
  return hubAccepted(cart, hubView(cart, 1), cart.revision);
}

describe('cart edits', () => {
  it('sends a line discount with its reason, a price override and a note on the line', () => {
    let cart = setLineDiscount(synced(), L1, { kind: 'percent', bp: 2500 }, '  Dented box ');
    cart = setLinePrice(cart, L2, 500);
    cart = setLineNote(cart, L2, 'Gift wrap');
    const request = cartRequest(cart);
    expect(request?.kind).toBe('replace');
    expect(request?.cart.lines).toEqual([
      {
        id: L1,
        productId: P1,
        quantity: 1,
        discount: { kind: 'percent', bp: 2500 },
        discountReason: 'Dented box',
      },
      { id: L2, productId: P2, quantity: 1, unitPriceMinor: 500, note: 'Gift wrap' },
    ]);
  });

  it('sends the sale discount, note and customer beside the lines, and clears them again', () => {
    let cart = setSaleDiscount(synced(), { kind: 'amount', amountMinor: 1000 }, 'Regular');
    cart = setSaleNote(cart, 'Pick up at 5');
    cart = setCustomer(cart, LENA);
    expect(cartRequest(cart)?.cart).toMatchObject({
      saleDiscount: { kind: 'amount', amountMinor: 1000 },
      saleDiscountReason: 'Regular',
      note: 'Pick up at 5',
      customerId: LENA.id,
    });
    cart = setSaleDiscount(cart, null, '');
    cart = setCustomer(cart, null);
    const fields = cartRequest(cart)?.cart ?? {};
    expect('saleDiscount' in fields).toBe(false);
    expect('customerId' in fields).toBe(false);
  });

  it('treats a 0 discount as none and leaves the cart alone when nothing changes', () => {
    const cart = synced();
    expect(setLineDiscount(cart, L1, { kind: 'percent', bp: 0 }, 'x')).toBe(cart);
    expect(setLinePrice(cart, L1, null)).toBe(cart);
    expect(setLinePrice(cart, L1, -5)).toBe(cart);
    expect(setLineNote(cart, 'no-such-line', 'x')).toBe(cart);
    expect(setCustomer(cart, null)).toBe(cart);
  });

  it('shows the hub’s discount and price only once the hub priced the line as it stands', () => {
    let cart = setLineDiscount(synced(), L1, { kind: 'percent', bp: 2500 }, 'Dented');
    let shown = displayLines(cart)[0];
    expect(shown?.discount).toEqual({ kind: 'percent', bp: 2500 });
    expect(shown?.discountMinor).toBeNull();
    expect(shown?.totalMinor).toBeNull();
    expect(currentTotals(cart)).toBeNull();
    cart = hubAccepted(cart, hubView(cart, 2), cart.revision);
    shown = displayLines(cart)[0];
    expect(shown?.discountMinor).toBe(250);
    expect(shown?.totalMinor).toBe(750);

    cart = setLinePrice(cart, L2, 500);
    expect(displayLines(cart)[1]?.unitPriceMinor).toBeNull();
    cart = hubAccepted(cart, hubView(cart, 3), cart.revision);
    expect(displayLines(cart)[1]).toMatchObject({ unitPriceMinor: 500, catalogPriceMinor: 1000 });
  });

  it('puts the sale fields back with the lines when the hub refuses', () => {
    const before = setCustomer(synced(), LENA);
    const accepted = hubAccepted(before, hubView(before, 2), before.revision);
    const refused = hubRefused(setSaleDiscount(accepted, { kind: 'percent', bp: 5000 }, 'Friend'));
    expect(refused.sale.discount).toBeNull();
    expect(refused.sale.customer).toEqual(LENA);
  });

  it('keeps edits and the sale fields through storage; an older stored cart reads with none', () => {
    let cart = setLineDiscount(synced(), L1, { kind: 'amount', amountMinor: 300 }, 'Dented');
    cart = setCustomer(setSaleNote(cart, 'Call me'), LENA);
    const back = fromStored(JSON.parse(JSON.stringify(toStored(cart))));
    expect(back?.lines[0]?.edits).toEqual({
      unitPriceMinor: null,
      discount: { kind: 'amount', amountMinor: 300 },
      discountReason: 'Dented',
      note: '',
    });
    expect(back?.sale).toMatchObject({ note: 'Call me', customer: LENA });
    const old = fromStored({
      saleId: SALE,
      lines: [{ id: L1, productId: P1, name: 'Milk', quantity: 2, scannedCode: null }],
    });
    expect(old?.lines[0]?.edits.discount).toBeNull();
    expect(old?.sale.customer).toBeNull();
  });
});

describe('recalling a parked sale', () => {
  it('takes the hub’s lines and edits as accepted, with nothing to send', () => {
    let parked = setLinePrice(synced(), L2, 500);
    parked = setSaleNote(setLineDiscount(parked, L1, { kind: 'percent', bp: 1000 }, 'Old'), 'Later');
    const view = { ...hubView(parked, 7), customerId: LENA.id };
    const cart = cartFromHub(view, null, LENA);
    expect(cartRequest(cart)).toBeNull();
    expect(cart.sync).toBe('synced');
    expect(cart.lines.map((l) => l.edits)).toEqual(parked.lines.map((l) => l.edits));
    expect(cart.sale).toMatchObject({ note: 'Later', customer: LENA });
    expect(currentTotals(cart)).toEqual(view.totals);
  });

  it('gives a label line its scanned code back from the copy this till kept', () => {
    const label = addProduct(
      emptyCart(SALE),
      { productId: P1, name: 'Cheese', labelCode: '2000422034759' },
      L1,
    );
    const view = hubView(label, 2);
    expect(cartFromHub(view, toStored(label), null).lines[0]).toMatchObject({
      quantity: null,
      scannedCode: '2000422034759',
    });
    expect(cartFromHub(view, null, null).lines[0]).toMatchObject({ quantity: 250, scannedCode: null });
  });
});

describe('reading typed edits', () => {
  it('reads quantities, percents and amounts from the digits, and refuses the rest', () => {
    expect(parseQuantity(' 12 ')).toBe(12);
    expect(parseQuantity('0')).toBeNull();
    expect(parseQuantity('1.5')).toBeNull();
    expect(parseQuantity('10000')).toBeNull();
    expect(parsePercent('12,5')).toBe(1250);
    expect(parsePercent('12.25 %')).toBe(1225);
    expect(parsePercent('100')).toBe(10_000);
    expect(parsePercent('100.01')).toBeNull();
    expect(parsePercent('12.345')).toBeNull();
    expect(parseDiscount('amount', '5,50', 2)).toEqual({ kind: 'amount', amountMinor: 550 });
    expect(parseDiscount('amount', '5.505', 2)).toBeNull();
    expect(parseDiscount('percent', 'ten', 2)).toBeNull();
    expect([1250, 1000, 5, 0].map(percentText)).toEqual(['12.5', '10', '0.05', '0']);
  });
});

describe('cart shortcuts', () => {
  const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({
    key,
    code: /^[a-z]$/.test(key) ? `Key${key.toUpperCase()}` : key,
    altKey: false,
    ctrlKey: false,
    metaKey: false,
    ...extra,
  });

  it('maps function keys to line actions and Alt+letters to sale actions, by key position', () => {
    expect(cartActionForKey(press('F4'))).toBe('line-discount');
    expect(cartActionForKey(press('Delete'))).toBe('void-line');
    expect(cartActionForKey(press('p', { altKey: true }))).toBe('park');
    // Alt+P types π on a Mac: the key's position still says P.
    expect(cartActionForKey({ ...press('π', { altKey: true }), code: 'KeyP' })).toBe('park');
    expect(cartActionForKey(press('p'))).toBeNull();
    expect(cartActionForKey(press('F4', { ctrlKey: true }))).toBeNull();
    expect(isLineAction('price')).toBe(true);
    expect(isLineAction('recall')).toBe(false);
    expect(shortcutText({ key: 'v', alt: true })).toBe('Alt+V');
  });

  it('acts on the newest line unless another was picked, and moves the pick within the cart', () => {
    expect(selectedLine([], null)).toBeNull();
    expect(selectedLine(['a', 'b', 'c'], null)).toBe('c');
    expect(selectedLine(['a', 'b', 'c'], 'gone')).toBe('c');
    expect(selectedLine(['a', 'b', 'c'], 'b')).toBe('b');
    expect(selectedLine(['a', 'b', 'c'], null, -1)).toBe('b');
    expect(selectedLine(['a', 'b', 'c'], 'a', -1)).toBe('a');
    expect(selectedLine(['a', 'b', 'c'], 'b', 1)).toBe('c');
  });
});
