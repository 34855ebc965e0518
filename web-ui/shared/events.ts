import type { ZReport } from './api/cash-endpoints.js';
import type { RefundChoice } from './api/returns-endpoints.js';
import type { ProductHit, SaleView } from './api/sales-endpoints.js';
import type { StaffSession } from './api/till-endpoints.js';
import type { ClockStatus } from './api/time-clock-endpoints.js';
import type { UiLocale } from './i18n/locales.js';
import type { TillCredentials } from './storage/till-storage.js';
import type { CartAction } from '../till/selling/cart-actions.js';

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
  /** This browser became a customer display (its credentials are stored). */
  'display-paired': Record<string, never>;
  /** The cashier wants to pair or manage this till's customer displays. */
  'display-manage': Record<string, never>;
  /** The pay screen closed without finishing; `sale` is the hub's view if money was taken meanwhile. */
  'pay-closed': { sale: SaleView | null };
  /** The hub's newest view of the sale being paid (a payment recorded, the sale completed). */
  'sale-progress': { sale: SaleView };
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
  /** The cashier picked a till mode (sell, cash, ...) from the mode switch or its shortcut. */
  'mode-pick': { mode: string };
  /** Enter in the last field of a drawer count: submit it. */
  'count-done': Record<string, never>;
  /** The hub recorded a pay-in, pay-out or no-sale. */
  'cash-recorded': Record<string, never>;
  /** The hub closed the cash session; the Z report it wrote. */
  'cash-session-closed': { report: ZReport };
  /** A weighed product's weight: stable from the till's scale, or typed ('manual', needs a permission). */
  'weigh-accept': { product: ProductHit; grams: number; source: 'scale' | 'manual' };
  /** The weigh dialog closed without a weight. */
  'weigh-closed': Record<string, never>;
  /** A receipt number or product code typed on the return screen (scans take the same path). */
  'return-code': { code: string };
  /** Return without a receipt. */
  'return-blind': Record<string, never>;
  /** How many of a receipt line (or product, without a receipt) come back. */
  'return-quantity': { key: string; quantity: number };
  /** Whether a returned line goes back on the shelf. */
  'return-restock': { key: string; restock: boolean };
  /** Every line, in full. */
  'return-all': Record<string, never>;
  /** Why the goods come back, and whether that reason means they can be sold again. */
  'return-reason': { reason: string; restock: boolean | null };
  /** Where the refund goes. */
  'refund-pick': { choice: RefundChoice };
  /** Complete the return as quoted. */
  'return-complete': Record<string, never>;
  /** Done with this return: start the next one. */
  'return-next': Record<string, never>;
  /** The cashier is done with a finished sale's receipt (printed, mailed or not): next sale. */
  'receipt-done': { saleId: string };
  /** The cashier picked a cart line for the line actions (a tap, or Alt+arrow keys). */
  'line-select': { lineId: string };
  /** The cashier asked for a cart operation (discount, park, void...); line actions name their line. */
  'cart-action': { action: CartAction; lineId: string | null };
  /** The cashier wants the time clock (clock in or out, breaks). */
  'time-clock-open': Record<string, never>;
  /** Where the logged-in cashier stands on the time clock, as the hub last said. */
  'time-clock-state': { status: ClockStatus };
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
    'sale-progress': AppEvent<'sale-progress'>;
    'display-paired': AppEvent<'display-paired'>;
    'display-manage': AppEvent<'display-manage'>;
    'sale-finished': AppEvent<'sale-finished'>;
    'till-notice': AppEvent<'till-notice'>;
    'product-pick': AppEvent<'product-pick'>;
    'code-enter': AppEvent<'code-enter'>;
    'cash-session-opened': AppEvent<'cash-session-opened'>;
    'line-quantity': AppEvent<'line-quantity'>;
    'line-remove': AppEvent<'line-remove'>;
    'pay-request': AppEvent<'pay-request'>;
    'mode-pick': AppEvent<'mode-pick'>;
    'count-done': AppEvent<'count-done'>;
    'cash-recorded': AppEvent<'cash-recorded'>;
    'cash-session-closed': AppEvent<'cash-session-closed'>;
    'weigh-accept': AppEvent<'weigh-accept'>;
    'weigh-closed': AppEvent<'weigh-closed'>;
    'return-code': AppEvent<'return-code'>;
    'return-blind': AppEvent<'return-blind'>;
    'return-quantity': AppEvent<'return-quantity'>;
    'return-restock': AppEvent<'return-restock'>;
    'return-all': AppEvent<'return-all'>;
    'return-reason': AppEvent<'return-reason'>;
    'refund-pick': AppEvent<'refund-pick'>;
    'return-complete': AppEvent<'return-complete'>;
    'return-next': AppEvent<'return-next'>;
    'receipt-done': AppEvent<'receipt-done'>;
    'line-select': AppEvent<'line-select'>;
    'cart-action': AppEvent<'cart-action'>;
    'time-clock-open': AppEvent<'time-clock-open'>;
    'time-clock-state': AppEvent<'time-clock-state'>;
  }
}
