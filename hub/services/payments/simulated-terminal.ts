import type {
  TerminalAdapter,
  TerminalOutcome,
  TerminalPaymentRequest,
  TerminalRefundRequest,
  TerminalStatus,
} from './terminal-adapter.js';

/**
 * - approve / decline / cancel: the terminal answers at once.
 * - timeout_then_approved: the call times out (unknown) but the card was charged; status says approved.
 * - timeout_never_charged: the call times out and the terminal never started; status says not_found.
 * - timeout_in_progress: the call times out and the terminal keeps saying in_progress until settle().
 */
export type SimulatedBehaviour =
  | 'approve'
  | 'decline'
  | 'cancel'
  | 'timeout_then_approved'
  | 'timeout_never_charged'
  | 'timeout_in_progress';

export interface SimulatedCall {
  kind: 'payment' | 'refund' | 'status' | 'cancel';
  paymentId: string;
  amountMinor: number | null;
}

interface Recorded {
  final: TerminalStatus;
  amountMinor: number;
  kind: 'payment' | 'refund';
}

/**
 * A payment terminal in memory whose behaviour is scripted per call (a queue) or per amount, for the demo
 * and the tests. It keeps what a real terminal's host would: each transaction by the hub's payment id,
 * so a status enquiry can tell a charge that happened from one that never did.
 */
export class SimulatedTerminalAdapter implements TerminalAdapter {
  readonly calls: SimulatedCall[] = [];
  private readonly queue: SimulatedBehaviour[] = [];
  private readonly byAmount = new Map<number, SimulatedBehaviour>();
  private readonly transactions = new Map<string, Recorded>();
  private sequence = 0;

  constructor(private readonly defaultBehaviour: SimulatedBehaviour = 'approve') {}

  /** The next calls (payments and refunds) behave like this, in order. */
  scriptNext(...behaviours: SimulatedBehaviour[]): void {
    this.queue.push(...behaviours);
  }

  /** Every call for this amount behaves like this (the demo's "amount ending in 13 declines"). */
  scriptAmount(amountMinor: number, behaviour: SimulatedBehaviour): void {
    this.byAmount.set(amountMinor, behaviour);
  }

  /** Ends a transaction left in progress with its final outcome. */
  settle(paymentId: string, outcome: TerminalOutcome): void {
    const tx = this.transactions.get(paymentId);
    if (tx) tx.final = outcome;
  }

  /** Money actually moved, per payment id: what a test checks to prove nobody was charged twice. */
  charged(): { paymentId: string; amountMinor: number; kind: 'payment' | 'refund' }[] {
    return [...this.transactions.entries()]
      .filter(([, t]) => t.final.status === 'approved')
      .map(([paymentId, t]) => ({ paymentId, amountMinor: t.amountMinor, kind: t.kind }));
  }

  startPayment(request: TerminalPaymentRequest): Promise<TerminalOutcome> {
    this.calls.push({ kind: 'payment', paymentId: request.paymentId, amountMinor: request.amountMinor });
    return Promise.resolve(this.run('payment', request.paymentId, request.amountMinor));
  }

  refund(request: TerminalRefundRequest): Promise<TerminalOutcome> {
    this.calls.push({ kind: 'refund', paymentId: request.paymentId, amountMinor: request.amountMinor });
    return Promise.resolve(this.run('refund', request.paymentId, request.amountMinor));
  }

  transactionStatus(paymentId: string): Promise<TerminalStatus> {
    this.calls.push({ kind: 'status', paymentId, amountMinor: null });
    return Promise.resolve(this.transactions.get(paymentId)?.final ?? { status: 'not_found' });
  }

  cancel(paymentId: string): Promise<void> {
    this.calls.push({ kind: 'cancel', paymentId, amountMinor: null });
    const tx = this.transactions.get(paymentId);
    if (tx?.final.status === 'in_progress')
      tx.final = { status: 'cancelled', reason: 'cancelled by the hub' };
    return Promise.resolve();
  }

  private run(kind: 'payment' | 'refund', paymentId: string, amountMinor: number): TerminalOutcome {
    const known = this.transactions.get(paymentId);
    // A terminal refuses a duplicate merchant reference instead of charging again.
    if (known) return { status: 'declined', reason: 'duplicate transaction reference' };
    const behaviour = this.queue.shift() ?? this.byAmount.get(amountMinor) ?? this.defaultBehaviour;
    const approved = (): TerminalOutcome => {
      this.sequence += 1;
      return {
        status: 'approved',
        reference: `SIM-${String(this.sequence).padStart(6, '0')}`,
        maskedPan: '**** **** **** 4242',
        receiptText: `SIMULATED TERMINAL\n${kind === 'payment' ? 'PURCHASE' : 'REFUND'} ${amountMinor}\nAPPROVED`,
      };
    };
    const record = (final: TerminalStatus): void => {
      this.transactions.set(paymentId, { final, amountMinor, kind });
    };
    switch (behaviour) {
      case 'approve': {
        const outcome = approved();
        record(outcome);
        return outcome;
      }
      case 'decline':
        record({ status: 'declined', reason: 'insufficient funds' });
        return { status: 'declined', reason: 'insufficient funds' };
      case 'cancel':
        record({ status: 'cancelled', reason: 'cancelled on the terminal' });
        return { status: 'cancelled', reason: 'cancelled on the terminal' };
      case 'timeout_then_approved':
        record(approved());
        return { status: 'unknown', reason: 'terminal did not answer in time' };
      case 'timeout_never_charged':
        return { status: 'unknown', reason: 'connection to the terminal lost' };
      case 'timeout_in_progress':
        record({ status: 'in_progress' });
        return { status: 'unknown', reason: 'terminal did not answer in time' };
    }
  }
}
