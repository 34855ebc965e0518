// What the dashboard reads besides the report summaries.
import { stmt } from './catalog-queries.js';
import type { Db } from './connection.js';

export interface OpenSessionRow {
  id: string;
  tillId: string;
  tillName: string | null;
  openedAt: string;
  openedByName: string | null;
  floatMinor: number;
  /** The drawer's expected cash now: the sum of its movement ledger. */
  expectedMinor: number;
}

export function selectOpenSessions(db: Db): OpenSessionRow[] {
  return stmt<[], OpenSessionRow>(
    db,
    `SELECT cs.id, cs.till_id AS tillId, t.name AS tillName, cs.opened_at AS openedAt, st.name AS openedByName,
            cs.float_minor AS floatMinor,
            coalesce((SELECT sum(m.amount_minor) FROM cash_movements m WHERE m.session_id = cs.id), 0) AS expectedMinor
       FROM cash_sessions cs
       LEFT JOIN tills t ON t.id = cs.till_id
       LEFT JOIN staff st ON st.id = cs.opened_by
      WHERE cs.status = 'open'
      ORDER BY cs.opened_at`,
  ).all();
}
