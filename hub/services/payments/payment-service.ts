import type { Principal } from '../../contract/principal.js';
import type { HubContext } from '../../context.js';
import {
  insertPayment,
  selectPayment,
  selectPaymentsForSale,
  selectTender,
  selectUnresolvedPayments,
  updatePaymentOutcome,
  type PaymentRow,
} from '../../db/payments-queries.js';
import { selectSale, updateSale } from '../../db/sales-queries.js';
import type { Tx } from '../../db/transactor.js';
import { BusinessRuleError, ConflictError, NotFoundError } from '../../errors.js';
import type { SettingsReader } from '../sales/deps.js';
import { requestHash } from '../sales/request-hash.js';
import { auditPrivileged } from '../sales/sale-authorize.js';
import { assertOnTill } from '../sales/sale-cart.js';
import { loadSaleView, paymentView } from '../sales/sale-view.js';
import type { PaymentView, SaleActor, SaleView } from '../sales/types.js';
import { cashQuote, type CashQuote } from './cash-quote.js';
import { paymentTransition } from './payment-machine.js';
import { announcePayment, applyTerminalStatus } from './payment-outcome.js';
import { planCharge } from './payment-rules.js';
import { assertCreditCovers, redeemCredit, reverseRedemption } from './store-credit.js';
import type { TenderLedger } from './tender-ledger.js';
import type { TerminalAdapter, TerminalStatus } from './terminal-adapter.js';

/** Written in the transaction that records a terminal's answer, with the status before and after. */
type TerminalAudit = (tx: Tx, from: PaymentRow['status'] | null, row: PaymentRow) => void;

export interface AddPaymentInput {
  /** UUIDv7 made by the till: the payment's idempotency key. */
  id: string;
  tenderId: string;
  amountMinor: number;
  /** Cash handed over; change is tendered minus the amount applied. Defaults to amountMinor. */
  tenderedMinor?: number;
  /**
   * Voucher number, wallet transaction id, ... for recorded tenders. Required for a voucher and for store
   * credit, where it is the credit's code (the credit is debited in the payment's transaction).
   */
  reference?: string;
}

export interface PaymentResult {
  payment: PaymentView;
  sale: SaleView;
  created: boolean;
}

export interface PaymentDeps {
  settings: SettingsReader;
  terminal: TerminalAdapter;
  /** Tenders redeemed from a ledger of another area (gift cards, loyalty points). */
  ledgers?: readonly TenderLedger[];
}

/**
 * Takes payments for open sales. Cash and recorded tenders are approved on the spot; a card payment is
 * committed as pending before the terminal is called and its outcome written afterwards, so a crash in
 * between leaves a row that start-up resolution asks the terminal about.
 */
export class PaymentService {
  /** Payments whose terminal call is running in this process: resolution leaves them alone. */
  private readonly inFlight = new Set<string>();

  constructor(
    private readonly ctx: HubContext,
    private readonly deps: PaymentDeps,
  ) {}

  async add(actor: SaleActor, saleId: string, input: AddPaymentInput): Promise<PaymentResult> {
    const hash = requestHash({ saleId, ...input });
    const inserted = this.ctx.tx.write((tx) => this.insert(tx, actor, saleId, input, hash));
    if (!inserted.created || inserted.row.status !== 'pending')
      return this.result(inserted.row.id, inserted.created);
    const sale = this.ctx.tx.read((db) => selectSale(db, saleId));
    await this.callTerminal(inserted.row.id, () =>
      this.deps.terminal.startPayment({
        paymentId: inserted.row.id,
        saleId,
        amountMinor: inserted.row.amount_minor,
        currency: sale?.currency ?? '',
      }),
    );
    return this.result(inserted.row.id, true);
  }

  /** The rest of an open sale as cash (rounded) and the quick-tender amounts for it, at the sale's till. */
  cashQuote(actor: SaleActor, saleId: string): CashQuote {
    return this.ctx.tx.read((db) => {
      const sale = selectSale(db, saleId);
      if (!sale || sale.kind !== 'sale') throw new NotFoundError('Sale', saleId);
      assertOnTill(sale, actor);
      const view = loadSaleView(db, saleId);
      return cashQuote(
        saleId,
        sale.currency,
        view.totals.dueMinor,
        this.deps.settings.get().cashRoundingMinor,
      );
    });
  }

  /**
   * Asks the terminal about a pending or unknown payment and records what it says. Asked by staff
   * (`by`), the answer is audited in the same transaction that records it.
   */
  async resolve(paymentId: string, by?: Principal, action = 'payment.resolve'): Promise<PaymentResult> {
    const row = this.ctx.tx.read((db) => selectPayment(db, paymentId));
    if (!row) throw new NotFoundError('Payment', paymentId);
    if ((row.status === 'pending' || row.status === 'unknown') && !this.inFlight.has(paymentId)) {
      const audit: TerminalAudit | undefined =
        by === undefined
          ? undefined
          : (tx, from, after) => {
              auditPrivileged(tx, by, {
                action,
                target: paymentId,
                details: paymentDetails(after, { from, to: after.status }),
              });
            };
      await this.callTerminal(paymentId, () => this.deps.terminal.transactionStatus(paymentId), audit);
    }
    return this.result(paymentId, false);
  }

  /** For start-up and a periodic job: every payment left pending or unknown is asked about once. */
  async resolvePendingPayments(): Promise<{ checked: number; resolved: number; unresolved: number }> {
    const rows = this.ctx.tx
      .read((db) => selectUnresolvedPayments(db))
      .filter((r) => !this.inFlight.has(r.id));
    let resolved = 0;
    for (const row of rows) {
      const after = await this.resolve(row.id);
      if (after.payment.status !== 'pending' && after.payment.status !== 'unknown') resolved += 1;
    }
    return { checked: rows.length, resolved, unresolved: rows.length - resolved };
  }

  /**
   * Before completion: an approved cash or recorded payment is handed back and becomes cancelled; a card
   * payment still running is cancelled on the terminal and then asked for its real outcome. An approved
   * card payment cannot be taken back here: the sale is completed and returned instead.
   */
  async cancel(actor: SaleActor, paymentId: string): Promise<PaymentResult> {
    const row = this.ctx.tx.read((db) => selectPayment(db, paymentId));
    if (!row) throw new NotFoundError('Payment', paymentId);
    if (row.status === 'declined' || row.status === 'cancelled') return this.result(paymentId, false);
    if (row.status === 'pending' || row.status === 'unknown') {
      await this.deps.terminal.cancel(paymentId);
      return this.resolve(paymentId, actor.principal, 'payment.cancel');
    }
    if (row.tender_kind === 'card') {
      throw new BusinessRuleError(
        'CARD_PAYMENT_APPROVED',
        'An approved card payment is refunded through a return',
        {
          paymentId,
        },
      );
    }
    this.ctx.tx.write((tx) => this.reverse(tx, actor, paymentId));
    return this.result(paymentId, false);
  }

  private reverse(tx: Tx, actor: SaleActor, paymentId: string): void {
    const row = selectPayment(tx.db, paymentId);
    if (!row || row.status !== 'approved') return;
    const sale = selectSale(tx.db, row.sale_id);
    if (!sale) throw new NotFoundError('Sale', row.sale_id);
    if (sale.status !== 'open') {
      throw new BusinessRuleError(
        'SALE_CLOSED',
        `Sale ${sale.id} is ${sale.status}; payments cannot change`,
        { saleId: sale.id },
      );
    }
    const status = paymentTransition(paymentId, row.status, 'reverse');
    updatePaymentOutcome(tx.db, {
      id: paymentId,
      status,
      terminal_ref: null,
      reason: 'handed back before completion',
      provider_data: row.provider_data,
      updated_at: tx.at,
      resolved_at: tx.at,
    });
    if (row.rounding_minor !== 0) {
      updateSale(tx.db, {
        ...sale,
        rounding_minor: sale.rounding_minor - row.rounding_minor,
        version: sale.version + 1,
        updated_at: tx.at,
      });
    }
    // Store credit taken for this payment goes back on the code it came from.
    if (row.tender_kind === 'store_credit') reverseRedemption(tx, row, actor.staff.id);
    this.ledgerOf(row.tender_kind)?.reverse(tx, row, actor.staff.id);
    auditPrivileged(tx, actor.principal, {
      action: 'payment.cancel',
      target: paymentId,
      details: paymentDetails(row, { from: row.status, to: status }),
    });
    const updated = selectPayment(tx.db, paymentId);
    if (updated) announcePayment(tx, updated);
  }

  private ledgerOf(kind: PaymentRow['tender_kind']): TenderLedger | undefined {
    return this.deps.ledgers?.find((l) => l.kind === kind);
  }

  private insert(
    tx: Tx,
    actor: SaleActor,
    saleId: string,
    input: AddPaymentInput,
    hash: string,
  ): { row: PaymentRow; created: boolean } {
    const existing = selectPayment(tx.db, input.id);
    if (existing) {
      // A replay never calls the terminal again: a payment left pending is resolved, not retried.
      if (existing.request_hash !== hash) {
        throw new ConflictError(
          'A different payment already has this id',
          { paymentId: input.id },
          'IDEMPOTENCY_CONFLICT',
        );
      }
      return { row: existing, created: false };
    }
    const sale = selectSale(tx.db, saleId);
    if (!sale) throw new NotFoundError('Sale', saleId);
    if (sale.kind !== 'sale' || sale.status !== 'open') {
      throw new ConflictError(
        `Sale ${saleId} is ${sale.status}; it takes no payments`,
        { status: sale.status },
        'SALE_STATE',
      );
    }
    assertOnTill(sale, actor);
    const tender = selectTender(tx.db, input.tenderId);
    if (!tender || tender.enabled !== 1) {
      throw new BusinessRuleError('TENDER_UNAVAILABLE', `Tender ${input.tenderId} is not enabled`, {
        tenderId: input.tenderId,
      });
    }
    const reference = input.reference?.trim() ?? '';
    if ((tender.kind === 'voucher' || tender.kind === 'store_credit') && reference === '') {
      throw new BusinessRuleError(
        'REFERENCE_REQUIRED',
        tender.kind === 'voucher' ? 'Enter the voucher number' : 'Enter the store credit code',
        { tenderId: tender.id, tenderKind: tender.kind },
      );
    }
    const plan = planCharge({
      sale,
      payments: selectPaymentsForSale(tx.db, saleId),
      tenderKind: tender.kind,
      amountMinor: input.amountMinor,
      tenderedMinor: input.tenderedMinor ?? null,
      cashIncrementMinor: this.deps.settings.get().cashRoundingMinor,
    });
    // Store credit is checked and debited here, in the payment's IMMEDIATE transaction: two tills spending
    // the same code are serialised, and the second sees the first one's debit.
    const credit =
      tender.kind === 'store_credit'
        ? assertCreditCovers(tx, reference, sale.currency, plan.amountMinor)
        : null;
    const ledger = this.ledgerOf(tender.kind);
    const ledgerReference = ledger ? ledger.check(tx, sale, reference, plan.amountMinor) : null;
    const row: PaymentRow = {
      id: input.id,
      sale_id: saleId,
      tender_id: tender.id,
      tender_kind: tender.kind,
      direction: 'charge',
      status: tender.kind === 'card' ? 'pending' : 'approved',
      amount_minor: plan.amountMinor,
      tendered_minor: plan.tenderedMinor,
      change_minor: plan.changeMinor,
      rounding_minor: plan.roundingMinor,
      original_payment_id: null,
      terminal_ref: null,
      reference: credit ?? ledgerReference ?? (reference === '' ? null : reference),
      reason: null,
      provider_data: '{}',
      request_hash: hash,
      staff_id: actor.staff.id,
      created_at: tx.at,
      updated_at: tx.at,
      resolved_at: tender.kind === 'card' ? null : tx.at,
    };
    insertPayment(tx.db, row);
    if (credit !== null) redeemCredit(tx, row);
    ledger?.redeem(tx, row);
    if (plan.roundingMinor !== 0) {
      updateSale(tx.db, {
        ...sale,
        rounding_minor: sale.rounding_minor + plan.roundingMinor,
        version: sale.version + 1,
        updated_at: tx.at,
      });
    }
    announcePayment(tx, row);
    return { row, created: true };
  }

  /**
   * Runs one terminal call and records its answer; a throw is an unknown outcome, never an approval.
   * Returns use it for card refunds, so resolution knows about every call in flight.
   */
  async callTerminal(
    paymentId: string,
    call: () => Promise<TerminalStatus>,
    audit?: TerminalAudit,
  ): Promise<void> {
    this.inFlight.add(paymentId);
    let status: TerminalStatus;
    try {
      status = await call();
    } catch (error) {
      this.ctx.log('warn', 'payment terminal call failed', { paymentId, error: String(error) });
      status = { status: 'unknown', reason: error instanceof Error ? error.message : 'terminal error' };
    } finally {
      this.inFlight.delete(paymentId);
    }
    this.ctx.tx.write((tx) => {
      const from = selectPayment(tx.db, paymentId)?.status ?? null;
      const row = applyTerminalStatus(tx, paymentId, status);
      audit?.(tx, from, row);
    });
  }

  private result(paymentId: string, created: boolean): PaymentResult {
    return this.ctx.tx.read((db) => {
      const row = selectPayment(db, paymentId);
      if (!row) throw new NotFoundError('Payment', paymentId);
      return { payment: paymentView(row), sale: loadSaleView(db, row.sale_id), created };
    });
  }
}

function paymentDetails(row: PaymentRow, extra: Record<string, unknown>): Record<string, unknown> {
  return {
    saleId: row.sale_id,
    tenderId: row.tender_id,
    tenderKind: row.tender_kind,
    amountMinor: row.amount_minor,
    ...extra,
  };
}
