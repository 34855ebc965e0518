import type { Principal } from '../../contract/principal.js';
import type { HubContext } from '../../context.js';
import * as q from '../../db/gift-card-queries.js';
import { BusinessRuleError, NotFoundError } from '../../errors.js';
import { auditActor } from '../access/audit-actor.js';
import { requirePermission, staffOf } from '../access/guards.js';
import { addGiftCardEntry, assertCardCovers, normalizeGiftCardCode } from './gift-card-ledger.js';
import { pageAt, type Page } from './customer-service.js';

export interface GiftCardEntryView {
  kind: q.GiftCardEntryKind;
  amountMinor: number;
  saleId: string | null;
  paymentId: string | null;
  note: string;
  at: string;
}

export interface GiftCardView {
  code: string;
  currency: string;
  balanceMinor: number;
  activatedSaleId: string | null;
  createdAt: string;
  entries: GiftCardEntryView[];
}

export interface GiftCardSummary {
  code: string;
  currency: string;
  balanceMinor: number;
  createdAt: string;
  lastActivityAt: string;
}

export interface GiftCardProduct {
  productId: string;
  sku: string;
  name: string;
  priceMinor: number;
  active: boolean;
}

export interface ReloadInput {
  /** Signed: a manager's reload (+) or correction (-). */
  amountMinor: number;
  note: string;
}

/**
 * Balance checks for any staff member (till or admin); the list, manual reloads and corrections, and which
 * products are gift cards for 'customers.manage'. Selling and redeeming go through sales and payments.
 */
export class GiftCardService {
  constructor(
    private readonly ctx: HubContext,
    private readonly currency: () => string,
  ) {}

  get(principal: Principal, raw: string): GiftCardView {
    staffOf(principal);
    return this.ctx.tx.read((db) => {
      const code = normalizeGiftCardCode(raw);
      const card = code === null ? undefined : q.selectGiftCard(db, code);
      if (!card) throw new NotFoundError('Gift card', raw);
      return {
        code: card.code,
        currency: card.currency,
        balanceMinor: q.selectGiftCardBalance(db, card.code),
        activatedSaleId: card.activated_sale_id,
        createdAt: card.created_at,
        entries: q.selectGiftCardEntries(db, card.code).map((e) => ({
          kind: e.kind,
          amountMinor: e.amount_minor,
          saleId: e.sale_id,
          paymentId: e.payment_id,
          note: e.note,
          at: e.at,
        })),
      };
    });
  }

  list(principal: Principal, prefix: string, limit: number, offset: number): Page<GiftCardSummary> {
    requirePermission(principal, 'customers.manage');
    const normalized = prefix.toUpperCase().replace(/[\s-]/g, '');
    return this.ctx.tx.read((db) => {
      const { rows, total } = q.listGiftCards(db, normalized, limit, offset);
      const items = rows.map((r) => ({
        code: r.code,
        currency: r.currency,
        balanceMinor: r.balance_minor,
        createdAt: r.created_at,
        lastActivityAt: r.last_at,
      }));
      return pageAt(items, total, offset);
    });
  }

  /**
   * A manager loads value onto a card (a new card is issued in the store currency) or corrects it; a
   * correction never takes the balance below zero. Audited with the reason.
   */
  reload(principal: Principal, raw: string, input: ReloadInput): GiftCardView {
    const staff = requirePermission(principal, 'customers.manage');
    const code = normalizeGiftCardCode(raw);
    if (code === null) {
      throw new BusinessRuleError('GIFT_CARD_CODE', 'A gift card code is 6-32 letters and digits', {
        code: raw,
      });
    }
    this.ctx.tx.write((tx) => {
      const existing = q.selectGiftCard(tx.db, code);
      if (!existing && input.amountMinor < 0) throw new NotFoundError('Gift card', code);
      if (input.amountMinor < 0) assertCardCovers(tx, code, -input.amountMinor);
      q.insertGiftCard(tx.db, {
        code,
        currency: this.currency(),
        activated_sale_id: null,
        created_at: tx.at,
      });
      addGiftCardEntry(tx, {
        code,
        kind: 'adjust',
        amountMinor: input.amountMinor,
        staffId: staff.id,
        note: input.note,
      });
      tx.audit({
        ...auditActor(principal),
        action: 'gift_card.adjust',
        target: code,
        details: { amountMinor: input.amountMinor, note: input.note, issued: !existing },
      });
    });
    return this.get(principal, code);
  }

  products(principal: Principal): GiftCardProduct[] {
    staffOf(principal);
    return this.ctx.tx.read((db) =>
      q.selectGiftCardProducts(db).map((p) => ({
        productId: p.product_id,
        sku: p.sku,
        name: p.name,
        priceMinor: p.price_minor,
        active: p.active === 1,
      })),
    );
  }

  /** Marks or unmarks a product as a gift card; only lines sold afterwards load cards. */
  setProduct(principal: Principal, productId: string, giftCard: boolean): GiftCardProduct[] {
    requirePermission(principal, 'customers.manage');
    this.ctx.tx.write((tx) => {
      if (!q.productExists(tx.db, productId)) throw new NotFoundError('Product', productId);
      const changed = giftCard
        ? q.insertGiftCardProduct(tx.db, productId, tx.at)
        : q.deleteGiftCardProduct(tx.db, productId);
      if (!changed) return;
      tx.audit({
        ...auditActor(principal),
        action: giftCard ? 'gift_card.product_add' : 'gift_card.product_remove',
        target: productId,
      });
      tx.outbox('gift_card_product', productId, giftCard ? 'upsert' : 'delete', { productId });
    });
    return this.products(principal);
  }
}
