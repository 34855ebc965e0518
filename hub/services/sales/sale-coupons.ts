import type { HubContext } from '../../context.js';
import { selectLines, selectSale, updateSale, upsertLine } from '../../db/sales-queries.js';
import { normalizeCoupon } from '../../domain/promotions/index.js';
import { NotFoundError } from '../../errors.js';
import { announceSale, assertEditable } from './sale-cart.js';
import { repriceStored } from './sale-promotions.js';
import { loadSaleView } from './sale-view.js';
import type { SaleActor, SaleView } from './types.js';

/**
 * Coupon codes on an open sale, one at a time: the cashier types the code from the flyer and the sale is
 * priced again at once. A code no running promotion takes is refused (422 COUPON_NOT_VALID) and changes
 * nothing, so the cashier can tell the customer while they are there. Same rules as a cart change: open,
 * on this till, at the version the till holds, no money taken yet.
 */
export class SaleCouponService {
  constructor(private readonly ctx: HubContext) {}

  add(actor: SaleActor, saleId: string, code: string, expectedVersion: number): SaleView {
    const wanted = normalizeCoupon(code);
    return this.change(actor, saleId, expectedVersion, (codes) =>
      codes.includes(wanted) ? codes : [...codes, wanted],
    );
  }

  remove(actor: SaleActor, saleId: string, code: string, expectedVersion: number): SaleView {
    const unwanted = normalizeCoupon(code);
    return this.change(actor, saleId, expectedVersion, (codes) => codes.filter((c) => c !== unwanted));
  }

  private change(
    actor: SaleActor,
    saleId: string,
    expectedVersion: number,
    next: (codes: string[]) => string[],
  ): SaleView {
    return this.ctx.tx.write((tx) => {
      const sale = selectSale(tx.db, saleId);
      if (!sale) throw new NotFoundError('Sale', saleId);
      const codes = JSON.parse(sale.coupon_codes) as string[];
      const wanted = next(codes);
      if (JSON.stringify(wanted) === JSON.stringify(codes)) return loadSaleView(tx.db, saleId);
      assertEditable(tx.db, sale, actor, expectedVersion);
      const priced = repriceStored(tx.db, sale, selectLines(tx.db, saleId), {
        at: tx.at,
        customerId: sale.customer_id,
        couponCodes: wanted,
      });
      for (const line of priced.lines) upsertLine(tx.db, line);
      updateSale(tx.db, {
        ...sale,
        coupon_codes: JSON.stringify(wanted),
        subtotal_minor: priced.subtotalMinor,
        discount_minor: priced.discountMinor,
        tax_minor: priced.taxMinor,
        total_minor: priced.totalMinor,
        version: sale.version + 1,
        updated_at: tx.at,
      });
      const view = loadSaleView(tx.db, saleId);
      announceSale(tx, view);
      return view;
    });
  }
}
