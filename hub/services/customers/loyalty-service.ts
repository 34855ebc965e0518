import type { Principal } from '../../contract/principal.js';
import type { HubContext } from '../../context.js';
import { getCustomer } from '../../db/customers-queries.js';
import * as q from '../../db/loyalty-queries.js';
import { tierFor, type LoyaltyTier } from '../../domain/loyalty.js';
import { NotFoundError } from '../../errors.js';
import { auditActor } from '../access/audit-actor.js';
import { requireAuthenticated, requirePermission, staffOf } from '../access/guards.js';
import { pageAt, type Page } from './customer-service.js';
import { addPointsEntry, assertPointsCover } from './loyalty-ledger.js';
import { readLoyaltySettings, type LoyaltySettings } from './loyalty-settings.js';
import { writeLoyaltySettingsJson } from '../../db/loyalty-queries.js';

export interface CustomerLoyalty {
  customerId: string;
  enabled: boolean;
  balancePoints: number;
  lifetimePoints: number;
  /** What the balance pays for at the till, in minor units. */
  balanceValueMinor: number;
  pointValueMinor: number;
  tier: LoyaltyTier | null;
  /** The next tier up and the lifetime points it starts at, or null at the top. */
  nextTier: LoyaltyTier | null;
}

export interface PointsEntryView {
  kind: q.LoyaltyEntryKind;
  points: number;
  saleId: string | null;
  paymentId: string | null;
  note: string;
  at: string;
}

/**
 * The points side of a customer: balance and tier for any till or staff member (the till shows it), the
 * ledger for staff, corrections by 'customers.manage', and the programme's rules by 'settings.manage'.
 */
export class LoyaltyService {
  constructor(private readonly ctx: HubContext) {}

  settings(principal: Principal): LoyaltySettings {
    requireAuthenticated(principal);
    return this.ctx.tx.read((db) => readLoyaltySettings(db));
  }

  updateSettings(principal: Principal, settings: LoyaltySettings): LoyaltySettings {
    requirePermission(principal, 'settings.manage');
    const sorted = { ...settings, tiers: [...settings.tiers].sort((a, b) => a.minPoints - b.minPoints) };
    this.ctx.tx.write((tx) => {
      const before = readLoyaltySettings(tx.db);
      writeLoyaltySettingsJson(tx.db, JSON.stringify(sorted), tx.at);
      tx.audit({ ...auditActor(principal), action: 'loyalty.settings', details: { before, after: sorted } });
      tx.outbox('loyalty_settings', 'store', 'upsert', sorted);
    });
    return sorted;
  }

  ofCustomer(principal: Principal, customerId: string): CustomerLoyalty {
    requireAuthenticated(principal);
    return this.ctx.tx.read((db) => {
      if (!getCustomer(db, customerId)) throw new NotFoundError('Customer', customerId);
      const rules = readLoyaltySettings(db);
      const balance = q.selectPointsBalance(db, customerId);
      const lifetime = q.selectLifetimePoints(db, customerId);
      return {
        customerId,
        enabled: rules.enabled,
        balancePoints: balance,
        lifetimePoints: lifetime,
        balanceValueMinor: Math.max(0, balance) * rules.pointValueMinor,
        pointValueMinor: rules.pointValueMinor,
        tier: tierFor(rules.tiers, lifetime),
        nextTier: rules.tiers.find((t) => t.minPoints > lifetime) ?? null,
      };
    });
  }

  entries(principal: Principal, customerId: string, limit: number, offset: number): Page<PointsEntryView> {
    staffOf(principal);
    return this.ctx.tx.read((db) => {
      if (!getCustomer(db, customerId)) throw new NotFoundError('Customer', customerId);
      const { rows, total } = q.selectLoyaltyEntries(db, customerId, limit, offset);
      const items = rows.map((e) => ({
        kind: e.kind,
        points: e.points,
        saleId: e.sale_id,
        paymentId: e.payment_id,
        note: e.note,
        at: e.at,
      }));
      return pageAt(items, total, offset);
    });
  }

  /** A manager's correction with a reason; it never takes the balance below zero. Audited. */
  adjust(principal: Principal, customerId: string, input: { points: number; note: string }): CustomerLoyalty {
    const staff = requirePermission(principal, 'customers.manage');
    this.ctx.tx.write((tx) => {
      if (!getCustomer(tx.db, customerId)) throw new NotFoundError('Customer', customerId);
      if (input.points < 0) assertPointsCover(tx, customerId, -input.points);
      addPointsEntry(tx, {
        customerId,
        kind: 'adjust',
        points: input.points,
        staffId: staff.id,
        note: input.note,
      });
      tx.audit({
        ...auditActor(principal),
        action: 'loyalty.adjust',
        target: customerId,
        details: { points: input.points, note: input.note },
      });
    });
    return this.ofCustomer(principal, customerId);
  }
}
