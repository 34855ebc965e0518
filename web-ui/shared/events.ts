import type { SaleView } from './api/sales-endpoints.js';
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
  }
}
