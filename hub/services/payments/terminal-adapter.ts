// The hub's side of a semi-integrated card terminal: the hub sends an amount and learns an outcome; card
// data never reaches it. Real protocols (ECR/OPI, vendor cloud APIs) implement this interface later; the
// simulator in simulated-terminal.ts implements it for the demo and the tests.

export interface TerminalPaymentRequest {
  /** The hub's payment id; terminals that take a merchant reference get this, so status can be asked by it. */
  paymentId: string;
  saleId: string;
  amountMinor: number;
  currency: string;
}

export interface TerminalRefundRequest {
  /** The refund's own payment id. */
  paymentId: string;
  /** terminal_ref of the approved charge being refunded. */
  originalReference: string;
  amountMinor: number;
  currency: string;
}

/**
 * What the terminal said. `unknown` is a timeout or a lost connection: the card may or may not have been
 * charged, so the hub records it and asks again with transactionStatus, never retries blind and never
 * assumes approval.
 */
export type TerminalOutcome =
  | { status: 'approved'; reference: string; maskedPan: string | null; receiptText: string | null }
  | { status: 'declined'; reason: string }
  | { status: 'cancelled'; reason: string }
  | { status: 'unknown'; reason: string };

/**
 * A status enquiry: the final outcome, still running, or `not_found` — the terminal has no transaction
 * under this id, so the card was never charged.
 */
export type TerminalStatus = TerminalOutcome | { status: 'in_progress' } | { status: 'not_found' };

export interface TerminalAdapter {
  startPayment(request: TerminalPaymentRequest): Promise<TerminalOutcome>;
  transactionStatus(paymentId: string): Promise<TerminalStatus>;
  /** Asks the terminal to abort a transaction in progress; the outcome is then read with transactionStatus. */
  cancel(paymentId: string): Promise<void>;
  refund(request: TerminalRefundRequest): Promise<TerminalOutcome>;
}
