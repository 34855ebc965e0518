import type { HubContext } from '../../context.js';
import type { Db } from '../../db/connection.js';
import { isoNow } from '../../clock.js';
import {
  deletePromotion,
  missingIds,
  promotionInUse,
  selectPricingPromotions,
  selectPromotion,
  selectPromotions,
  upsertPromotion,
  type PromotionRow,
} from '../../db/promotion-queries.js';
import type { Tx } from '../../db/transactor.js';
import type { Promotion, PromotionRule, PromotionTarget } from '../../domain/promotions/index.js';
import { BusinessRuleError, ConflictError, NotFoundError, ValidationError } from '../../errors.js';
import { newId } from '../../ids.js';
import { auditEntry, type Actor } from '../settings/actor.js';
import { parseOrThrow } from '../settings/settings-schema.js';
import {
  PromotionCreateSchema,
  PromotionPatchSchema,
  type PromotionCreate,
  type PromotionStatus,
  type PromotionView,
} from './promotion-schema.js';

type Editable = Omit<PromotionView, 'id' | 'archived' | 'status' | 'createdAt' | 'updatedAt'>;

export function promotionOf(row: PromotionRow): Promotion {
  return {
    id: row.id,
    name: row.name,
    target: JSON.parse(row.target) as PromotionTarget,
    rule: JSON.parse(row.rule) as PromotionRule,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    couponCode: row.coupon_code,
    customersOnly: row.customers_only === 1,
    priority: row.priority,
  };
}

/** Where a campaign stands at `now`; the same window test the engine applies (start inclusive, end exclusive). */
export function statusAt(row: PromotionRow, now: string): PromotionStatus {
  if (row.archived_at !== null) return 'archived';
  const at = Date.parse(now);
  if (Date.parse(row.starts_at) > at) return 'scheduled';
  if (row.ends_at !== null && Date.parse(row.ends_at) <= at) return 'ended';
  return 'active';
}

function viewOf(row: PromotionRow, now: string): PromotionView {
  const { id, name, target, startsAt, endsAt, couponCode, customersOnly, priority } = promotionOf(row);
  return {
    id,
    name,
    target: { productIds: [...target.productIds], categoryIds: [...target.categoryIds] },
    // Stored from the validated schema's output, so it reads back as that type.
    rule: JSON.parse(row.rule) as PromotionView['rule'],
    startsAt,
    endsAt,
    couponCode,
    customersOnly,
    priority,
    archived: row.archived_at !== null,
    status: statusAt(row, now),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Instants are stored in UTC so every reader (and the replica) compares them the same way. */
const utc = (instant: string): string => new Date(instant).toISOString();

/** The promotions pricing reads, as the engine takes them. */
export function pricingPromotions(db: Db): Promotion[] {
  return selectPricingPromotions(db).map(promotionOf);
}

/**
 * Campaigns managed from the admin pages (permission catalog.manage: promotions are prices). Archived,
 * never deleted; every write is audited and replicated. Pricing picks changes up at the next cart change.
 */
export class PromotionService {
  constructor(private readonly ctx: HubContext) {}

  /** Newest start first; with `status`, only campaigns standing there now (archived ones only when asked). */
  list(includeArchived = false, status?: PromotionStatus): PromotionView[] {
    const now = isoNow(this.ctx.clock);
    const archived = includeArchived || status === 'archived';
    const views = this.ctx.tx.read((db) => selectPromotions(db, archived).map((row) => viewOf(row, now)));
    return status === undefined ? views : views.filter((v) => v.status === status);
  }

  get(id: string): PromotionView {
    const row = this.ctx.tx.read((db) => selectPromotion(db, id));
    if (!row) throw new NotFoundError('Promotion', id);
    return viewOf(row, isoNow(this.ctx.clock));
  }

  create(input: unknown, actor: Actor): { promotion: PromotionView; created: boolean } {
    const data: PromotionCreate = parseOrThrow(PromotionCreateSchema, input, 'promotion');
    const { id: requested, ...editable } = data;
    return this.ctx.tx.write((tx) => {
      const id = requested ?? newId();
      const existing = selectPromotion(tx.db, id);
      if (existing) {
        const before = viewOf(existing, tx.at);
        if (JSON.stringify(editableOf(before)) !== JSON.stringify(normalized(editable))) {
          throw new ConflictError(`Promotion ${id} already exists with other content`, { id });
        }
        return { promotion: before, created: false };
      }
      return {
        promotion: this.write(tx, id, normalized(editable), null, actor, 'promotion.create'),
        created: true,
      };
    });
  }

  update(id: string, patch: unknown, actor: Actor): PromotionView {
    const data = parseOrThrow(PromotionPatchSchema, patch, 'promotion');
    return this.ctx.tx.write((tx) => {
      const existing = selectPromotion(tx.db, id);
      if (!existing) throw new NotFoundError('Promotion', id);
      const before = viewOf(existing, tx.at);
      const next = normalized({
        name: data.name ?? before.name,
        target: data.target ?? before.target,
        rule: data.rule ?? before.rule,
        startsAt: data.startsAt ?? before.startsAt,
        endsAt: data.endsAt === undefined ? before.endsAt : data.endsAt,
        couponCode: data.couponCode === undefined ? before.couponCode : data.couponCode,
        customersOnly: data.customersOnly ?? before.customersOnly,
        priority: data.priority ?? before.priority,
      });
      if (next.endsAt !== null && Date.parse(next.endsAt) <= Date.parse(next.startsAt)) {
        throw new ValidationError('Invalid promotion: endsAt: endsAt must be after startsAt', {
          issues: [{ path: 'endsAt', message: 'endsAt must be after startsAt' }],
        });
      }
      return this.write(tx, id, next, existing, actor, 'promotion.update');
    });
  }

  /** Archiving ends a campaign for good at once; sales already made keep naming it. */
  setArchived(id: string, archived: boolean, actor: Actor): PromotionView {
    return this.ctx.tx.write((tx) => {
      const existing = selectPromotion(tx.db, id);
      if (!existing) throw new NotFoundError('Promotion', id);
      if ((existing.archived_at !== null) === archived) return viewOf(existing, tx.at);
      const row: PromotionRow = { ...existing, archived_at: archived ? tx.at : null, updated_at: tx.at };
      upsertPromotion(tx.db, row);
      tx.outbox('promotion', id, 'upsert', viewOf(row, tx.at));
      tx.audit(
        auditEntry(actor, archived ? 'promotion.archive' : 'promotion.unarchive', id, { name: row.name }),
      );
      return viewOf(row, tx.at);
    });
  }

  /**
   * Ends a running campaign now, by the hub clock: its end moves to this instant, so prices return to
   * normal from the next cart change while the campaign stays listed (and can be run again by editing its
   * end). One that has not started is deleted or rescheduled instead; one already ended stays as it is.
   */
  end(id: string, actor: Actor): PromotionView {
    return this.ctx.tx.write((tx) => {
      const existing = selectPromotion(tx.db, id);
      if (!existing) throw new NotFoundError('Promotion', id);
      const status = statusAt(existing, tx.at);
      if (status === 'ended') return viewOf(existing, tx.at);
      if (status !== 'active') {
        throw new BusinessRuleError('PROMOTION_NOT_RUNNING', `Promotion ${id} is ${status}, not running`, {
          status,
        });
      }
      const row: PromotionRow = { ...existing, ends_at: tx.at, updated_at: tx.at };
      upsertPromotion(tx.db, row);
      tx.outbox('promotion', id, 'upsert', viewOf(row, tx.at));
      tx.audit(auditEntry(actor, 'promotion.end', id, { name: row.name, endsAt: tx.at }));
      return viewOf(row, tx.at);
    });
  }

  /**
   * Deletes a campaign no sale ever got (a draft or a mistake). Once a sale line names it, it is part of
   * that sale's history: 409 PROMOTION_IN_USE, end or archive it instead.
   */
  delete(id: string, actor: Actor): void {
    this.ctx.tx.write((tx) => {
      const existing = selectPromotion(tx.db, id);
      if (!existing) throw new NotFoundError('Promotion', id);
      if (promotionInUse(tx.db, id)) {
        throw new ConflictError(
          `Promotion ${id} was given on sales; end or archive it instead`,
          { id },
          'PROMOTION_IN_USE',
        );
      }
      deletePromotion(tx.db, id);
      tx.outbox('promotion', id, 'delete', { id });
      tx.audit(auditEntry(actor, 'promotion.delete', id, { name: existing.name }));
    });
  }

  private write(
    tx: Tx,
    id: string,
    data: Editable,
    existing: PromotionRow | null,
    actor: Actor,
    action: string,
  ): PromotionView {
    assertTargetsExist(tx.db, data);
    const row: PromotionRow = {
      id,
      name: data.name,
      target: JSON.stringify(data.target),
      rule: JSON.stringify(data.rule),
      starts_at: data.startsAt,
      ends_at: data.endsAt,
      coupon_code: data.couponCode,
      customers_only: data.customersOnly ? 1 : 0,
      priority: data.priority,
      archived_at: existing?.archived_at ?? null,
      created_at: existing?.created_at ?? tx.at,
      updated_at: tx.at,
    };
    upsertPromotion(tx.db, row);
    const view = viewOf(row, tx.at);
    tx.outbox('promotion', id, 'upsert', view);
    tx.audit(auditEntry(actor, action, id, { name: data.name, rule: data.rule.kind }));
    return view;
  }
}

function editableOf(view: PromotionView): Editable {
  const { name, target, rule, startsAt, endsAt, couponCode, customersOnly, priority } = view;
  return { name, target, rule, startsAt, endsAt, couponCode, customersOnly, priority };
}

function normalized(data: Editable): Editable {
  return {
    name: data.name,
    target: { productIds: [...data.target.productIds], categoryIds: [...data.target.categoryIds] },
    rule: data.rule,
    startsAt: utc(data.startsAt),
    endsAt: data.endsAt === null ? null : utc(data.endsAt),
    couponCode: data.couponCode,
    customersOnly: data.customersOnly,
    priority: data.priority,
  };
}

function assertTargetsExist(db: Db, data: Editable): void {
  const targets = [data.target, ...(data.rule.kind === 'buy_get' ? [data.rule.getTarget] : [])];
  const products = missingIds(
    db,
    'products',
    targets.flatMap((t) => t.productIds),
  );
  const categories = missingIds(
    db,
    'categories',
    targets.flatMap((t) => t.categoryIds),
  );
  if (products.length > 0 || categories.length > 0) {
    throw new BusinessRuleError(
      'UNKNOWN_TARGET',
      'The promotion names products or categories that do not exist',
      {
        productIds: products,
        categoryIds: categories,
      },
    );
  }
}
