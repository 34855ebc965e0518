import type { ProductHit, SaleView } from './api/sales-endpoints.js';
import type { StaffSession } from './api/till-endpoints.js';
import type { UiLocale } from './i18n/locales.js';
import type { TillCredentials } from './storage/till-storage.js';

/**
 * Every custom event the apps dispatch, name -> detail, in one place. Components emit with `emit()` so a
 * misspelt name or a wrong detail is a type error; listeners get typed `event.detail` through the
 * HTMLElementEventMap entries below.
 */
export interface AppEventMap {
  /** The hub approved this till; the token is kept and the login screen comes next. */
  'till-paired': TillCredentials;
  /** A cashier entered the right PIN. */
  'staff-login': StaffSession;
  /** End the cashier's session: by choice, to let another cashier in, or after idle time. */
  'staff-logout': { reason: 'logout' | 'switch' | 'idle' };
  /** The cashier picked a language; the till remembers it. */
  'locale-pick': { locale: UiLocale };
  /** The pay screen closed without finishing; `sale` is the hub's view if money was taken meanwhile. */
  'pay-closed': { sale: SaleView | null };
  /** The hub completed the sale and the cashier moved on: start a new one. */
  'sale-finished': { saleId: string };
  /** A selling part has something to tell the cashier (the cart shows it); `danger` for errors. */
  'till-notice': { text: string; danger: boolean };
  /** The cashier picked a product from the search results. */
  'product-pick': { product: ProductHit };
  /** The cashier typed a code in the search box and pressed Enter: it goes the way of a scan. */
  'code-enter': { code: string };
  /** The hub opened a cash session at this till. */
  'cash-session-opened': Record<string, never>;
  /** The cashier changed a cart line's quantity. */
  'line-quantity': { lineId: string; quantity: number };
  /** The cashier removed a cart line. */
  'line-remove': { lineId: string };
  /** The cashier asked to pay the cart. */
  'pay-request': Record<string, never>;
}

export type AppEventName = keyof AppEventMap;
export type AppEvent<K extends AppEventName> = CustomEvent<AppEventMap[K]>;

/** Bubbles and crosses shadow roots, so the app shell hears it from any screen. */
export function emit<K extends AppEventName>(from: EventTarget, type: K, detail: AppEventMap[K]): boolean {
  return from.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}

declare global {
  interface HTMLElementEventMap {
    'till-paired': AppEvent<'till-paired'>;
    'staff-login': AppEvent<'staff-login'>;
    'staff-logout': AppEvent<'staff-logout'>;
    'locale-pick': AppEvent<'locale-pick'>;
    'pay-closed': AppEvent<'pay-closed'>;
    'sale-finished': AppEvent<'sale-finished'>;
    'till-notice': AppEvent<'till-notice'>;
    'product-pick': AppEvent<'product-pick'>;
    'code-enter': AppEvent<'code-enter'>;
    'cash-session-opened': AppEvent<'cash-session-opened'>;
    'line-quantity': AppEvent<'line-quantity'>;
    'line-remove': AppEvent<'line-remove'>;
    'pay-request': AppEvent<'pay-request'>;
  }
}
