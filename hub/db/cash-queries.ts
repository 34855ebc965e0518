import type { Db } from './connection.js';

/** The id of the till's open cash session, or null. The partial unique index guarantees at most one. */
export function selectOpenSessionId(db: Db, tillId: string): string | null {
  const row = db
    .prepare<[string], { id: string }>("SELECT id FROM cash_sessions WHERE till_id = ? AND status = 'open'")
    .get(tillId);
  return row?.id ?? null;
}
