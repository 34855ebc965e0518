import type {
  TerminalAdapter,
  TerminalOutcome,
  TerminalPaymentRequest,
  TerminalRefundRequest,
  TerminalStatus,
} from './terminal-adapter.js';

/**
 * The terminal of a store that has none configured: every card request is declined with a reason the
 * cashier can read, so a card sale can never be recorded as paid without a real terminal behind it.
 */
export class NoTerminalAdapter implements TerminalAdapter {
  private static readonly reason = 'No payment terminal is configured for this store';

  startPayment(_request: TerminalPaymentRequest): Promise<TerminalOutcome> {
    return Promise.resolve({ status: 'declined', reason: NoTerminalAdapter.reason });
  }

  transactionStatus(_paymentId: string): Promise<TerminalStatus> {
    return Promise.resolve({ status: 'not_found' });
  }

  cancel(_paymentId: string): Promise<void> {
    return Promise.resolve();
  }

  refund(_request: TerminalRefundRequest): Promise<TerminalOutcome> {
    return Promise.resolve({ status: 'declined', reason: NoTerminalAdapter.reason });
  }
}
