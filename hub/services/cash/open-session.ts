import type { Db } from '../../db/connection.js';
import { selectOpenSessionId } from '../../db/cash-queries.js';

/**
 * The open cash session of a till, or null when the drawer has no session. Sales call this inside their
 * completion transaction (pass `tx.db`) so the check and the sale's cash_session_id are one atomic read:
 * a session closed a moment earlier can never receive the sale.
 */
export function openSessionForTill(db: Db, tillId: string): string | null {
  return selectOpenSessionId(db, tillId);
}
