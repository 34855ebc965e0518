import type { HubContext } from '../../context.js';
import {
  insertPayment,
  selectPayment,
  selectPaymentsForSale,
  type PaymentRow,
} from '../../db/payments-queries.js';
import { insertSale, selectSale, upsertLine } from '../../db/sales-queries.js';
import type { Tx } from '../../db/transactor.js';
import { roundCash } from '../../domain/cash-rounding.js';
import { BusinessRuleError, ConflictError, NotFoundError } from '../../errors.js';
import { newId } from '../../ids.js';
import { announcePayment } from '../payments/payment-outcome.js';
import type { PaymentService } from '../payments/payment-service.js';
import { newCreditCode } from '../payments/store-credit.js';
import type { TerminalAdapter } from '../payments/terminal-adapter.js';
import type { ResolvedSalesDeps } from '../sales/deps.js';
import { requestHash } from '../sales/request-hash.js';
import { authorizeNeeds, recordApprovals, type Approval } from '../sales/sale-authorize.js';
import { announceSale } from '../sales/sale-cart.js';
import { completeInTx } from '../sales/sale-completion.js';
import { assertApproved } from '../sales/sale-plan.js';
import { loadSaleView } from '../sales/sale-view.js';
import type { SaleActor, SaleResult, SaleView } from '../sales/types.js';
import { planReturn, type ReturnPlan } from './return-plan.js';
import {
  quoteReturn,
  returnableSale,
  type QuoteReturnInput,
  type ReturnableSale,
  type ReturnQuote,
} from './return-quote.js';
import type { CreateReturnInput } from './types.js';

/**
 * Returns against a receipt (or blind, with permission). A return is a sale row of kind 'return' whose
 * refunds are payment rows in the 'refund' direction. It is created open with its refunds in one
 * transaction (the quantity check runs there, so two returns of the same item cannot both pass), card
 * refunds then go through the terminal, and the return completes as soon as every refund is approved:
 * receipt number, stock back in (or written off), cash paid out, journal.
 */
export class ReturnService {
  constructor(
    private readonly ctx: HubContext,
    private readonly deps: ResolvedSalesDeps,
    private readonly terminal: TerminalAdapter,
    private readonly payments: PaymentService,
  ) {}

  async create(actor: SaleActor, input: CreateReturnInput): Promise<SaleResult> {
    const { override, ...request } = input;
    const hash = requestHash(request);
    const replay = this.ctx.tx.read((db) => this.replayOf(db, input.id, hash));
    if (replay) return replay;
    const settings = this.deps.settings.get();
    const store = { taxMode: settings.taxMode, currency: settings.currency };
    const first = this.ctx.tx.read((db) => planReturn(db, { returnId: input.id, input, store }));
    const approvals = await authorizeNeeds(this.deps.access, actor, first.needs, override);
    const written = this.ctx.tx.write((tx) => {
      const raced = this.replayOf(tx.db, input.id, hash);
      if (raced) return null;
      const plan = planReturn(tx.db, { returnId: input.id, input, store });
      assertApproved(plan.needs, approvals);
      // Checked before any card is refunded, so a refund never happens for a return that cannot complete.
      if (this.deps.openCashSession(tx.db, actor.tillId) === null) {
        throw new BusinessRuleError(
          'CASH_SESSION_REQUIRED',
          'Open a cash session on this till before returns',
          { tillId: actor.tillId },
        );
      }
      return this.insert(tx, actor, input, hash, plan, approvals, settings.cashRoundingMinor);
    });
    if (written === null) return { sale: this.view(input.id), created: false };
    for (const refund of written) {
      await this.payments.callTerminal(refund.id, () =>
        this.terminal.refund({
          paymentId: refund.id,
          originalReference: refund.terminal_ref ?? '',
          amountMinor: refund.amount_minor,
          currency: first.currency,
        }),
      );
    }
    return { sale: this.tryComplete(actor, input.id), created: true };
  }

  /** The figures, refunds and permissions of a return, computed as create would, without writing. */
  quote(input: QuoteReturnInput): ReturnQuote {
    const settings = this.deps.settings.get();
    const store = {
      taxMode: settings.taxMode,
      currency: settings.currency,
      cashIncrementMinor: settings.cashRoundingMinor,
    };
    return this.ctx.tx.read((db) => quoteReturn(db, input, store));
  }

  /** The completed sale a receipt code names, with the quantities earlier returns already took back. */
  returnable(receiptCode: string): ReturnableSale {
    return this.ctx.tx.read((db) => returnableSale(db, receiptCode));
  }

  /** Completes a return whose refunds are all through (after an unknown card refund was resolved). */
  complete(actor: SaleActor, returnId: string): SaleView {
    return this.ctx.tx.write((tx) => {
      const sale = selectSale(tx.db, returnId);
      if (!sale || sale.kind !== 'return') throw new NotFoundError('Return', returnId);
      return completeInTx(tx, this.deps, returnId, actor.staff.id);
    });
  }

  private tryComplete(actor: SaleActor, returnId: string): SaleView {
    const rows = this.ctx.tx.read((db) => selectPaymentsForSale(db, returnId));
    const allThrough = rows.every(
      (r) => r.status === 'approved' || r.status === 'cancelled' || r.status === 'declined',
    );
    const anyFailed = rows.some((r) => r.status === 'declined' || r.status === 'cancelled');
    if (!allThrough || anyFailed) return this.view(returnId);
    return this.complete(actor, returnId);
  }

  /** Writes the return, its lines and refund rows; returns the card refunds still to send to the terminal. */
  private insert(
    tx: Tx,
    actor: SaleActor,
    input: CreateReturnInput,
    hash: string,
    plan: ReturnPlan,
    approvals: readonly Approval[],
    cashIncrement: number,
  ): PaymentRow[] {
    // Store credit goes back on the code it was paid with, or on one new code for this return, printed on
    // its receipt (the refund row's reference). The credit itself is issued when the return completes.
    const newCode = newCreditCode();
    const creditCode = (r: ReturnPlan['refunds'][number]): string | null => {
      if (r.tenderKind !== 'store_credit') return null;
      const original = r.originalPaymentId === null ? undefined : selectPayment(tx.db, r.originalPaymentId);
      return original?.tender_kind === 'store_credit' && original.reference !== null
        ? original.reference
        : newCode;
    };
    const refunds = plan.refunds.map((r): PaymentRow => {
      // Cash paid out is rounded to the coins in the drawer, mirroring the rounding of a cash sale.
      const rounding = r.tenderKind === 'cash' ? roundCash(r.amountMinor, cashIncrement).adjustment : 0;
      return {
        id: newId(),
        sale_id: input.id,
        tender_id: r.tenderId,
        tender_kind: r.tenderKind,
        direction: 'refund',
        status: r.tenderKind === 'card' ? 'pending' : 'approved',
        amount_minor: r.amountMinor + rounding,
        tendered_minor: null,
        change_minor: 0,
        rounding_minor: rounding,
        original_payment_id: r.originalPaymentId,
        terminal_ref: r.tenderKind === 'card' ? r.originalReference : null,
        reference: creditCode(r),
        reason: null,
        provider_data: '{}',
        request_hash: hash,
        staff_id: actor.staff.id,
        created_at: tx.at,
        updated_at: tx.at,
        resolved_at: r.tenderKind === 'card' ? null : tx.at,
      };
    });
    insertSale(tx.db, {
      id: input.id,
      kind: 'return',
      status: 'open',
      till_id: actor.tillId,
      staff_id: actor.staff.id,
      customer_id: plan.original?.customer_id ?? null,
      original_sale_id: plan.original?.id ?? null,
      cash_session_id: null,
      currency: plan.currency,
      tax_mode: plan.taxMode,
      sale_discount: null,
      sale_discount_reason: null,
      subtotal_minor: plan.subtotalMinor,
      discount_minor: plan.discountMinor,
      tax_minor: plan.taxMinor,
      rounding_minor: refunds.reduce((acc, r) => acc + r.rounding_minor, 0),
      total_minor: plan.totalMinor,
      receipt_number: null,
      receipt_code: null,
      request_hash: hash,
      cart_hash: hash,
      note: input.note ?? '',
      version: 1,
      created_at: tx.at,
      updated_at: tx.at,
      parked_at: null,
      voided_at: null,
      voided_by: null,
      completed_at: null,
      completed_by: null,
      coupon_codes: '[]',
    });
    for (const line of plan.lines) upsertLine(tx.db, line);
    for (const refund of refunds) {
      insertPayment(tx.db, refund);
      announcePayment(tx, refund);
    }
    recordApprovals(tx, input.id, actor, approvals);
    announceSale(tx, loadSaleView(tx.db, input.id));
    return refunds.filter((r) => r.status === 'pending');
  }

  private replayOf(db: HubContext['db'], id: string, hash: string): SaleResult | null {
    const existing = selectSale(db, id);
    if (!existing) return null;
    if (existing.kind !== 'return' || existing.request_hash !== hash) {
      throw new ConflictError('A different document already has this id', { id }, 'IDEMPOTENCY_CONFLICT');
    }
    return { sale: loadSaleView(db, id), created: false };
  }

  private view(id: string): SaleView {
    return this.ctx.tx.read((db) => loadSaleView(db, id));
  }
}
