import { isoNow } from '../../clock.js';
import type { Principal } from '../../contract/principal.js';
import type { HubContext } from '../../context.js';
import { failuresFromAddress, insertLoginAttempt } from '../../db/access-session-queries.js';
import * as q from '../../db/access-display-queries.js';
import { getTill } from '../../db/access-till-queries.js';
import type { Tx } from '../../db/transactor.js';
import { BusinessRuleError, NotFoundError, RateLimitedError, UnauthenticatedError } from '../../errors.js';
import { newId } from '../../ids.js';
import { auditActor } from './audit-actor.js';
import { requirePermission, requireTillStaff } from './guards.js';
import {
  MAX_PENDING_PAIRINGS,
  PAIRING_TTL_MS,
  PASSWORD_FAILURE_WINDOW_MS,
  PASSWORD_FAILURES_PER_ADDRESS,
  TOUCH_INTERVAL_MS,
  addMs,
} from './policy.js';
import { generateToken, hashToken } from './secrets.js';
import { freshSixDigitCode } from './till-pairing.js';

export interface DisplayView {
  id: string;
  tillId: string | null;
  status: q.DisplayRow['status'];
  requestedAt: string;
  approvedAt: string | null;
  approvedBy: string | null;
  revokedAt: string | null;
  lastSeenAt: string | null;
}

export interface DisplayPairingTicket {
  displayId: string;
  /** Shown big on the display; the cashier types it at the till. */
  pairingCode: string;
  /** Proves this browser made the request; only it can collect the token. */
  pairingSecret: string;
  expiresAt: string;
}

export type DisplayPairingStatus =
  | { status: 'pending'; displayId: string; expiresAt: string }
  | { status: 'active'; displayId: string; tillId: string; token: string }
  | { status: 'expired' | 'revoked'; displayId: string };

/** Who a display token belongs to: the display and the till whose cart it may read. */
export interface DisplayIdentity {
  displayId: string;
  tillId: string;
  tillName: string;
  tillNumber: number | null;
}

// Longer than any token we issue; anything bigger is not ours and is not worth hashing.
const MAX_TOKEN_LENGTH = 256;

/**
 * Pairing a browser as the customer display of one till. The display asks (anonymous) and shows a 6-digit
 * code; a cashier logged in at the till types it there, which binds the display to that till (the cashier
 * is standing next to the screen, and a display only ever shows what the customer at that till sees).
 * The display then collects its token once with its pairing secret. The token is good for nothing but
 * reading the till's cart topic on the broker and GET /displays/me: it is not a Principal, so no API
 * guard accepts it. Revoked by a cashier at its till, by a manager ('tills.manage'), or with its till.
 */
export class DisplayPairingService {
  constructor(private readonly ctx: HubContext) {}

  requestPairing(address: string): DisplayPairingTicket {
    const secret = generateToken();
    return this.ctx.tx.write((tx) => {
      q.deleteExpiredPendingDisplays(tx.db, tx.at);
      if (q.countPendingDisplays(tx.db) >= MAX_PENDING_PAIRINGS) {
        throw new RateLimitedError('Too many displays are waiting to be paired; try again later', {
          retryAfterSeconds: PAIRING_TTL_MS / 1000,
        });
      }
      const id = newId();
      const code = freshSixDigitCode((c) => q.displayCodeInUse(tx.db, c));
      const expiresAt = addMs(tx.at, PAIRING_TTL_MS);
      q.insertPendingDisplay(tx.db, {
        id,
        pairing_code: code,
        pairing_secret_hash: hashToken(secret),
        pairing_expires_at: expiresAt,
        requested_at: tx.at,
      });
      tx.audit({
        actorKind: 'anonymous',
        actorId: null,
        action: 'display.pair_request',
        target: id,
        details: { address },
      });
      return { displayId: id, pairingCode: code, pairingSecret: secret, expiresAt };
    });
  }

  /** The display's poll. The token is minted here, once; afterwards the secret is unknown (404). */
  pairingStatus(secret: string): DisplayPairingStatus {
    const now = isoNow(this.ctx.clock);
    const row = this.ctx.tx.read((db) => q.getDisplayByPairingSecret(db, hashToken(secret)));
    if (!row) throw new NotFoundError('Display pairing request');
    if (row.status === 'revoked') return { status: 'revoked', displayId: row.id };
    if (row.status === 'pending' || row.till_id === null) {
      const expiresAt = row.pairing_expires_at ?? now;
      if (expiresAt <= now) return { status: 'expired', displayId: row.id };
      return { status: 'pending', displayId: row.id, expiresAt };
    }
    const tillId = row.till_id;
    return this.ctx.tx.write((tx) => {
      const token = generateToken();
      q.issueDisplayToken(tx.db, row.id, hashToken(token));
      tx.audit({
        actorKind: 'anonymous',
        actorId: null,
        tillId,
        action: 'display.token_issued',
        target: row.id,
      });
      return { status: 'active', displayId: row.id, tillId, token };
    });
  }

  /**
   * A cashier at a till types the code the display shows: the display becomes this till's. Wrong codes
   * count against the address like wrong pairing codes for tills, so codes cannot be swept from a till.
   */
  approve(principal: Principal, code: string): DisplayView {
    const { tillId, staff } = requireTillStaff(principal);
    const now = isoNow(this.ctx.clock);
    const since = addMs(now, -PASSWORD_FAILURE_WINDOW_MS);
    const failures = this.ctx.tx.read((db) => failuresFromAddress(db, 'pairing', principal.address, since));
    if (failures.count >= PASSWORD_FAILURES_PER_ADDRESS) {
      throw new RateLimitedError('Too many wrong pairing codes; try again later', {
        retryAfterSeconds: PASSWORD_FAILURE_WINDOW_MS / 1000,
      });
    }
    const row = this.ctx.tx.read((db) => q.getPendingDisplayByCode(db, code, now));
    const paired = this.ctx.tx.write((tx) => {
      insertLoginAttempt(tx.db, {
        at: tx.at,
        kind: 'pairing',
        staffId: staff.id,
        tillId,
        address: principal.address,
        success: row !== undefined,
        reason: row === undefined ? 'display_code' : null,
      });
      if (row === undefined) {
        tx.audit({
          ...auditActor(principal),
          action: 'display.pair',
          outcome: 'denied',
          details: { reason: 'code' },
        });
        return null;
      }
      q.approveDisplayRow(tx.db, row.id, tillId, staff.id, tx.at);
      tx.audit({ ...auditActor(principal), action: 'display.pair', target: row.id });
      tx.emit({ name: 'display.paired', payload: { displayId: row.id, tillId } });
      return toDisplayView(loadDisplay(tx, row.id));
    });
    // Thrown after the commit, so the failed attempt stays counted.
    if (paired === null) {
      throw new BusinessRuleError(
        'DISPLAY_CODE_UNKNOWN',
        'No customer display is showing that code; check the code on the display',
      );
    }
    return paired;
  }

  /** A cashier revokes a display of their own till; a manager any display. */
  revoke(principal: Principal, id: string): DisplayView {
    const row = this.ctx.tx.read((db) => q.getDisplay(db, id));
    if (!row || row.status === 'pending') throw new NotFoundError('Display', id);
    this.mayManage(principal, row);
    return this.ctx.tx.write((tx) => {
      if (row.status !== 'revoked') {
        revokeDisplay(tx, row);
        tx.audit({ ...auditActor(principal), action: 'display.revoke', target: id });
      }
      return toDisplayView(loadDisplay(tx, id));
    });
  }

  /** At a till: its displays. On the admin pages ('tills.manage'): every display. */
  list(principal: Principal): DisplayView[] {
    const tillId = principal.kind === 'staff' ? requireTillStaff(principal).tillId : null;
    if (tillId === null) requirePermission(principal, 'tills.manage');
    return this.ctx.tx.read((db) => q.listDisplays(db, tillId)).map(toDisplayView);
  }

  /** The broker's check: the till whose cart this display may read, or null. */
  authenticate(displayId: string, token: string): string | null {
    const found = this.identify(token);
    return found?.displayId === displayId ? found.tillId : null;
  }

  /** GET /displays/me: who the token belongs to, or 401. */
  whoAmI(token: string | undefined): DisplayIdentity {
    const found = token === undefined ? null : this.identify(token);
    if (!found) throw new UnauthenticatedError('This display is not paired', 'DISPLAY_NOT_PAIRED');
    return found;
  }

  private identify(token: string): DisplayIdentity | null {
    if (token.length === 0 || token.length > MAX_TOKEN_LENGTH) return null;
    const row = this.ctx.tx.read((db) => q.getActiveDisplayByToken(db, hashToken(token)));
    if (!row || row.till_id === null) return null;
    const tillId = row.till_id;
    const till = this.ctx.tx.read((db) => getTill(db, tillId));
    if (!till) return null;
    const now = isoNow(this.ctx.clock);
    if (row.last_seen_at === null || Date.parse(now) - Date.parse(row.last_seen_at) >= TOUCH_INTERVAL_MS) {
      this.ctx.tx.write((tx) => {
        q.touchDisplay(tx.db, row.id, now);
      });
    }
    return { displayId: row.id, tillId, tillName: till.name, tillNumber: till.number };
  }

  private mayManage(principal: Principal, row: q.DisplayRow): void {
    if (principal.kind === 'staff' && principal.tillId === row.till_id) return;
    requirePermission(principal, 'tills.manage');
  }
}

/** Revokes every display of a till, in the till's own revocation transaction. */
export function revokeDisplaysOfTill(tx: Tx, tillId: string): number {
  const rows = q.activeDisplaysOfTill(tx.db, tillId);
  for (const row of rows) revokeDisplay(tx, row);
  return rows.length;
}

function revokeDisplay(tx: Tx, row: q.DisplayRow): void {
  q.revokeDisplayRow(tx.db, row.id, tx.at);
  tx.emit({ name: 'display.revoked', payload: { displayId: row.id, tillId: row.till_id } });
}

function loadDisplay(tx: Tx, id: string): q.DisplayRow {
  const row = q.getDisplay(tx.db, id);
  if (!row) throw new NotFoundError('Display', id);
  return row;
}

function toDisplayView(row: q.DisplayRow): DisplayView {
  return {
    id: row.id,
    tillId: row.till_id,
    status: row.status,
    requestedAt: row.requested_at,
    approvedAt: row.approved_at,
    approvedBy: row.approved_by,
    revokedAt: row.revoked_at,
    lastSeenAt: row.last_seen_at,
  };
}
