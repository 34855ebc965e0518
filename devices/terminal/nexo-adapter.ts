import { currencyExponent } from '../../hub/domain/money.js';
import { newId } from '../../hub/ids.js';
import type {
  TerminalAdapter,
  TerminalOutcome,
  TerminalPaymentRequest,
  TerminalRefundRequest,
  TerminalStatus,
} from '../../hub/services/payments/terminal-adapter.js';
import {
  abortRequest,
  paymentRequest,
  reversalRequest,
  transactionStatusRequest,
  type NexoIds,
} from './nexo-messages.js';
import { readPaymentResponse, readReversalResponse, readTransactionStatus } from './nexo-responses.js';
import { exchange, type NexoEndpoint } from './nexo-transport.js';

export type PaymentStage =
  'waiting_for_card' | 'processing' | 'approved' | 'declined' | 'cancelled' | 'unknown';

export interface NexoTerminalOptions extends NexoEndpoint, NexoIds {
  /** A card payment can take the shopper two minutes; past this the outcome is unknown and asked again. */
  paymentTimeoutMs?: number;
  requestTimeoutMs?: number;
  /** Progress for the till's screen (waiting for card, result). */
  onProgress?: (paymentId: string, stage: PaymentStage, message: string | null) => void;
}

/**
 * The nexo Sale-to-POI adapter for a semi-integrated terminal (Adyen's local Terminal API). Payment sends
 * the amount and waits; a timeout or a dropped connection is `unknown` and is then settled with
 * TransactionStatus — never by sending the payment again, so a card is never charged twice and a sale is
 * never marked paid on a guess.
 */
export class NexoTerminalAdapter implements TerminalAdapter {
  private readonly paymentTimeoutMs: number;
  private readonly requestTimeoutMs: number;
  /** Amounts asked this run, to check the authorised amount; a restarted hub simply skips that check. */
  private readonly requested = new Map<string, { amountMinor: number; exponent: number }>();

  constructor(private readonly options: NexoTerminalOptions) {
    this.paymentTimeoutMs = options.paymentTimeoutMs ?? 150_000;
    this.requestTimeoutMs = options.requestTimeoutMs ?? 15_000;
  }

  async startPayment(request: TerminalPaymentRequest): Promise<TerminalOutcome> {
    const exponent = currencyExponent(request.currency);
    this.requested.set(request.paymentId, { amountMinor: request.amountMinor, exponent });
    this.progress(request.paymentId, 'waiting_for_card', null);
    const message = paymentRequest(this.options, {
      paymentId: request.paymentId,
      amountMinor: request.amountMinor,
      currency: request.currency,
      exponent,
      at: new Date().toISOString(),
    });
    const result = await exchange(this.options, message, this.paymentTimeoutMs);
    const outcome: TerminalOutcome = !result.ok
      ? result.sent
        ? { status: 'unknown', reason: result.reason }
        : { status: 'declined', reason: `terminal not reached: ${result.reason}` }
      : result.plaintext === null
        ? { status: 'unknown', reason: 'empty payment response' }
        : readPaymentResponse(result.plaintext, request.amountMinor, exponent);
    this.progress(request.paymentId, outcome.status, outcome.status === 'approved' ? null : outcome.reason);
    return outcome;
  }

  async transactionStatus(paymentId: string): Promise<TerminalStatus> {
    const asked = this.requested.get(paymentId);
    const result = await exchange(
      this.options,
      transactionStatusRequest(this.options, paymentId, newId()),
      this.requestTimeoutMs,
    );
    if (!result.ok) return { status: 'unknown', reason: result.reason };
    if (result.plaintext === null) return { status: 'unknown', reason: 'empty status response' };
    return readTransactionStatus(result.plaintext, asked?.amountMinor ?? null, asked?.exponent ?? 2);
  }

  async cancel(paymentId: string): Promise<void> {
    // The terminal answers an abort with no body; the payment request itself then returns cancelled.
    await exchange(this.options, abortRequest(this.options, paymentId, newId()), this.requestTimeoutMs);
  }

  async refund(request: TerminalRefundRequest): Promise<TerminalOutcome> {
    const message = reversalRequest(this.options, {
      refundId: request.paymentId,
      originalReference: request.originalReference,
      amountMinor: request.amountMinor,
      currency: request.currency,
      exponent: currencyExponent(request.currency),
    });
    const result = await exchange(this.options, message, this.paymentTimeoutMs);
    if (!result.ok) {
      return result.sent
        ? { status: 'unknown', reason: result.reason }
        : { status: 'declined', reason: result.reason };
    }
    if (result.plaintext === null) return { status: 'unknown', reason: 'empty reversal response' };
    return readReversalResponse(result.plaintext);
  }

  private progress(paymentId: string, stage: PaymentStage, message: string | null): void {
    this.options.onProgress?.(paymentId, stage, message);
  }
}
