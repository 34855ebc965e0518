import type { OverrideInput } from '../../contract/principal.js';
import type { HubContext } from '../../context.js';
import { selectPaymentsForSale } from '../../db/payments-queries.js';
import { customerExists } from '../../db/sale-effects-queries.js';
import {
  listSales,
  selectSale,
  selectLines,
  selectSaleByReceiptCode,
  updateSale,
  upsertLine,
  type SaleKind,
  type SaleRow,
  type SaleStatus,
} from '../../db/sales-queries.js';
import type { Tx } from '../../db/transactor.js';
import { BusinessRuleError, NotFoundError } from '../../errors.js';
import { hasLivePayments } from '../payments/payment-summary.js';
import type { ResolvedSalesDeps } from './deps.js';
import { normalizeReceiptCode } from './receipt-code.js';
import { authorizeNeeds, recordApprovals } from './sale-authorize.js';
import { announceSale, assertOnTill } from './sale-cart.js';
import { saleTransition } from './sale-machine.js';
import { repriceStored } from './sale-promotions.js';
import { loadSaleView } from './sale-view.js';
import type { SaleActor, SaleView } from './types.js';

export interface SaleListQuery {
  status?: SaleStatus;
  kind?: SaleKind;
  tillId?: string;
  limit: number;
  offset: number;
}

function requireSale(tx: Tx, saleId: string): SaleRow {
  const sale = selectSale(tx.db, saleId);
  if (!sale) throw new NotFoundError('Sale', saleId);
  return sale;
}

function assertNoMoney(tx: Tx, sale: SaleRow, what: string): void {
  if (hasLivePayments(selectPaymentsForSale(tx.db, sale.id))) {
    throw new BusinessRuleError(
      'SALE_HAS_PAYMENTS',
      `Cancel or refund the payments taken before you ${what} this sale`,
      {
        saleId: sale.id,
      },
    );
  }
}

/** Park, recall, void, customer, and the reads. Each change is idempotent: asking for the state the sale is in returns it. */
export class SaleLifecycleService {
  constructor(
    private readonly ctx: HubContext,
    private readonly deps: ResolvedSalesDeps,
  ) {}

  get(saleId: string): SaleView {
    return this.ctx.tx.read((db) => loadSaleView(db, saleId));
  }

  /** By the printed code ("3-127") or its barcode form ("R00300000127"). */
  getByReceipt(code: string): SaleView {
    const normalized = normalizeReceiptCode(code);
    return this.ctx.tx.read((db) => {
      const sale = normalized === null ? undefined : selectSaleByReceiptCode(db, normalized);
      if (!sale) throw new NotFoundError('Receipt', code);
      return loadSaleView(db, sale.id);
    });
  }

  list(query: SaleListQuery): { items: SaleView[]; total: number; nextOffset: number | null } {
    return this.ctx.tx.read((db) => {
      const { rows, total } = listSales(db, {
        status: query.status ?? null,
        kind: query.kind ?? null,
        tillId: query.tillId ?? null,
        limit: query.limit,
        offset: query.offset,
      });
      const nextOffset = query.offset + rows.length < total ? query.offset + rows.length : null;
      return { items: rows.map((r) => loadSaleView(db, r.id)), total, nextOffset };
    });
  }

  /** Holds the sale so the till is free; any till of the store can recall it. Money must not be held in a parked sale. */
  park(actor: SaleActor, saleId: string): SaleView {
    return this.ctx.tx.write((tx) => {
      const sale = requireSale(tx, saleId);
      if (sale.status === 'parked') return loadSaleView(tx.db, saleId);
      assertOnTill(sale, actor);
      const status = saleTransition(saleId, sale.status, 'park');
      assertNoMoney(tx, sale, 'park');
      return this.save(tx, { ...sale, status, parked_at: tx.at });
    });
  }

  /** Brings a parked sale to this till and this cashier. */
  recall(actor: SaleActor, saleId: string): SaleView {
    return this.ctx.tx.write((tx) => {
      const sale = requireSale(tx, saleId);
      if (sale.status === 'open' && sale.till_id === actor.tillId) return loadSaleView(tx.db, saleId);
      const status = saleTransition(saleId, sale.status, 'recall');
      return this.save(tx, {
        ...sale,
        status,
        till_id: actor.tillId,
        staff_id: actor.staff.id,
        parked_at: null,
      });
    });
  }

  /**
   * Voids an open or parked sale; needs 'sale.void' or a supervisor. Refused while any payment holds
   * money or may (approved, pending, unknown): those are cancelled or refunded first, so a void never
   * leaves a customer charged for nothing.
   */
  async void(
    actor: SaleActor,
    saleId: string,
    override: OverrideInput | null | undefined,
    reason: string | null,
  ): Promise<SaleView> {
    const sale = this.ctx.tx.read((db) => selectSale(db, saleId));
    if (!sale) throw new NotFoundError('Sale', saleId);
    if (sale.status === 'voided') return this.get(saleId);
    saleTransition(saleId, sale.status, 'void');
    const approvals = await authorizeNeeds(
      this.deps.access,
      actor,
      [{ permission: 'sale.void', details: { reason } }],
      override,
    );
    return this.ctx.tx.write((tx) => {
      const current = requireSale(tx, saleId);
      if (current.status === 'voided') return loadSaleView(tx.db, saleId);
      const status = saleTransition(saleId, current.status, 'void');
      assertNoMoney(tx, current, 'void');
      recordApprovals(tx, saleId, actor, approvals);
      const view = this.save(tx, { ...current, status, voided_at: tx.at, voided_by: actor.staff.id });
      // Voids are journalled: a sale rung up and then voided is exactly what a tax auditor looks for.
      tx.journal('sale.voided', saleId, {
        saleId,
        tillId: current.till_id,
        staffId: actor.staff.id,
        reason,
        totalMinor: current.total_minor,
        approvedBy: approvals[0]?.approvedBy ?? null,
      });
      tx.emit({ name: 'sale.voided', payload: { saleId, tillId: current.till_id } });
      return view;
    });
  }

  /** Attaches (or with null detaches) a customer; allowed while the sale is open or parked. */
  setCustomer(saleId: string, customerId: string | null): SaleView {
    return this.ctx.tx.write((tx) => {
      const sale = requireSale(tx, saleId);
      if (sale.customer_id === customerId) return loadSaleView(tx.db, saleId);
      if (sale.status !== 'open' && sale.status !== 'parked') {
        throw new BusinessRuleError('SALE_CLOSED', `Sale ${saleId} is ${sale.status}`, {
          status: sale.status,
        });
      }
      if (customerId !== null && !customerExists(tx.db, customerId)) {
        throw new BusinessRuleError('CUSTOMER_NOT_FOUND', `Customer ${customerId} does not exist`, {
          customerId,
        });
      }
      if (hasLivePayments(selectPaymentsForSale(tx.db, saleId))) {
        // Money taken is for the prices shown: the customer is recorded, the prices stay.
        return this.save(tx, { ...sale, customer_id: customerId });
      }
      const priced = repriceStored(tx.db, sale, selectLines(tx.db, saleId), {
        at: tx.at,
        customerId,
        couponCodes: JSON.parse(sale.coupon_codes) as string[],
      });
      for (const line of priced.lines) upsertLine(tx.db, line);
      return this.save(tx, {
        ...sale,
        customer_id: customerId,
        subtotal_minor: priced.subtotalMinor,
        discount_minor: priced.discountMinor,
        tax_minor: priced.taxMinor,
        total_minor: priced.totalMinor,
      });
    });
  }

  private save(tx: Tx, row: SaleRow): SaleView {
    updateSale(tx.db, { ...row, version: row.version + 1, updated_at: tx.at });
    const view = loadSaleView(tx.db, row.id);
    announceSale(tx, view);
    return view;
  }
}
