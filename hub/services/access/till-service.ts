import { randomInt } from 'node:crypto';
import { isoNow } from '../../clock.js';
import type { Principal } from '../../contract/principal.js';
import type { HubContext } from '../../context.js';
import type { AuditEntry } from '../../db/audit.js';
import {
  failuresFromAddress,
  insertLoginAttempt,
  revokeTillSessions,
} from '../../db/access-session-queries.js';
import * as q from '../../db/access-till-queries.js';
import type { Tx } from '../../db/transactor.js';
import { BusinessRuleError, ConflictError, NotFoundError, RateLimitedError } from '../../errors.js';
import { newId } from '../../ids.js';
import { auditActor } from './audit-actor.js';
import { requirePermission, requireTill } from './guards.js';
import {
  MAX_PENDING_PAIRINGS,
  PAIRING_TTL_MS,
  PASSWORD_FAILURE_WINDOW_MS,
  PASSWORD_FAILURES_PER_ADDRESS,
  addMs,
} from './policy.js';
import { generateToken, hashToken } from './secrets.js';

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

export type PairingStatus =
  | { status: 'pending'; tillId: string; expiresAt: string }
  | { status: 'active'; tillId: string; number: number; name: string; token: string }
  | { status: 'expired' | 'revoked'; tillId: string };

/**
 * Pairing a browser as a till. Either the browser asks (POST /tills/pair), shows a 6-digit code and a
 * manager approves it by typing that code, or a manager issues a code first and the browser claims it.
 * Either way the browser then collects its device token once, by polling with its pairing secret.
 */
export class TillService {
  constructor(private readonly ctx: HubContext) {}

  requestPairing(input: { name: string; code?: string | undefined }, address: string): PairingTicket {
    const secret = generateToken();
    const now = isoNow(this.ctx.clock);
    if (input.code !== undefined) return this.claimInvitation(input.name, input.code, secret, address);
    return this.ctx.tx.write((tx) => {
      q.deleteExpiredPendingTills(tx.db, tx.at);
      if (q.countPendingTills(tx.db) >= MAX_PENDING_PAIRINGS) {
        throw new RateLimitedError('Too many tills are waiting to be paired; try again later', {
          retryAfterSeconds: PAIRING_TTL_MS / 1000,
        });
      }
      const code = this.freshCode(tx);
      const id = newId();
      const expiresAt = addMs(now, PAIRING_TTL_MS);
      q.insertPendingTill(tx.db, {
        id,
        name: input.name,
        pairing_code: code,
        pairing_secret_hash: hashToken(secret),
        pairing_expires_at: expiresAt,
        invited: 0,
        approved_by: null,
        requested_at: tx.at,
      });
      tx.audit({
        actorKind: 'anonymous',
        actorId: null,
        action: 'till.pair_request',
        target: id,
        details: { address },
      });
      return { tillId: id, pairingCode: code, pairingSecret: secret, expiresAt };
    });
  }

  /** The browser's poll. The token is minted here, once; afterwards the secret is unknown (404). */
  pairingStatus(secret: string): PairingStatus {
    const now = isoNow(this.ctx.clock);
    const till = this.ctx.tx.read((db) => q.getTillByPairingSecret(db, hashToken(secret)));
    if (!till) throw new NotFoundError('Pairing request');
    if (till.status === 'revoked') return { status: 'revoked', tillId: till.id };
    if (till.status === 'pending') {
      const expiresAt = till.pairing_expires_at ?? now;
      if (expiresAt <= now) return { status: 'expired', tillId: till.id };
      return { status: 'pending', tillId: till.id, expiresAt };
    }
    return this.ctx.tx.write((tx) => {
      const token = generateToken();
      q.issueTillToken(tx.db, till.id, hashToken(token));
      tx.audit({
        actorKind: 'till',
        actorId: till.id,
        tillId: till.id,
        action: 'till.token_issued',
        target: till.id,
      });
      return { status: 'active', tillId: till.id, number: till.number ?? 0, name: till.name, token };
    });
  }

  /** A manager approves a browser's request by typing the code its screen shows. */
  approve(principal: Principal, id: string, code: string): TillView {
    requirePermission(principal, 'tills.manage');
    return this.approveAs(auditActor(principal), id, code);
  }

  /** The demo start-up approves without a logged-in manager. */
  approveTill(id: string, code: string): TillView {
    return this.approveAs({ actorKind: 'system', actorId: null, tillId: null }, id, code);
  }

  /** A manager issues a code first; the new browser claims it by typing it (POST /tills/pair with code). */
  issueInvitation(principal: Principal, name: string): { tillId: string; code: string; expiresAt: string } {
    requirePermission(principal, 'tills.manage');
    return this.invite(auditActor(principal), name, PAIRING_TTL_MS);
  }

  /** For the demo: a code printed on the console, valid for ttlMs (default 15 min). */
  createPairingCodeForDemo(
    name: string,
    ttlMs = PAIRING_TTL_MS,
  ): { tillId: string; code: string; expiresAt: string } {
    return this.invite({ actorKind: 'system', actorId: null, tillId: null }, name, ttlMs);
  }

  revoke(principal: Principal, id: string): TillView {
    requirePermission(principal, 'tills.manage');
    return this.ctx.tx.write((tx) => {
      const till = this.load(tx, id);
      if (till.status === 'revoked') return toTillView(till);
      q.revokeTillRow(tx.db, id, tx.at);
      const sessions = revokeTillSessions(tx.db, id, tx.at);
      tx.emit({ name: 'till.revoked', payload: { tillId: id } });
      return this.changed(tx, principal, id, 'till.revoke', { endedSessions: sessions });
    });
  }

  rename(principal: Principal, id: string, name: string): TillView {
    requirePermission(principal, 'tills.manage');
    return this.ctx.tx.write((tx) => {
      const till = this.load(tx, id);
      q.renameTill(tx.db, id, name);
      return this.changed(tx, principal, id, 'till.rename', { from: till.name, to: name });
    });
  }

  list(principal: Principal): TillView[] {
    requirePermission(principal, 'tills.manage');
    const now = isoNow(this.ctx.clock);
    return this.ctx.tx
      .read((db) => q.listTills(db))
      .filter((t) => t.status !== 'pending' || (t.pairing_expires_at ?? now) > now)
      .map(toTillView);
  }

  /** The calling till itself (its number goes on receipts). */
  me(principal: Principal): TillView {
    const { tillId } = requireTill(principal);
    const till = this.ctx.tx.read((db) => q.getTill(db, tillId));
    if (!till) throw new NotFoundError('Till', tillId);
    return toTillView(till);
  }

  private approveAs(
    actor: Pick<AuditEntry, 'actorKind' | 'actorId' | 'tillId'>,
    id: string,
    code: string,
  ): TillView {
    return this.ctx.tx.write((tx) => {
      const till = this.load(tx, id);
      if (till.status !== 'pending' || till.invited === 1) {
        throw new ConflictError(
          'This till is not waiting for approval',
          { status: till.status },
          'TILL_NOT_PENDING',
        );
      }
      if ((till.pairing_expires_at ?? tx.at) <= tx.at) {
        throw new BusinessRuleError('PAIRING_EXPIRED', 'The pairing request expired; pair the till again');
      }
      if (till.pairing_code !== code) {
        tx.audit({
          ...actor,
          action: 'till.approve',
          target: id,
          outcome: 'denied',
          details: { reason: 'code' },
        });
        throw new BusinessRuleError('PAIRING_CODE_MISMATCH', 'The code does not match the one on the till');
      }
      this.activate(tx, till.id, actor.actorKind === 'system' ? null : actor.actorId);
      tx.audit({ ...actor, action: 'till.approve', target: id });
      return toTillView(this.load(tx, id));
    });
  }

  private invite(actor: Pick<AuditEntry, 'actorKind' | 'actorId' | 'tillId'>, name: string, ttlMs: number) {
    return this.ctx.tx.write((tx) => {
      q.deleteExpiredPendingTills(tx.db, tx.at);
      const id = newId();
      const code = this.freshCode(tx);
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

  private claimInvitation(name: string, code: string, secret: string, address: string): PairingTicket {
    const now = isoNow(this.ctx.clock);
    const since = addMs(now, -PASSWORD_FAILURE_WINDOW_MS);
    const failures = this.ctx.tx.read((db) => failuresFromAddress(db, 'pairing', address, since));
    if (failures.count >= PASSWORD_FAILURES_PER_ADDRESS) {
      throw new RateLimitedError('Too many wrong pairing codes; try again later', {
        retryAfterSeconds: PASSWORD_FAILURE_WINDOW_MS / 1000,
      });
    }
    const till = this.ctx.tx.read((db) => q.getInvitedTillByCode(db, code, now));
    if (!till) {
      this.ctx.tx.write((tx) => {
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
    return this.ctx.tx.write((tx) => {
      q.claimInvitedTill(tx.db, till.id, name, hashToken(secret));
      this.activate(tx, till.id, till.approved_by);
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

  private activate(tx: Tx, id: string, approvedBy: string | null): void {
    // Till numbers come from a gap-free counter: receipt numbering is per till, so a number is never reused.
    q.approveTillRow(tx.db, id, tx.nextCounter('till.number'), approvedBy, tx.at);
    tx.emit({ name: 'till.paired', payload: { tillId: id } });
    tx.outbox('till', id, 'upsert', toTillView(this.load(tx, id)));
  }

  private freshCode(tx: Tx): string {
    for (let i = 0; i < 20; i += 1) {
      const code = randomInt(0, 1_000_000).toString().padStart(6, '0');
      if (!q.pairingCodeInUse(tx.db, code)) return code;
    }
    throw new ConflictError('Could not find a free pairing code; try again');
  }

  private changed(
    tx: Tx,
    principal: Principal,
    id: string,
    action: string,
    details: Record<string, unknown>,
  ) {
    const view = toTillView(this.load(tx, id));
    tx.audit({ ...auditActor(principal), action, target: id, details });
    tx.outbox('till', id, 'upsert', view);
    return view;
  }

  private load(tx: Tx, id: string): q.TillRow {
    const till = q.getTill(tx.db, id);
    if (!till) throw new NotFoundError('Till', id);
    return till;
  }
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
