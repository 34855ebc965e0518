// Prepared once per connection (stmt): every write of the hub adds these rows.
import { stmt } from './catalog-queries.js';
import type { Db } from './connection.js';

export interface AuditEntry {
  actorKind: 'staff' | 'admin' | 'till' | 'system' | 'anonymous';
  actorId: string | null;
  tillId?: string | null;
  action: string;
  target?: string | null;
  outcome?: 'ok' | 'denied' | 'failed';
  details?: Record<string, unknown>;
}

export function writeAudit(db: Db, at: string, entry: AuditEntry): void {
  stmt(
    db,
    'INSERT INTO audit_log (at, actor_kind, actor_id, till_id, action, target, outcome, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(
    at,
    entry.actorKind,
    entry.actorId,
    entry.tillId ?? null,
    entry.action,
    entry.target ?? null,
    entry.outcome ?? 'ok',
    JSON.stringify(entry.details ?? {}),
  );
}
