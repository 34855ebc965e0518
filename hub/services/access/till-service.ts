import { isoNow } from '../../clock.js';
import type { Principal } from '../../contract/principal.js';
import type { HubContext } from '../../context.js';
import type { AuditEntry } from '../../db/audit.js';
import { revokeTillSessions } from '../../db/access-session-queries.js';
import * as q from '../../db/access-till-queries.js';
import type { Tx } from '../../db/transactor.js';
import { BusinessRuleError, ConflictError, NotFoundError, RateLimitedError } from '../../errors.js';
import { newId } from '../../ids.js';
import { auditActor } from './audit-actor.js';
import { revokeDisplaysOfTill } from './display-pairing.js';
import { requirePermission, requireTill } from './guards.js';
import { MAX_PENDING_PAIRINGS, PAIRING_TTL_MS, addMs } from './policy.js';
import { generateToken, hashToken } from './secrets.js';
import {
  activateTill,
  claimInvitation,
  freshPairingCode,
  invite,
  loadTill,
  toTillView,
  type PairingTicket,
  type TillView,
} from './till-pairing.js';

export { toTillView, type PairingTicket, type TillView } from './till-pairing.js';

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
    if (input.code !== undefined) return claimInvitation(this.ctx, input.name, input.code, secret, address);
    return this.ctx.tx.write((tx) => {
      q.deleteExpiredPendingTills(tx.db, tx.at);
      if (q.countPendingTills(tx.db) >= MAX_PENDING_PAIRINGS) {
        throw new RateLimitedError('Too many tills are waiting to be paired; try again later', {
          retryAfterSeconds: PAIRING_TTL_MS / 1000,
        });
      }
      const code = freshPairingCode(tx);
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
    return invite(this.ctx, auditActor(principal), name, PAIRING_TTL_MS);
  }

  /** For the demo: a code printed on the console, valid for ttlMs (default 15 min). */
  createPairingCodeForDemo(
    name: string,
    ttlMs = PAIRING_TTL_MS,
  ): { tillId: string; code: string; expiresAt: string } {
    return invite(this.ctx, { actorKind: 'system', actorId: null, tillId: null }, name, ttlMs);
  }

  revoke(principal: Principal, id: string): TillView {
    requirePermission(principal, 'tills.manage');
    return this.ctx.tx.write((tx) => {
      const till = loadTill(tx, id);
      if (till.status === 'revoked') return toTillView(till);
      q.revokeTillRow(tx.db, id, tx.at);
      const sessions = revokeTillSessions(tx.db, id, tx.at);
      const displays = revokeDisplaysOfTill(tx, id);
      tx.emit({ name: 'till.revoked', payload: { tillId: id } });
      return this.changed(tx, principal, id, 'till.revoke', {
        endedSessions: sessions,
        revokedDisplays: displays,
      });
    });
  }

  rename(principal: Principal, id: string, name: string): TillView {
    requirePermission(principal, 'tills.manage');
    return this.ctx.tx.write((tx) => {
      const till = loadTill(tx, id);
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
      const till = loadTill(tx, id);
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
      activateTill(tx, till.id, actor.actorKind === 'system' ? null : actor.actorId);
      tx.audit({ ...actor, action: 'till.approve', target: id });
      return toTillView(loadTill(tx, id));
    });
  }

  private changed(
    tx: Tx,
    principal: Principal,
    id: string,
    action: string,
    details: Record<string, unknown>,
  ) {
    const view = toTillView(loadTill(tx, id));
    tx.audit({ ...auditActor(principal), action, target: id, details });
    tx.outbox('till', id, 'upsert', view);
    return view;
  }
}
