import type { Principal } from '../../contract/principal.js';
import type { HubContext } from '../../context.js';
import { countAudit, listAudit, type AuditFilter } from '../../db/access-audit-queries.js';
import { requirePermission } from './guards.js';

export interface AuditItem {
  id: number;
  at: string;
  actorKind: string;
  actorId: string | null;
  tillId: string | null;
  action: string;
  target: string | null;
  outcome: string;
  details: Record<string, unknown>;
}

export interface AuditPage {
  items: AuditItem[];
  total: number;
  nextOffset: number | null;
}

/** The audit log, newest first, for whoever manages staff (it shows what staff did). */
export class AuditReader {
  constructor(private readonly ctx: HubContext) {}

  list(principal: Principal, filter: Partial<AuditFilter>, limit: number, offset: number): AuditPage {
    requirePermission(principal, 'staff.manage');
    const full: AuditFilter = {
      from: filter.from ?? null,
      to: filter.to ?? null,
      actorId: filter.actorId ?? null,
      tillId: filter.tillId ?? null,
      action: filter.action ?? null,
      outcome: filter.outcome ?? null,
    };
    return this.ctx.tx.read((db) => {
      const rows = listAudit(db, full, limit, offset);
      const total = countAudit(db, full);
      const items = rows.map((row) => ({
        id: row.id,
        at: row.at,
        actorKind: row.actor_kind,
        actorId: row.actor_id,
        tillId: row.till_id,
        action: row.action,
        target: row.target,
        outcome: row.outcome,
        details: parseDetails(row.details),
      }));
      return { items, total, nextOffset: offset + items.length < total ? offset + items.length : null };
    });
  }
}

function parseDetails(json: string): Record<string, unknown> {
  const value: unknown = JSON.parse(json);
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
