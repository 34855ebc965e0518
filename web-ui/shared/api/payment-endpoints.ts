import type { HubApiClient } from './client.js';
import { array, integer, object } from './decode.js';
import { decodePayment, decodeSale, type PaymentView, type SaleView } from './sales-endpoints.js';

/**
 * The pay screen's calls beyond taking a payment: the hub's cash figures for the rest due, asking again
 * about a payment whose outcome is not known, and handing back (or aborting on the terminal) a payment
 * before the sale completes.
 */

export interface CashQuote {
  dueMinor: number;
  /** The rest as cash, rounded to the store's smallest coin. */
  cashDueMinor: number;
  roundingMinor: number;
  quickTendersMinor: number[];
}

export interface PaymentResult {
  payment: PaymentView;
  sale: SaleView;
}

export async function cashQuote(api: HubApiClient, saleId: string): Promise<CashQuote> {
  const o = object(await api.request(`/sales/${encodeURIComponent(saleId)}/cash-quote`), 'cashQuote');
  return {
    dueMinor: integer(o, 'dueMinor', 'cashQuote'),
    cashDueMinor: integer(o, 'cashDueMinor', 'cashQuote'),
    roundingMinor: integer(o, 'roundingMinor', 'cashQuote'),
    quickTendersMinor: array(o, 'quickTendersMinor', 'cashQuote').filter(
      (v): v is number => typeof v === 'number' && Number.isSafeInteger(v),
    ),
  };
}

function paymentResult(value: unknown): PaymentResult {
  const o = object(value, 'payment');
  return { payment: decodePayment(object(o.payment, 'payment')), sale: decodeSale(o.sale) };
}

/** Asks the hub (and through it the terminal) for the outcome of a pending or unknown payment. */
export async function resolvePayment(api: HubApiClient, paymentId: string): Promise<PaymentResult> {
  return paymentResult(
    await api.request(`/payments/${encodeURIComponent(paymentId)}/resolve`, { method: 'POST' }),
  );
}

/** Hands back a cash or recorded payment, or aborts a card payment the terminal is still running. */
export async function cancelPayment(api: HubApiClient, paymentId: string): Promise<PaymentResult> {
  return paymentResult(
    await api.request(`/payments/${encodeURIComponent(paymentId)}/cancel`, {
      method: 'POST',
      timeoutMs: 30_000,
    }),
  );
}
