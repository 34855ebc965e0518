import type { Authorization, Principal } from '../../contract/principal.js';
import { markSessionClosed, type CashSessionRow } from '../../db/cash-queries.js';
import type { Tx } from '../../db/transactor.js';
import { insertZReport, selectLastGrandTotals, selectZReportBySession } from '../../db/z-report-queries.js';
import { compareCash, sameCount, type CashCount } from '../../domain/cash-count.js';
import { ConflictError } from '../../errors.js';
import { auditActor } from '../access/audit-actor.js';
import { reportFigures } from './report-figures.js';
import { cashSessionMachine } from './session-machine.js';
import type { StoredZReport, ZReport } from './types.js';
import { parseCount, toSessionView, toStoredZ } from './views.js';

/**
 * Closes a session and writes its Z report, inside the caller's write transaction so the figures, the Z
 * number, the journal entry and the closed status commit together or not at all. Closing again with the
 * same count returns the same Z (a till retrying a lost response); with another count it is a conflict,
 * because a Z report is never rewritten.
 */
export function closeSession(
  tx: Tx,
  principal: Principal,
  session: CashSessionRow,
  counted: CashCount,
  auth: Authorization,
): StoredZReport {
  if (!cashSessionMachine.can(session.status, 'close')) return replayClose(tx, session, counted);

  const figures = reportFigures(tx.db, session, tx.at);
  const previous = selectLastGrandTotals(tx.db);
  const number = tx.nextCounter('z');
  const difference = compareCash(figures.expectedCashMinor, counted.totalMinor);
  const report: ZReport = {
    kind: 'z',
    ...figures,
    number,
    closedBy: auth.staffId,
    approvedBy: auth.approvedBy,
    countedMinor: counted.totalMinor,
    differenceMinor: difference.differenceMinor,
    counts: counted.counts,
    previousGrandTotalMinor: previous.grandTotalMinor,
    // Returns are kept in their own grand total, so the sales grand total only ever grows.
    grandTotalMinor: previous.grandTotalMinor + figures.sales.amountMinor,
    previousGrandReturnsMinor: previous.grandReturnsMinor,
    grandReturnsMinor: previous.grandReturnsMinor + figures.returns.amountMinor,
  };
  const changed = markSessionClosed(tx.db, {
    id: session.id,
    closedBy: auth.staffId,
    closedAt: tx.at,
    expectedMinor: figures.expectedCashMinor,
    countedMinor: counted.totalMinor,
    differenceMinor: difference.differenceMinor,
    counts: JSON.stringify(counted),
    zNumber: number,
  });
  if (changed !== 1) throw new Error(`cash session ${session.id} was not open inside its close transaction`);
  const entry = tx.journal('cash.z_report', session.id, report);
  insertZReport(tx.db, {
    number,
    sessionId: session.id,
    tillId: session.till_id,
    at: tx.at,
    report: JSON.stringify(report),
    grandTotalMinor: report.grandTotalMinor,
    grandReturnsMinor: report.grandReturnsMinor,
    journalSeq: entry.seq,
  });
  tx.outbox('cash_session', session.id, 'upsert', {
    ...toSessionView(session),
    status: 'closed',
    closedBy: auth.staffId,
    closedAt: tx.at,
    expectedMinor: figures.expectedCashMinor,
    countedMinor: counted.totalMinor,
    differenceMinor: difference.differenceMinor,
    zNumber: number,
  });
  tx.outbox('z_report', String(number), 'upsert', { ...report, journalSeq: entry.seq });
  tx.audit({
    ...auditActor(principal),
    action: 'cash.session.close',
    target: session.id,
    details: { zNumber: number, ...difference, approvedBy: auth.approvedBy },
  });
  tx.emit({
    name: 'cash.session.closed',
    payload: { sessionId: session.id, tillId: session.till_id, zNumber: number },
  });
  return { ...report, journalSeq: entry.seq };
}

function replayClose(tx: Tx, session: CashSessionRow, counted: CashCount): StoredZReport {
  const stored = parseCount(session.counts);
  const z = selectZReportBySession(tx.db, session.id);
  if (z && stored && sameCount(stored, counted)) return toStoredZ(z);
  throw new ConflictError(
    'The cash session is already closed with another count',
    { sessionId: session.id, zNumber: session.z_number },
    'SESSION_CLOSED',
  );
}
