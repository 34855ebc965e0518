import type { CashMovementRow, CashSessionRow } from '../../db/cash-queries.js';
import type { ZReportRow } from '../../db/z-report-queries.js';
import type { CashCount } from '../../domain/cash-count.js';
import type {
  CashMovementView,
  CashSessionView,
  ManualMovementKind,
  StoredZReport,
  ZReport,
} from './types.js';

// The JSON columns below are written only by this module (from validated counts and computed reports),
// so reading them back is a parse, not a second validation.

export function parseCount(json: string | null): CashCount | null {
  return json === null ? null : (JSON.parse(json) as CashCount);
}

export function toSessionView(row: CashSessionRow): CashSessionView {
  const floatCount = parseCount(row.float_counts);
  return {
    id: row.id,
    tillId: row.till_id,
    status: row.status,
    currency: row.currency,
    openedBy: row.opened_by,
    openedAt: row.opened_at,
    floatMinor: row.float_minor,
    floatCounts: floatCount?.counts ?? null,
    closedBy: row.closed_by,
    closedAt: row.closed_at,
    expectedMinor: row.expected_minor,
    countedMinor: row.counted_minor,
    differenceMinor: row.difference_minor,
    zNumber: row.z_number,
  };
}

export function isManualKind(kind: string): kind is ManualMovementKind {
  return kind === 'pay_in' || kind === 'pay_out' || kind === 'no_sale';
}

export function toMovementView(row: CashMovementRow): CashMovementView {
  if (!isManualKind(row.kind))
    throw new Error(`cash movement ${row.id} is a ${row.kind}, not a manual movement`);
  return {
    id: row.id,
    sessionId: row.session_id,
    kind: row.kind,
    amountMinor: row.amount_minor,
    reason: row.reason ?? '',
    staffId: row.staff_id ?? '',
    approvedBy: row.approved_by,
    at: row.at,
  };
}

export function toStoredZ(row: ZReportRow): StoredZReport {
  return { ...(JSON.parse(row.report) as ZReport), journalSeq: row.journal_seq };
}
