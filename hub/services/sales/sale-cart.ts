import { isoNow } from '../../clock.js';
import type { HubContext } from '../../context.js';
import type { Db } from '../../db/connection.js';
import { selectPaymentsForSale } from '../../db/payments-queries.js';
import {
  insertSale,
  selectLines,
  selectSale,
  updateSale,
  upsertLine,
  type SaleRow,
} from '../../db/sales-queries.js';
import type { Tx } from '../../db/transactor.js';
import { BusinessRuleError, ConflictError, NotFoundError } from '../../errors.js';
import { hasLivePayments } from '../payments/payment-summary.js';
import type { ResolvedSalesDeps } from './deps.js';
import { requestHash } from './request-hash.js';
import { authorizeNeeds, recordApprovals } from './sale-authorize.js';
import { assertApproved, cartHash, normalizeCart, planCart, type CartPlan } from './sale-plan.js';
import { loadSaleView } from './sale-view.js';
import type { CreateSaleInput, SaleActor, SaleResult, SaleView, UpdateCartInput } from './types.js';

/** Publishes a sale's new state for replication and for the till's live view. */
export function announceSale(tx: Tx, view: SaleView): void {
  tx.outbox('sale', view.id, 'upsert', view);
  tx.emit({ name: 'sale.updated', payload: { saleId: view.id, tillId: view.tillId, status: view.status } });
}

/** An open sale belongs to one till at a time; another till gets it by parking and recalling. */
export function assertOnTill(sale: SaleRow, actor: SaleActor): void {
  if (sale.till_id !== actor.tillId) {
    throw new ConflictError(
      'This sale is open on another till',
      { saleId: sale.id, tillId: sale.till_id },
      'SALE_ON_OTHER_TILL',
    );
  }
}

export function assertEditable(db: Db, sale: SaleRow, actor: SaleActor, expectedVersion: number): void {
  if (sale.kind !== 'sale' || sale.status !== 'open') {
    throw new ConflictError(
      `Sale ${sale.id} is ${sale.status}; only an open sale can change`,
      { status: sale.status },
      'SALE_STATE',
    );
  }
  assertOnTill(sale, actor);
  if (sale.version !== expectedVersion) {
    throw new ConflictError(
      'The sale was changed since this cart was read',
      { currentVersion: sale.version, expectedVersion },
      'STALE_VERSION',
    );
  }
  // Once money is taken or under way the cart is frozen: a card approved for one amount must not end up
  // paying a different basket. Cancel the payment first.
  if (hasLivePayments(selectPaymentsForSale(db, sale.id))) {
    throw new BusinessRuleError('SALE_HAS_PAYMENTS', 'Cancel the payments taken before changing the cart', {
      saleId: sale.id,
    });
  }
}

export class SaleCartService {
  constructor(
    private readonly ctx: HubContext,
    private readonly deps: ResolvedSalesDeps,
  ) {}

  /** Opens a sale with the till's id. The same request again returns the sale; other content is 409. */
  async create(actor: SaleActor, input: CreateSaleInput): Promise<SaleResult> {
    const cart = normalizeCart(input);
    const hash = requestHash({ id: input.id, cart });
    const replay = this.ctx.tx.read((db) => this.replayOf(db, input.id, hash));
    if (replay) return replay;
    const { taxMode, currency } = this.deps.settings.get();
    const planFor = (db: Db, at: string): CartPlan =>
      planCart(db, {
        saleId: input.id,
        cart,
        existing: [],
        previousSaleDiscount: null,
        taxMode,
        actor,
        at,
        scans: this.deps.catalog,
      });
    const first = this.ctx.tx.read((db) => planFor(db, isoNow(this.ctx.clock)));
    const approvals = await authorizeNeeds(this.deps.access, actor, first.needs, input.override);
    return this.ctx.tx.write((tx) => {
      const raced = this.replayOf(tx.db, input.id, hash);
      if (raced) return raced;
      const plan = planFor(tx.db, tx.at);
      assertApproved(plan.needs, approvals);
      const p = plan.priced;
      insertSale(tx.db, {
        id: input.id,
        kind: 'sale',
        status: 'open',
        till_id: actor.tillId,
        staff_id: actor.staff.id,
        customer_id: cart.customerId ?? null,
        original_sale_id: null,
        cash_session_id: null,
        currency,
        tax_mode: taxMode,
        sale_discount: plan.saleDiscountJson,
        sale_discount_reason: cart.saleDiscountReason ?? null,
        subtotal_minor: p.subtotalMinor,
        discount_minor: p.discountMinor,
        tax_minor: p.taxMinor,
        rounding_minor: 0,
        total_minor: p.totalMinor,
        receipt_number: null,
        receipt_code: null,
        request_hash: hash,
        cart_hash: cartHash(cart),
        note: cart.note ?? '',
        version: 1,
        created_at: tx.at,
        updated_at: tx.at,
        parked_at: null,
        voided_at: null,
        voided_by: null,
        completed_at: null,
        completed_by: null,
        coupon_codes: JSON.stringify(cart.couponCodes ?? []),
      });
      for (const line of p.lines) upsertLine(tx.db, line);
      recordApprovals(tx, input.id, actor, approvals);
      const view = loadSaleView(tx.db, input.id);
      announceSale(tx, view);
      return { sale: view, created: true };
    });
  }

  /**
   * Replaces the cart with the till's full cart at `expectedVersion`. A cart equal to the one already
   * applied is a replay and returns the sale as it is; a stale version is 409.
   */
  async update(actor: SaleActor, saleId: string, input: UpdateCartInput): Promise<SaleResult> {
    const cart = normalizeCart(input);
    const hash = cartHash(cart);
    const sale = this.ctx.tx.read((db) => selectSale(db, saleId));
    if (!sale) throw new NotFoundError('Sale', saleId);
    if (sale.cart_hash === hash)
      return { sale: this.ctx.tx.read((db) => loadSaleView(db, saleId)), created: false };
    // A cart sent without couponCodes keeps the sale's codes (POST /sales/{id}/coupons manages them).
    const planFor = (db: Db, row: SaleRow, at: string): CartPlan =>
      planCart(db, {
        saleId,
        cart:
          input.couponCodes === undefined
            ? { ...cart, couponCodes: JSON.parse(row.coupon_codes) as string[] }
            : cart,
        existing: selectLines(db, saleId),
        previousSaleDiscount: row.sale_discount,
        taxMode: row.tax_mode,
        actor,
        at,
        scans: this.deps.catalog,
      });
    const first = this.ctx.tx.read((db) => {
      assertEditable(db, sale, actor, input.expectedVersion);
      return planFor(db, sale, isoNow(this.ctx.clock));
    });
    const approvals = await authorizeNeeds(this.deps.access, actor, first.needs, input.override);
    return this.ctx.tx.write((tx) => {
      const current = selectSale(tx.db, saleId);
      if (!current) throw new NotFoundError('Sale', saleId);
      if (current.cart_hash === hash) return { sale: loadSaleView(tx.db, saleId), created: false };
      assertEditable(tx.db, current, actor, input.expectedVersion);
      const plan = planFor(tx.db, current, tx.at);
      assertApproved(plan.needs, approvals);
      const p = plan.priced;
      updateSale(tx.db, {
        ...current,
        customer_id: cart.customerId ?? null,
        sale_discount: plan.saleDiscountJson,
        sale_discount_reason: cart.saleDiscountReason ?? null,
        subtotal_minor: p.subtotalMinor,
        discount_minor: p.discountMinor,
        tax_minor: p.taxMinor,
        total_minor: p.totalMinor,
        cart_hash: hash,
        note: cart.note ?? '',
        coupon_codes:
          input.couponCodes === undefined ? current.coupon_codes : JSON.stringify(cart.couponCodes ?? []),
        version: current.version + 1,
        updated_at: tx.at,
      });
      for (const line of p.lines) upsertLine(tx.db, line);
      recordApprovals(tx, saleId, actor, approvals);
      const view = loadSaleView(tx.db, saleId);
      announceSale(tx, view);
      return { sale: view, created: false };
    });
  }

  private replayOf(db: Db, id: string, hash: string): SaleResult | null {
    const existing = selectSale(db, id);
    if (!existing) return null;
    if (existing.request_hash !== hash) {
      throw new ConflictError('A different sale already has this id', { saleId: id }, 'IDEMPOTENCY_CONFLICT');
    }
    return { sale: loadSaleView(db, id), created: false };
  }
}
