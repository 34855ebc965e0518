import { randomInt } from 'node:crypto';
import { isoNow } from '../../clock.js';
import type { HubContext } from '../../context.js';
import type { AuditEntry } from '../../db/audit.js';
import { failuresFromAddress, insertLoginAttempt } from '../../db/access-session-queries.js';
import * as q from '../../db/access-till-queries.js';
import type { Tx } from '../../db/transactor.js';
import { BusinessRuleError, ConflictError, NotFoundError, RateLimitedError } from '../../errors.js';
import { newId } from '../../ids.js';
import { PASSWORD_FAILURE_WINDOW_MS, PASSWORD_FAILURES_PER_ADDRESS, addMs } from './policy.js';
import { hashToken } from './secrets.js';

/**
 * The invitation side of pairing (a manager or the demo issues a code, a browser claims it by typing it)
 * and the steps both pairing flows share. Claims are rate-limited per address like password logins,
 * because the code is the only secret an anonymous caller needs.
 */

export interface TillView {
  id: string;
  name: string;
  number: number | null;
  status: q.TillRow['status'];
  invited: boolean;
  requestedAt: string;
  pairingExpiresAt: string | null;
  approvedAt: string | null;
  approvedBy: string | null;
  revokedAt: string | null;
  lastSeenAt: string | null;
}

export interface PairingTicket {
  tillId: string;
  /** Shown on the till's screen for the manager to type; null when the browser claimed an invitation. */
  pairingCode: string | null;
  /** Proves this browser made the request; only it can collect the token. */
  pairingSecret: string;
  expiresAt: string;
}

export function invite(
  ctx: HubContext,
  actor: Pick<AuditEntry, 'actorKind' | 'actorId' | 'tillId'>,
  name: string,
  ttlMs: number,
): { tillId: string; code: string; expiresAt: string } {
  return ctx.tx.write((tx) => {
    q.deleteExpiredPendingTills(tx.db, tx.at);
    const id = newId();
    const code = freshPairingCode(tx);
    const expiresAt = addMs(tx.at, ttlMs);
    q.insertPendingTill(tx.db, {
      id,
      name,
      pairing_code: code,
      pairing_secret_hash: null,
      pairing_expires_at: expiresAt,
      invited: 1,
      approved_by: actor.actorKind === 'system' ? null : actor.actorId,
      requested_at: tx.at,
    });
    tx.audit({ ...actor, action: 'till.invite', target: id, details: { name, expiresAt } });
    return { tillId: id, code, expiresAt };
  });
}

export function claimInvitation(
  ctx: HubContext,
  name: string,
  code: string,
  secret: string,
  address: string,
): PairingTicket {
  const now = isoNow(ctx.clock);
  const since = addMs(now, -PASSWORD_FAILURE_WINDOW_MS);
  const failures = ctx.tx.read((db) => failuresFromAddress(db, 'pairing', address, since));
  if (failures.count >= PASSWORD_FAILURES_PER_ADDRESS) {
    throw new RateLimitedError('Too many wrong pairing codes; try again later', {
      retryAfterSeconds: PASSWORD_FAILURE_WINDOW_MS / 1000,
    });
  }
  const till = ctx.tx.read((db) => q.getInvitedTillByCode(db, code, now));
  if (!till) {
    ctx.tx.write((tx) => {
      insertLoginAttempt(tx.db, {
        at: tx.at,
        kind: 'pairing',
        staffId: null,
        tillId: null,
        address,
        success: false,
        reason: 'code',
      });
    });
    throw new BusinessRuleError(
      'PAIRING_CODE_UNKNOWN',
      'No till is waiting for that code; ask a manager for a new one',
    );
  }
  return ctx.tx.write((tx) => {
    q.claimInvitedTill(tx.db, till.id, name, hashToken(secret));
    activateTill(tx, till.id, till.approved_by);
    insertLoginAttempt(tx.db, {
      at: tx.at,
      kind: 'pairing',
      staffId: null,
      tillId: till.id,
      address,
      success: true,
      reason: null,
    });
    tx.audit({
      actorKind: 'anonymous',
      actorId: null,
      action: 'till.claim',
      target: till.id,
      details: { address, name },
    });
    return {
      tillId: till.id,
      pairingCode: null,
      pairingSecret: secret,
      expiresAt: till.pairing_expires_at ?? tx.at,
    };
  });
}

export function activateTill(tx: Tx, id: string, approvedBy: string | null): void {
  // Till numbers come from a gap-free counter: receipt numbering is per till, so a number is never reused.
  q.approveTillRow(tx.db, id, tx.nextCounter('till.number'), approvedBy, tx.at);
  tx.emit({ name: 'till.paired', payload: { tillId: id } });
  tx.outbox('till', id, 'upsert', toTillView(loadTill(tx, id)));
}

export function freshPairingCode(tx: Tx): string {
  return freshSixDigitCode((code) => q.pairingCodeInUse(tx.db, code));
}

/** A random 6-digit code not in use (tills and customer displays each keep their own codes). */
export function freshSixDigitCode(inUse: (code: string) => boolean): string {
  for (let i = 0; i < 20; i += 1) {
    const code = randomInt(0, 1_000_000).toString().padStart(6, '0');
    if (!inUse(code)) return code;
  }
  throw new ConflictError('Could not find a free pairing code; try again');
}

export function loadTill(tx: Tx, id: string): q.TillRow {
  const till = q.getTill(tx.db, id);
  if (!till) throw new NotFoundError('Till', id);
  return till;
}

export function toTillView(row: q.TillRow): TillView {
  return {
    id: row.id,
    name: row.name,
    number: row.number,
    status: row.status,
    invited: row.invited === 1,
    requestedAt: row.requested_at,
    pairingExpiresAt: row.pairing_expires_at,
    approvedAt: row.approved_at,
    approvedBy: row.approved_by,
    revokedAt: row.revoked_at,
    lastSeenAt: row.last_seen_at,
  };
}
