import type { Db } from './connection.js';

/** Reading the audit log (writing is hub/db/audit.ts, through Tx.audit). */

export interface AuditRow {
  id: number;
  at: string;
  actor_kind: string;
  actor_id: string | null;
  till_id: string | null;
  action: string;
  target: string | null;
  outcome: string;
  details: string;
}

export interface AuditFilter {
  from: string | null;
  to: string | null;
  actorId: string | null;
  tillId: string | null;
  /** Exact action, or a prefix ending in '.' (e.g. 'staff.'). */
  action: string | null;
  outcome: string | null;
}

const WHERE = `WHERE (@from IS NULL OR at >= @from) AND (@to IS NULL OR at < @to)
  AND (@actorId IS NULL OR actor_id = @actorId) AND (@tillId IS NULL OR till_id = @tillId)
  AND (@action IS NULL OR action = @action OR (substr(@action, -1) = '.' AND substr(action, 1, length(@action)) = @action))
  AND (@outcome IS NULL OR outcome = @outcome)`;

export function listAudit(db: Db, filter: AuditFilter, limit: number, offset: number): AuditRow[] {
  return db
    .prepare(`SELECT * FROM audit_log ${WHERE} ORDER BY id DESC LIMIT @limit OFFSET @offset`)
    .all({ ...filter, limit, offset }) as AuditRow[];
}

export function countAudit(db: Db, filter: AuditFilter): number {
  return (db.prepare(`SELECT count(*) AS n FROM audit_log ${WHERE}`).get(filter) as { n: number }).n;
}
