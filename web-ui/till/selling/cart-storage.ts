import { fromStored, toStored, type CartState } from './cart-state.js';

const CART_KEY = 'store-hub.till.cart';

/** The cart this till kept in localStorage, or null if none (or it does not read back). */
export function readStoredCart(): CartState | null {
  const raw = window.localStorage.getItem(CART_KEY);
  if (raw === null) return null;
  try {
    return fromStored(JSON.parse(raw));
  } catch {
    return null;
  }
}

/** Keeps the cart on this till, so a reload or a lost hub does not lose it. */
export function storeCart(cart: CartState): void {
  window.localStorage.setItem(CART_KEY, JSON.stringify(toStored(cart)));
}
