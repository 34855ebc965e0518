import { isoNow } from '../../clock.js';
import type { Permission } from '../../contract/permissions.js';
import type { Principal } from '../../contract/principal.js';
import type { HubContext } from '../../context.js';
import {
  insertMovement,
  insertSession,
  selectMovement,
  selectOpenSessionId,
  selectSession,
  type CashSessionRow,
} from '../../db/cash-queries.js';
import type { Tx } from '../../db/transactor.js';
import { countZReports, listZReports, selectZReport } from '../../db/z-report-queries.js';
import { sameCount } from '../../domain/cash-count.js';
import { circulatingDenominations, hasDenominations } from '../../domain/denominations.js';
import { ConflictError, NotFoundError } from '../../errors.js';
import { newId } from '../../ids.js';
import type { AccessService } from '../access/access-service.js';
import { auditActor } from '../access/audit-actor.js';
import type { SettingsService } from '../settings/settings-service.js';
import { closeSession } from './close-session.js';
import { reportFigures } from './report-figures.js';
import { cashSessionMachine } from './session-machine.js';
import type {
  CashDenominations,
  CashMovementView,
  CashSessionView,
  CloseSessionInput,
  ManualMovementKind,
  MovementInput,
  OpenSessionInput,
  StoredZReport,
  XReport,
} from './types.js';
import { assertSessionAccess, cleanReason, countOrThrow, requireUuidV7, signedAmount } from './validate.js';
import { parseCount, toMovementView, toSessionView, toStoredZ } from './views.js';

export interface CashDeps {
  access: Pick<AccessService, 'authorize'>;
  settings: Pick<SettingsService, 'get'>;
}

export interface Page<T> {
  items: T[];
  total: number;
  nextOffset: number | null;
}

const MOVEMENT_PERMISSION: Record<ManualMovementKind, Permission> = {
  pay_in: 'cash.session',
  pay_out: 'drawer.open',
  no_sale: 'drawer.open',
};

/**
 * Drawer sessions of the tills: open with a float, pay-ins, pay-outs and no-sale opens, X reports at any
 * time and the numbered Z report at close. Sales and refunds add their own cash movements in their
 * completion transactions; expected cash is the sum of the ledger, whoever wrote it.
 */
export class CashService {
  constructor(
    private readonly ctx: HubContext,
    private readonly deps: CashDeps,
  ) {}

  open(principal: Principal, tillId: string, input: OpenSessionInput): CashSessionView {
    requireUuidV7(input.id, 'id');
    const currency = this.deps.settings.get().currency;
    const float = countOrThrow(currency, input, 'float');
    // Before the write: with an override this checks a PIN and commits its own audit entry.
    const auth = this.deps.access.authorize(principal, 'cash.session', input.override ?? null);
    return this.ctx.tx.write((tx) => {
      const existing = selectSession(tx.db, input.id);
      if (existing) {
        const stored = parseCount(existing.float_counts);
        const replay = existing.till_id === tillId && stored !== null && sameCount(stored, float);
        if (replay) return toSessionView(existing);
        throw new ConflictError(
          'This session id was already used',
          { sessionId: input.id },
          'SESSION_ID_REUSED',
        );
      }
      const openId = selectOpenSessionId(tx.db, tillId);
      // The partial unique index would refuse it too; checking first gives the till a 409 with the id.
      if (openId !== null) {
        throw new ConflictError(
          'This till already has an open cash session',
          { sessionId: openId },
          'SESSION_OPEN',
        );
      }
      insertSession(tx.db, {
        id: input.id,
        tillId,
        currency,
        openedBy: auth.staffId,
        openedAt: tx.at,
        floatMinor: float.totalMinor,
        floatCounts: JSON.stringify(float),
      });
      const floatMovementId = newId();
      insertMovement(tx.db, {
        id: floatMovementId,
        sessionId: input.id,
        kind: 'float',
        amountMinor: float.totalMinor,
        reason: null,
        staffId: auth.staffId,
        approvedBy: auth.approvedBy,
        at: tx.at,
      });
      const view = toSessionView(this.mustGet(tx.db, input.id));
      tx.journal('cash.session.opened', input.id, {
        sessionId: input.id,
        tillId,
        currency,
        floatMinor: float.totalMinor,
        counts: float.counts,
        staffId: auth.staffId,
        approvedBy: auth.approvedBy,
      });
      tx.outbox('cash_session', input.id, 'upsert', view);
      tx.outbox('cash_movement', floatMovementId, 'upsert', {
        id: floatMovementId,
        sessionId: input.id,
        kind: 'float',
        amountMinor: float.totalMinor,
        at: tx.at,
      });
      this.audit(tx, principal, 'cash.session.open', input.id, { floatMinor: float.totalMinor, ...auth });
      tx.emit({ name: 'cash.session.opened', payload: { sessionId: input.id, tillId } });
      return view;
    });
  }

  /** The till's open session, or null when its drawer has none. */
  current(tillId: string): CashSessionView | null {
    return this.ctx.tx.read((db) => {
      const id = selectOpenSessionId(db, tillId);
      return id === null ? null : toSessionView(this.mustGet(db, id));
    });
  }

  /**
   * The notes and coins of the store's currency, for the till's drawer count; empty for a currency
   * without a table (the till then counts one total).
   */
  denominations(): CashDenominations {
    const { currency, country, cashRoundingMinor } = this.deps.settings.get();
    const list = hasDenominations(currency)
      ? circulatingDenominations(currency, country, cashRoundingMinor).map((d) => ({
          valueMinor: d.valueMinor,
          kind: d.kind,
          alsoIssuedAs: d.alsoIssuedAs ?? null,
          circulates: d.circulates,
        }))
      : [];
    return { currency, denominations: list };
  }

  get(principal: Principal, sessionId: string): CashSessionView {
    const session = this.ctx.tx.read((db) => this.mustGet(db, sessionId));
    assertSessionAccess(principal, session, true);
    return toSessionView(session);
  }

  recordMovement(principal: Principal, sessionId: string, input: MovementInput): CashMovementView {
    requireUuidV7(input.id, 'id');
    const reason = cleanReason(input.reason);
    const amountMinor = signedAmount(input.kind, input.amountMinor);
    const before = this.ctx.tx.read((db) => this.mustGet(db, sessionId));
    assertSessionAccess(principal, before, false);
    const auth = this.deps.access.authorize(
      principal,
      MOVEMENT_PERMISSION[input.kind],
      input.override ?? null,
    );
    return this.ctx.tx.write((tx) => {
      // A retried request finds its movement even after the session has closed.
      const existing = selectMovement(tx.db, input.id);
      if (existing) {
        const replay =
          existing.session_id === sessionId &&
          existing.kind === input.kind &&
          existing.amount_minor === amountMinor &&
          existing.reason === reason;
        if (replay) return toMovementView(existing);
        throw new ConflictError(
          'This movement id was already used',
          { movementId: input.id },
          'MOVEMENT_ID_REUSED',
        );
      }
      const session = this.mustGet(tx.db, sessionId);
      if (!cashSessionMachine.can(session.status, input.kind)) {
        throw new ConflictError(
          'The cash session is closed',
          { sessionId, status: session.status },
          'SESSION_CLOSED',
        );
      }
      insertMovement(tx.db, {
        id: input.id,
        sessionId,
        kind: input.kind,
        amountMinor,
        reason,
        staffId: auth.staffId,
        approvedBy: auth.approvedBy,
        at: tx.at,
      });
      const view = toMovementView(this.mustGetMovement(tx, input.id));
      tx.journal('cash.movement', input.id, view);
      tx.outbox('cash_movement', input.id, 'upsert', view);
      this.audit(tx, principal, `cash.${input.kind}`, sessionId, {
        movementId: input.id,
        amountMinor,
        reason,
        ...auth,
      });
      // Every manual movement needs the drawer open; the device layer listens for this.
      tx.emit({
        name: 'cash.drawer.open',
        payload: {
          tillId: session.till_id,
          reason: input.kind === 'no_sale' ? reason : input.kind,
          staffId: auth.staffId,
        },
      });
      return view;
    });
  }

  xReport(principal: Principal, sessionId: string): XReport {
    return this.ctx.tx.read((db) => {
      const session = this.mustGet(db, sessionId);
      assertSessionAccess(principal, session, true);
      return { kind: 'x', ...reportFigures(db, session, isoNow(this.ctx.clock)) };
    });
  }

  close(principal: Principal, sessionId: string, input: CloseSessionInput): StoredZReport {
    const before = this.ctx.tx.read((db) => this.mustGet(db, sessionId));
    assertSessionAccess(principal, before, true);
    const counted = countOrThrow(before.currency, input, 'counts');
    const auth = this.deps.access.authorize(principal, 'cash.close_session', input.override ?? null);
    return this.ctx.tx.write((tx) =>
      closeSession(tx, principal, this.mustGet(tx.db, sessionId), counted, auth),
    );
  }

  listZReports(principal: Principal, limit: number, offset: number): Page<StoredZReport> {
    // A cashier sees their own till's reports; the admin pages see the store's.
    const tillId = principal.kind === 'staff' ? principal.tillId : null;
    return this.ctx.tx.read((db) => {
      const items = listZReports(db, tillId, limit, offset).map(toStoredZ);
      const total = countZReports(db, tillId);
      return { items, total, nextOffset: offset + items.length < total ? offset + items.length : null };
    });
  }

  getZReport(principal: Principal, number: number): StoredZReport {
    const report = this.readZReport(number);
    if (principal.kind === 'staff' && principal.tillId !== report.tillId) {
      throw new NotFoundError('Z report', String(number));
    }
    return report;
  }

  /** A Z report by number for the hub's own use (printing it at close); callers check access. */
  readZReport(number: number): StoredZReport {
    const row = this.ctx.tx.read((db) => selectZReport(db, number));
    if (!row) throw new NotFoundError('Z report', String(number));
    return toStoredZ(row);
  }

  private mustGet(db: HubContext['db'], id: string): CashSessionRow {
    const row = selectSession(db, id);
    if (!row) throw new NotFoundError('Cash session', id);
    return row;
  }

  private mustGetMovement(tx: Tx, id: string) {
    const row = selectMovement(tx.db, id);
    if (!row) throw new Error(`cash movement ${id} vanished inside its own transaction`);
    return row;
  }

  private audit(
    tx: Tx,
    principal: Principal,
    action: string,
    target: string,
    details: Record<string, unknown>,
  ) {
    tx.audit({ ...auditActor(principal), action, target, details });
  }
}
