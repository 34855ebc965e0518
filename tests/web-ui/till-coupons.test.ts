import { describe, expect, it } from 'vitest';
import { cartActionForKey } from '../../web-ui/till/selling/cart-actions.js';
import { addCoupon, removeCoupon } from '../../web-ui/till/selling/cart-edits.js';
import { cartFromHub } from '../../web-ui/till/selling/cart-recall.js';
import {
  addProduct,
  cartRequest,
  displayLines,
  emptyCart,
  fromStored,
  hubAccepted,
  hubRefused,
  toStored,
} from '../../web-ui/till/selling/cart-state.js';
import { hubView } from './hub-sale-view.js';

const SALE = '01890a5d-ac96-774b-bcce-b302099a8057';
const L1 = '01890a5d-ac96-774b-bcce-b302099a8001';
const P1 = '11111111-1111-4111-8111-111111111111';

function synced() {
  const cart = addProduct(emptyCart(SALE), { productId: P1, name: 'Milk' }, L1);
  return hubAccepted(cart, hubView(cart, 1), cart.revision);
}

describe('coupon codes at the till', () => {
  it('enters a code once, as the hub compares it, and sends every code with the cart', () => {
    let cart = addCoupon(synced(), ' winter10 ');
    expect(cart.sale.couponCodes).toEqual(['WINTER10']);
    expect(addCoupon(cart, 'WINTER10')).toBe(cart);
    expect(addCoupon(cart, '   ')).toBe(cart);
    expect(addCoupon(cart, 'X'.repeat(33))).toBe(cart);
    cart = addCoupon(cart, 'flyer');
    expect(cartRequest(cart)?.cart.couponCodes).toEqual(['WINTER10', 'FLYER']);
  });

  it('takes a code off with an empty list, so the hub drops it too', () => {
    const cart = removeCoupon(addCoupon(synced(), 'WINTER10'), 'winter10');
    expect(cart.sale.couponCodes).toEqual([]);
    expect(cartRequest(cart)?.cart.couponCodes).toEqual([]);
  });

  it('goes back to the accepted codes when the hub refuses one, and keeps them across a reload', () => {
    const refused = hubRefused(addCoupon(synced(), 'NOPE'));
    expect(refused.sale.couponCodes).toEqual([]);
    const stored = fromStored(JSON.parse(JSON.stringify(toStored(addCoupon(synced(), 'WINTER10')))));
    expect(stored?.sale.couponCodes).toEqual(['WINTER10']);
  });

  it('shows the promotions the hub applied on each line, and reads the codes of a recalled sale', () => {
    const cart = synced();
    const view = hubView(cart, 2);
    const promoted = {
      ...view,
      couponCodes: ['WINTER10'],
      lines: view.lines.map((l) => ({ ...l, promotions: [{ name: 'Winter ten', discountMinor: 120 }] })),
    };
    const accepted = hubAccepted(cart, promoted, cart.revision);
    expect(displayLines(accepted)[0]?.promotions).toEqual([{ name: 'Winter ten', discountMinor: 120 }]);
    expect(cartFromHub(promoted, null, null).sale.couponCodes).toEqual(['WINTER10']);
  });

  it('opens the coupon dialog with Alt+O', () => {
    expect(cartActionForKey({ key: 'o', code: 'KeyO', altKey: true, ctrlKey: false, metaKey: false })).toBe(
      'coupon',
    );
  });
});
