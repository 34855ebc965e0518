import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyJournal } from '../../../hub/db/journal.js';
import { newId } from '../../../hub/ids.js';
import { insertFakeSale, setupCash, type CashFixture } from './cash-fixture.js';

let f: CashFixture;
beforeEach(() => {
  f = setupCash();
});
afterEach(() => {
  f.ctx.close();
});

function openSession(floatMinor = 50000): string {
  return f.cash.open(f.cashier, f.till.tillId, { id: newId(), totalMinor: floatMinor }).id;
}

function sell(
  sessionId: string,
  sale: Partial<Parameters<typeof insertFakeSale>[1]> & { totalMinor: number },
) {
  return insertFakeSale(f.ctx, { sessionId, tillId: f.till.tillId, staffId: f.cashierId, ...sale });
}

describe('X report', () => {
  it('shows sales, returns, tenders, tax by rate, discounts, rounding, voids, no-sales and cash', () => {
    const sessionId = openSession(50000);
    sell(sessionId, {
      totalMinor: 12500,
      taxMinor: 2500,
      taxRateBp: 2500,
      discountMinor: 500,
      roundingMinor: -2,
    });
    sell(sessionId, { totalMinor: 10400, taxMinor: 400, taxRateBp: 400, tender: 'card' });
    sell(sessionId, { kind: 'return', totalMinor: 2500, taxMinor: 500, taxRateBp: 2500, discountMinor: 100 });
    sell(sessionId, { status: 'voided', totalMinor: 999 });
    f.cash.recordMovement(f.supervisor, sessionId, { id: newId(), kind: 'no_sale', reason: 'Change' });
    f.cash.recordMovement(f.supervisor, sessionId, {
      id: newId(),
      kind: 'pay_in',
      amountMinor: 1000,
      reason: 'Bank',
    });
    f.cash.recordMovement(f.supervisor, sessionId, {
      id: newId(),
      kind: 'pay_out',
      amountMinor: 700,
      reason: 'Post',
    });

    const x = f.cash.xReport(f.cashier, sessionId);
    expect(x).toMatchObject({
      kind: 'x',
      currency: 'DKK',
      sales: { count: 2, amountMinor: 22900 },
      returns: { count: 1, amountMinor: 2500 },
      netSalesMinor: 20400,
      discountsMinor: 400,
      roundingMinor: -2,
      voidedSalesCount: 1,
      noSaleCount: 1,
      payIns: { count: 1, amountMinor: 1000 },
      payOuts: { count: 1, amountMinor: 700 },
      floatMinor: 50000,
      cashSalesMinor: 12500,
      cashRefundsMinor: 2500,
      expectedCashMinor: 50000 + 12500 - 2500 + 1000 - 700,
    });
    expect(x.taxes).toEqual([
      { rateBp: 400, baseMinor: 10000, taxMinor: 400, grossMinor: 10400 },
      { rateBp: 2500, baseMinor: 8000, taxMinor: 2000, grossMinor: 10000 },
    ]);
    const cash = x.tenders.find((t) => t.tenderKind === 'cash');
    const card = x.tenders.find((t) => t.tenderKind === 'card');
    expect(cash).toMatchObject({
      charges: { count: 1, amountMinor: 12500 },
      refunds: { count: 1, amountMinor: 2500 },
    });
    expect(cash?.netMinor).toBe(10000);
    expect(card).toMatchObject({
      charges: { count: 1, amountMinor: 10400 },
      refunds: { count: 0, amountMinor: 0 },
    });
  });

  it('is read-only and not numbered', () => {
    const sessionId = openSession();
    const before = f.ctx.db.prepare('SELECT COUNT(*) AS n FROM journal').get();
    f.cash.xReport(f.cashier, sessionId);
    f.cash.xReport(f.admin, sessionId);
    expect(f.ctx.db.prepare('SELECT COUNT(*) AS n FROM journal').get()).toEqual(before);
    expect(f.ctx.db.prepare("SELECT value FROM counters WHERE name = 'z'").get()).toBeUndefined();
  });
});

describe('Z reports', () => {
  it('are numbered without gaps and their grand totals only grow, returns kept apart', () => {
    const sessions = [
      { sales: [10000, 5000], returns: [3000] },
      { sales: [], returns: [4000] },
      { sales: [2500], returns: [] },
    ];
    const zs = sessions.map(({ sales, returns }) => {
      const sessionId = openSession(0);
      for (const totalMinor of sales) sell(sessionId, { totalMinor, tender: 'card' });
      for (const totalMinor of returns) sell(sessionId, { kind: 'return', totalMinor, tender: 'card' });
      return f.cash.close(f.supervisor, sessionId, { totalMinor: 0 });
    });
    expect(zs.map((z) => z.number)).toEqual([1, 2, 3]);
    expect(zs.map((z) => z.grandTotalMinor)).toEqual([15000, 15000, 17500]);
    expect(zs.map((z) => z.grandReturnsMinor)).toEqual([3000, 7000, 7000]);
    expect(zs.map((z) => z.previousGrandTotalMinor)).toEqual([0, 15000, 15000]);
    // A session whose returns outweigh its sales has negative net sales but the grand total stands still.
    expect(zs[1]?.netSalesMinor).toBe(-4000);

    const page = f.cash.listZReports(f.admin, 2, 0);
    expect(page.items.map((z) => z.number)).toEqual([3, 2]);
    expect(page).toMatchObject({ total: 3, nextOffset: 2 });
    expect(f.cash.getZReport(f.admin, 2)).toEqual(zs[1]);
  });

  it('are immutable: the database refuses UPDATE and DELETE, and an out-of-sequence insert', () => {
    const z = f.cash.close(f.supervisor, openSession(0), { totalMinor: 0 });
    expect(() =>
      f.ctx.db.prepare('UPDATE z_reports SET grand_total_minor = 0 WHERE number = ?').run(z.number),
    ).toThrow(/immutable/);
    expect(() => f.ctx.db.prepare('DELETE FROM z_reports').run()).toThrow(/immutable/);
    const sessionId = openSession(0);
    expect(() =>
      f.ctx.db
        .prepare(
          `INSERT INTO z_reports (number, session_id, till_id, at, report, grand_total_minor, grand_returns_minor, journal_seq)
           VALUES (5, ?, ?, 'x', '{}', 0, 0, 1)`,
        )
        .run(sessionId, f.till.tillId),
    ).toThrow(/without gaps/);
  });

  it('chain into the journal, which verifies after close and holds the same report', () => {
    const sessionId = openSession(20000);
    sell(sessionId, { totalMinor: 4550 });
    f.cash.recordMovement(f.supervisor, sessionId, {
      id: newId(),
      kind: 'pay_out',
      amountMinor: 550,
      reason: 'Bus fare',
    });
    const z = f.cash.close(f.supervisor, sessionId, { totalMinor: 24000 });
    expect(verifyJournal(f.ctx.db)).toMatchObject({ ok: true });
    const entry = f.ctx.db
      .prepare<[number], { type: string; payload: string }>('SELECT type, payload FROM journal WHERE seq = ?')
      .get(z.journalSeq);
    expect(entry?.type).toBe('cash.z_report');
    const { journalSeq: _seq, ...report } = z;
    expect(JSON.parse(entry?.payload ?? '{}')).toEqual(report);
    expect(z).toMatchObject({ expectedCashMinor: 24000, countedMinor: 24000, differenceMinor: 0 });
    const outbox = f.ctx.db.prepare("SELECT entity_id FROM outbox WHERE entity = 'z_report'").all();
    expect(outbox).toEqual([{ entity_id: '1' }]);
  });

  it('read back exactly as closed, by the cashier of that till', () => {
    const sessionId = openSession(0);
    sell(sessionId, { totalMinor: 1000, tender: 'card' });
    const z = f.cash.close(f.supervisor, sessionId, { totalMinor: 0 });
    expect(f.cash.getZReport(f.cashier, 1)).toEqual(z);
    expect(z.sales).toEqual({ count: 1, amountMinor: 1000 });
  });
});
