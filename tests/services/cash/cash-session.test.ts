import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ConflictError,
  ForbiddenError,
  PermissionRequiredError,
  ValidationError,
} from '../../../hub/errors.js';
import { newId } from '../../../hub/ids.js';
import { openSessionForTill } from '../../../hub/services/cash/open-session.js';
import { addTill, CASHIER_PIN, SUPERVISOR_PIN } from '../../support/access-fixtures.js';
import { insertFakeSale, setupCash, type CashFixture } from './cash-fixture.js';

let f: CashFixture;
beforeEach(() => {
  f = setupCash();
});
afterEach(() => {
  f.ctx.close();
});

const rows = (sql: string, ...params: unknown[]) => f.ctx.db.prepare(sql).all(...params);

describe('opening a cash session', () => {
  it('opens with a float counted by denomination and records it as the first movement', () => {
    const id = newId();
    const session = f.cash.open(f.cashier, f.till.tillId, {
      id,
      counts: [
        { denominationMinor: 10000, count: 2 },
        { denominationMinor: 2000, count: 5 },
      ],
    });
    expect(session).toMatchObject({
      id,
      tillId: f.till.tillId,
      status: 'open',
      currency: 'DKK',
      floatMinor: 30000,
    });
    expect(openSessionForTill(f.ctx.db, f.till.tillId)).toBe(id);
    expect(f.cash.current(f.till.tillId)?.id).toBe(id);
    expect(rows('SELECT kind, amount_minor FROM cash_movements WHERE session_id = ?', id)).toEqual([
      { kind: 'float', amount_minor: 30000 },
    ]);
    expect(f.ctx.events.map((e) => e.name)).toContain('cash.session.opened');
    expect(rows("SELECT type FROM journal WHERE type = 'cash.session.opened'")).toHaveLength(1);
    expect(
      rows("SELECT entity FROM outbox WHERE entity_id = ? AND entity = 'cash_session'", id),
    ).toHaveLength(1);
  });

  it('answers a retried open with the same session and refuses a second open on the till with 409', () => {
    const id = newId();
    const first = f.cash.open(f.cashier, f.till.tillId, { id, totalMinor: 50000 });
    expect(f.cash.open(f.cashier, f.till.tillId, { id, totalMinor: 50000 })).toEqual(first);
    const again = () => f.cash.open(f.cashier, f.till.tillId, { id: newId(), totalMinor: 50000 });
    expect(again).toThrow(ConflictError);
    expect(again).toThrow(expect.objectContaining({ status: 409, code: 'SESSION_OPEN' }));
    expect(() => f.cash.open(f.cashier, f.till.tillId, { id, totalMinor: 1 })).toThrow(
      expect.objectContaining({ code: 'SESSION_ID_REUSED' }),
    );
    expect(rows('SELECT id FROM cash_sessions')).toHaveLength(1);
  });

  it('keeps sessions per till: another till opens its own', () => {
    f.cash.open(f.cashier, f.till.tillId, { id: newId(), totalMinor: 0 });
    const till2 = addTill(f.ctx, 'Till 2');
    const cashier2 = f.staffAt(till2, f.cashierId, CASHIER_PIN);
    const second = f.cash.open(cashier2, till2.tillId, { id: newId(), totalMinor: 1000 });
    expect(openSessionForTill(f.ctx.db, till2.tillId)).toBe(second.id);
  });

  it('refuses a float with a coin Denmark does not have, and writes nothing', () => {
    expect(() =>
      f.cash.open(f.cashier, f.till.tillId, { id: newId(), counts: [{ denominationMinor: 25, count: 4 }] }),
    ).toThrow(ValidationError);
    expect(rows('SELECT id FROM cash_sessions')).toHaveLength(0);
  });
});

describe('movements', () => {
  let sessionId: string;
  beforeEach(() => {
    sessionId = f.cash.open(f.cashier, f.till.tillId, { id: newId(), totalMinor: 20000 }).id;
  });

  it('records a pay-in, emits a drawer open after commit and is idempotent by movement id', () => {
    const id = newId();
    const input = { id, kind: 'pay_in' as const, amountMinor: 5000, reason: '  Change from bank ' };
    const first = f.cash.recordMovement(f.cashier, sessionId, input);
    expect(first).toMatchObject({
      kind: 'pay_in',
      amountMinor: 5000,
      reason: 'Change from bank',
      approvedBy: null,
    });
    expect(f.cash.recordMovement(f.cashier, sessionId, input)).toEqual(first);
    expect(() => f.cash.recordMovement(f.cashier, sessionId, { ...input, amountMinor: 6000 })).toThrow(
      expect.objectContaining({ code: 'MOVEMENT_ID_REUSED' }),
    );
    expect(rows("SELECT id FROM cash_movements WHERE kind = 'pay_in'")).toHaveLength(1);
    expect(f.ctx.events.filter((e) => e.name === 'cash.drawer.open')).toHaveLength(1);
    expect(rows("SELECT entity_id FROM journal WHERE type = 'cash.movement'")).toEqual([{ entity_id: id }]);
  });

  it('needs drawer.open for a pay-out: a cashier is refused, a supervisor override approves it', () => {
    const payOut = { id: newId(), kind: 'pay_out' as const, amountMinor: 3000, reason: 'Window cleaner' };
    expect(() => f.cash.recordMovement(f.cashier, sessionId, payOut)).toThrow(PermissionRequiredError);
    expect(() =>
      f.cash.recordMovement(f.cashier, sessionId, {
        ...payOut,
        override: { supervisorId: f.supervisorId, pin: '9999' },
      }),
    ).toThrow();
    expect(rows("SELECT id FROM cash_movements WHERE kind = 'pay_out'")).toHaveLength(0);
    const approved = f.cash.recordMovement(f.cashier, sessionId, {
      ...payOut,
      override: { supervisorId: f.supervisorId, pin: SUPERVISOR_PIN },
    });
    expect(approved).toMatchObject({ amountMinor: -3000, staffId: f.cashierId, approvedBy: f.supervisorId });
    expect(
      rows("SELECT action FROM audit_log WHERE action IN ('override.approve', 'cash.pay_out')"),
    ).toHaveLength(2);
  });

  it('records a no-sale with amount 0 and its reason, audited, and emits cash.drawer.open', () => {
    f.ctx.events.length = 0;
    f.cash.recordMovement(f.supervisor, sessionId, {
      id: newId(),
      kind: 'no_sale',
      reason: 'Customer needed change',
    });
    expect(rows("SELECT amount_minor, reason FROM cash_movements WHERE kind = 'no_sale'")).toEqual([
      { amount_minor: 0, reason: 'Customer needed change' },
    ]);
    expect(rows("SELECT actor_id FROM audit_log WHERE action = 'cash.no_sale'")).toEqual([
      { actor_id: f.supervisorId },
    ]);
    expect(f.ctx.events).toEqual([
      {
        name: 'cash.drawer.open',
        payload: { tillId: f.till.tillId, reason: 'Customer needed change', staffId: f.supervisorId },
      },
    ]);
  });

  it('refuses bad amounts and reasons with a 400 and no row', () => {
    const bad = [
      { id: newId(), kind: 'pay_in' as const, amountMinor: 0, reason: 'x' },
      { id: newId(), kind: 'pay_in' as const, amountMinor: 10.5, reason: 'x' },
      { id: newId(), kind: 'pay_in' as const, amountMinor: 100, reason: ' \u0007 ' },
      { id: newId(), kind: 'pay_in' as const, amountMinor: 100, reason: 'x'.repeat(201) },
      { id: newId(), kind: 'no_sale' as const, amountMinor: 100, reason: 'x' },
      { id: 'not-a-uuid', kind: 'pay_in' as const, amountMinor: 100, reason: 'x' },
    ];
    for (const input of bad)
      expect(() => f.cash.recordMovement(f.supervisor, sessionId, input)).toThrow(ValidationError);
    expect(rows("SELECT id FROM cash_movements WHERE kind <> 'float'")).toHaveLength(0);
  });

  it('refuses a movement on another till’s session', () => {
    const till2 = addTill(f.ctx, 'Till 2');
    const other = f.staffAt(till2, f.supervisorId, SUPERVISOR_PIN);
    expect(() =>
      f.cash.recordMovement(other, sessionId, { id: newId(), kind: 'no_sale', reason: 'Wrong drawer' }),
    ).toThrow(ForbiddenError);
  });
});

describe('closing', () => {
  it('compares the counted cash with the ledger: float + cash sales - refunds + pay-ins - pay-outs', () => {
    const sessionId = f.cash.open(f.cashier, f.till.tillId, { id: newId(), totalMinor: 100000 }).id;
    const base = { sessionId, tillId: f.till.tillId, staffId: f.cashierId };
    insertFakeSale(f.ctx, { ...base, totalMinor: 12950 });
    insertFakeSale(f.ctx, { ...base, totalMinor: 4000, tender: 'card' });
    insertFakeSale(f.ctx, { ...base, kind: 'return', totalMinor: 2500 });
    f.cash.recordMovement(f.supervisor, sessionId, {
      id: newId(),
      kind: 'pay_in',
      amountMinor: 10000,
      reason: 'Coins',
    });
    f.cash.recordMovement(f.supervisor, sessionId, {
      id: newId(),
      kind: 'pay_out',
      amountMinor: 3000,
      reason: 'Milk',
    });
    const expected = 100000 + 12950 - 2500 + 10000 - 3000;
    expect(f.cash.xReport(f.cashier, sessionId).expectedCashMinor).toBe(expected);

    const z = f.cash.close(f.supervisor, sessionId, {
      counts: [
        { denominationMinor: 100000, count: 1 },
        { denominationMinor: 10000, count: 1 },
        { denominationMinor: 5000, count: 1 },
        { denominationMinor: 2000, count: 1 },
        { denominationMinor: 200, count: 2 },
      ],
    });
    expect(z).toMatchObject({ kind: 'z', number: 1, expectedCashMinor: expected, countedMinor: 117400 });
    expect(z.differenceMinor).toBe(117400 - expected);
    expect(f.cash.get(f.admin, sessionId)).toMatchObject({
      status: 'closed',
      expectedMinor: expected,
      countedMinor: 117400,
      differenceMinor: -50,
      zNumber: 1,
    });
    expect(openSessionForTill(f.ctx.db, f.till.tillId)).toBeNull();
    expect(f.ctx.events.at(-1)).toEqual({
      name: 'cash.session.closed',
      payload: { sessionId, tillId: f.till.tillId, zNumber: 1 },
    });
  });

  it('needs cash.close_session: a cashier is refused, an override closes', () => {
    const sessionId = f.cash.open(f.cashier, f.till.tillId, { id: newId(), totalMinor: 0 }).id;
    expect(() => f.cash.close(f.cashier, sessionId, { totalMinor: 0 })).toThrow(PermissionRequiredError);
    const z = f.cash.close(f.cashier, sessionId, {
      totalMinor: 0,
      override: { supervisorId: f.supervisorId, pin: SUPERVISOR_PIN },
    });
    expect(z).toMatchObject({ closedBy: f.cashierId, approvedBy: f.supervisorId });
  });

  it('returns the same Z for a retried close, 409 for another count, and takes no movement after', () => {
    const sessionId = f.cash.open(f.cashier, f.till.tillId, { id: newId(), totalMinor: 5000 }).id;
    const z = f.cash.close(f.supervisor, sessionId, { totalMinor: 5000 });
    expect(f.cash.close(f.supervisor, sessionId, { totalMinor: 5000 })).toEqual(z);
    expect(() => f.cash.close(f.supervisor, sessionId, { totalMinor: 4000 })).toThrow(
      expect.objectContaining({ status: 409, code: 'SESSION_CLOSED' }),
    );
    expect(() =>
      f.cash.recordMovement(f.supervisor, sessionId, { id: newId(), kind: 'no_sale', reason: 'After close' }),
    ).toThrow(expect.objectContaining({ status: 409, code: 'SESSION_CLOSED' }));
    expect(rows('SELECT number FROM z_reports')).toHaveLength(1);
    // The till can open a new session once the old one is closed.
    expect(f.cash.open(f.cashier, f.till.tillId, { id: newId(), totalMinor: 5000 }).status).toBe('open');
  });

  it('lets the admin pages close a till’s session (a dead till) but not move cash', () => {
    const sessionId = f.cash.open(f.cashier, f.till.tillId, { id: newId(), totalMinor: 0 }).id;
    expect(() =>
      f.cash.recordMovement(f.admin, sessionId, { id: newId(), kind: 'no_sale', reason: 'x' }),
    ).toThrow(expect.objectContaining({ code: 'TILL_REQUIRED' }));
    expect(f.cash.close(f.admin, sessionId, { totalMinor: 0 }).number).toBe(1);
  });
});
