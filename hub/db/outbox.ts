// Prepared once per connection (stmt): every write of the hub adds these rows.
import { stmt } from './catalog-queries.js';
import type { Db } from './connection.js';

export type OutboxOp = 'upsert' | 'delete';

/** Rows for the replication job, written in the same transaction as the change they describe. */
export function addOutbox(
  db: Db,
  at: string,
  entity: string,
  entityId: string,
  op: OutboxOp,
  payload: unknown,
): void {
  stmt(db, 'INSERT INTO outbox (entity, entity_id, op, payload, created_at) VALUES (?, ?, ?, ?, ?)').run(
    entity,
    entityId,
    op,
    JSON.stringify(payload),
    at,
  );
}
