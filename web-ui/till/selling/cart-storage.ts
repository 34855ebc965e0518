import { fromStored, toStored, type CartState, type StoredCart } from './cart-state.js';

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

const PARKED_KEY = 'store-hub.till.parked';
/** Enough for a busy lunch; the oldest copies go first (the hub still has those sales). */
const MAX_PARKED_COPIES = 20;

function parkedCopies(): StoredCart[] {
  try {
    const value: unknown = JSON.parse(window.localStorage.getItem(PARKED_KEY) ?? '[]');
    return Array.isArray(value) ? (value as StoredCart[]) : [];
  } catch {
    return [];
  }
}

/** Keeps this till's copy of a cart it parks: the hub does not give scanned label codes back. */
export function keepParked(cart: CartState): void {
  const copies = [...parkedCopies().filter((c) => c.saleId !== cart.saleId), toStored(cart)];
  window.localStorage.setItem(PARKED_KEY, JSON.stringify(copies.slice(-MAX_PARKED_COPIES)));
}

/** This till's copy of a parked sale, removed as it is taken; null when it was parked elsewhere. */
export function takeParked(saleId: string): StoredCart | null {
  const copies = parkedCopies();
  const found = copies.find((c) => c.saleId === saleId) ?? null;
  window.localStorage.setItem(PARKED_KEY, JSON.stringify(copies.filter((c) => c.saleId !== saleId)));
  const parsed = fromStored(found);
  return parsed === null ? null : toStored(parsed);
}
