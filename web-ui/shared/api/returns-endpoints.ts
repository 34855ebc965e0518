import type { HubApiClient } from './client.js';
import { array, DecodeError, integer, object, optionalString, string, type Json } from './decode.js';
import { decodeSale, type OverrideInput, type SaleView } from './sales-endpoints.js';

/**
 * The return calls the till makes: the sale behind a receipt with what is left to return, the hub's
 * quote for a return (figures, refunds, permissions; nothing written), and the return itself. Every
 * figure is the hub's.
 */

export interface ReturnableSale {
  sale: SaleView;
  /** Original line id -> quantity earlier returns took back. */
  returned: ReadonlyMap<string, number>;
}

/** Where a return's money goes: back the way the sale was paid (the hub's default), or one tender. */
export type RefundChoice = { kind: 'original' } | { kind: 'tender'; tenderId: string };

export interface ReturnLineRequest {
  originalLineId?: string;
  productId?: string;
  quantity: number;
  restock: boolean;
  reason: string;
}

export interface ReturnRequest {
  originalReceiptCode?: string;
  lines: ReturnLineRequest[];
  refunds?: { tenderId: string; amountMinor: number }[];
}

export interface QuotedRefund {
  tenderId: string;
  tenderKind: string;
  amountMinor: number;
  roundingMinor: number;
}

export interface ReturnQuote {
  lines: {
    originalLineId: string | null;
    productId: string;
    name: string;
    quantity: number;
    totalMinor: number;
  }[];
  taxMinor: number;
  totalMinor: number;
  roundingMinor: number;
  refundMinor: number;
  refunds: QuotedRefund[];
  permissions: string[];
}

/** A refund as the completed (or still open) return carries it; `reference` is a store-credit code. */
export interface ReturnRefund {
  tenderKind: string;
  status: string;
  amountMinor: number;
  reference: string | null;
}

export interface ReturnResult {
  sale: SaleView;
  refunds: ReturnRefund[];
}

export async function returnableSale(api: HubApiClient, code: string): Promise<ReturnableSale> {
  const o = object(await api.request(`/returns/returnable/${encodeURIComponent(code)}`), 'returnable');
  const returned = new Map(
    array(o, 'returned', 'returnable').map((item) => {
      const r = object(item, 'returnable.returned');
      return [string(r, 'originalLineId', 'returned'), integer(r, 'quantity', 'returned')] as const;
    }),
  );
  return { sale: decodeSale(o.sale), returned };
}

function quotedRefund(o: Json): QuotedRefund {
  return {
    tenderId: string(o, 'tenderId', 'refund'),
    tenderKind: string(o, 'tenderKind', 'refund'),
    amountMinor: integer(o, 'amountMinor', 'refund'),
    roundingMinor: integer(o, 'roundingMinor', 'refund'),
  };
}

export async function quoteReturn(
  api: HubApiClient,
  request: ReturnRequest,
  signal?: AbortSignal,
): Promise<ReturnQuote> {
  const o = object(
    await api.request('/returns/quote', { method: 'POST', body: request, ...(signal ? { signal } : {}) }),
    'quote',
  );
  return {
    lines: array(o, 'lines', 'quote').map((item) => {
      const l = object(item, 'quote.line');
      return {
        originalLineId: optionalString(l, 'originalLineId', 'quote.line'),
        productId: string(l, 'productId', 'quote.line'),
        name: string(l, 'name', 'quote.line'),
        quantity: integer(l, 'quantity', 'quote.line'),
        totalMinor: integer(l, 'totalMinor', 'quote.line'),
      };
    }),
    taxMinor: integer(o, 'taxMinor', 'quote'),
    totalMinor: integer(o, 'totalMinor', 'quote'),
    roundingMinor: integer(o, 'roundingMinor', 'quote'),
    refundMinor: integer(o, 'refundMinor', 'quote'),
    refunds: array(o, 'refunds', 'quote').map((r) => quotedRefund(object(r, 'quote.refund'))),
    permissions: array(o, 'permissions', 'quote').map((p) => {
      if (typeof p !== 'string') throw new DecodeError('quote.permissions: expected strings');
      return p;
    }),
  };
}

function returnResult(value: unknown): ReturnResult {
  const o = object(value, 'return');
  return {
    sale: decodeSale(value),
    refunds: array(o, 'payments', 'return').map((item) => {
      const p = object(item, 'return.payment');
      return {
        tenderKind: string(p, 'tenderKind', 'return.payment'),
        status: string(p, 'status', 'return.payment'),
        amountMinor: integer(p, 'amountMinor', 'return.payment'),
        reference: optionalString(p, 'reference', 'return.payment'),
      };
    }),
  };
}

/** Creates the return (idempotent by `id`): completed, or open while a card refund has no answer yet. */
export async function createReturn(
  api: HubApiClient,
  id: string,
  request: ReturnRequest,
  override: OverrideInput | null,
): Promise<ReturnResult> {
  // A card refund waits for the terminal: give it as long as a card payment.
  const body = { id, ...request, ...(override ? { override } : {}) };
  return returnResult(await api.request('/returns', { method: 'POST', body, timeoutMs: 90_000 }));
}
