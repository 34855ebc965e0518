import { isoNow } from '../../clock.js';
import type { Principal } from '../../contract/principal.js';
import type { HubContext } from '../../context.js';
import { getStaffByLogin, listTillLoginStaff } from '../../db/access-queries.js';
import {
  failuresFromAddress,
  insertLoginAttempt,
  insertSession,
  revokeSession,
  revokeTillSessions,
} from '../../db/access-session-queries.js';
import { RateLimitedError, UnauthenticatedError } from '../../errors.js';
import { requireTill } from './guards.js';
import { checkStaffPin } from './pin-check.js';
import { resolveAdminSession } from './principal-resolution.js';
import {
  ADMIN_ABSOLUTE_MS,
  PASSWORD_FAILURE_WINDOW_MS,
  PASSWORD_FAILURES_PER_ADDRESS,
  TILL_SESSION_MS,
  addMs,
  secondsUntil,
} from './policy.js';
import { summarizeStaff, toStaffPrincipal, type StaffSummary } from './roles.js';
import { generateToken, hashSecret, hashToken, verifySecret } from './secrets.js';

export interface TillLoginResult {
  token: string;
  expiresAt: string;
  tillId: string;
  staff: StaffSummary;
}

export interface AdminLoginResult {
  token: string;
  csrfToken: string;
  expiresAt: string;
  staff: StaffSummary;
}

export type SessionInfo =
  | { kind: 'anonymous' }
  | { kind: 'till'; tillId: string }
  | { kind: 'staff'; tillId: string; staff: StaffSummary }
  | { kind: 'admin'; staff: StaffSummary; csrfToken: string };

/** Logins at tills (PIN) and on the admin pages (password), and their logouts. */
export class SessionService {
  // Verified against when the login is unknown, so a wrong login costs the same time as a wrong password.
  private dummyHash: string | null = null;

  constructor(private readonly ctx: HubContext) {}

  /** Cashiers shown on a till's login screen: names and roles only. */
  tillLoginStaff(principal: Principal): { id: string; name: string; role: string }[] {
    requireTill(principal);
    return this.ctx.tx
      .read((db) => listTillLoginStaff(db))
      .map((row) => ({ id: row.id, name: row.name, role: row.role_name }));
  }

  /** PIN login at a paired till. A new login replaces whoever was logged in there (switch user). */
  loginPin(principal: Principal, input: { staffId: string; pin: string }): TillLoginResult {
    const { tillId } = requireTill(principal);
    const row = checkStaffPin(this.ctx, { ...input, kind: 'pin', tillId, address: principal.address });
    const token = generateToken();
    const now = isoNow(this.ctx.clock);
    const expiresAt = addMs(now, TILL_SESSION_MS);
    this.ctx.tx.write((tx) => {
      revokeTillSessions(tx.db, tillId, tx.at);
      insertSession(tx.db, {
        token_hash: hashToken(token),
        kind: 'till',
        staff_id: row.id,
        till_id: tillId,
        csrf_token: null,
        created_at: tx.at,
        last_seen_at: tx.at,
        expires_at: expiresAt,
      });
    });
    return { token, expiresAt, tillId, staff: summarizeStaff(toStaffPrincipal(row)) };
  }

  /** Ends the staff session at this till; the till stays paired. */
  logoutTill(principal: Principal, bearer: string | undefined): { loggedOut: boolean } {
    requireTill(principal);
    if (bearer === undefined || bearer.length === 0) return { loggedOut: false };
    const loggedOut = this.ctx.tx.write((tx) => revokeSession(tx.db, hashToken(bearer), tx.at));
    return { loggedOut };
  }

  loginAdmin(input: { login: string; password: string }, address: string): AdminLoginResult {
    const now = isoNow(this.ctx.clock);
    const since = new Date(Date.parse(now) - PASSWORD_FAILURE_WINDOW_MS).toISOString();
    const recent = this.ctx.tx.read((db) => failuresFromAddress(db, 'password', address, since));
    if (recent.count >= PASSWORD_FAILURES_PER_ADDRESS && recent.oldest !== null) {
      const retryAfterSeconds = secondsUntil(now, addMs(recent.oldest, PASSWORD_FAILURE_WINDOW_MS));
      throw new RateLimitedError(`Too many failed logins; try again in ${retryAfterSeconds} s`, {
        retryAfterSeconds,
      });
    }
    const login = normalizeLogin(input.login);
    const row = this.ctx.tx.read((db) => getStaffByLogin(db, login));
    const hash = row?.active === 1 ? row.password_hash : null;
    const ok = verifySecret(input.password, hash ?? this.dummy()) && hash !== null;
    if (!row || !ok) {
      this.ctx.tx.write((tx) => {
        insertLoginAttempt(tx.db, {
          at: tx.at,
          kind: 'password',
          staffId: row?.id ?? null,
          tillId: null,
          address,
          success: false,
          reason: row === undefined ? 'unknown_login' : hash === null ? 'no_password' : 'wrong_password',
        });
      });
      throw new UnauthenticatedError('Wrong login or password', 'INVALID_CREDENTIALS');
    }
    const token = generateToken();
    const csrfToken = generateToken();
    const expiresAt = addMs(now, ADMIN_ABSOLUTE_MS);
    this.ctx.tx.write((tx) => {
      insertLoginAttempt(tx.db, {
        at: tx.at,
        kind: 'password',
        staffId: row.id,
        tillId: null,
        address,
        success: true,
        reason: null,
      });
      insertSession(tx.db, {
        token_hash: hashToken(token),
        kind: 'admin',
        staff_id: row.id,
        till_id: null,
        csrf_token: csrfToken,
        created_at: tx.at,
        last_seen_at: tx.at,
        expires_at: expiresAt,
      });
      tx.audit({ actorKind: 'admin', actorId: row.id, action: 'admin.login', details: { address } });
    });
    return { token, csrfToken, expiresAt, staff: summarizeStaff(toStaffPrincipal(row)) };
  }

  logoutAdmin(principal: Principal, cookie: string | undefined): { loggedOut: boolean } {
    if (principal.kind !== 'admin' || cookie === undefined) return { loggedOut: false };
    const staffId = principal.staff.id;
    const loggedOut = this.ctx.tx.write((tx) => {
      const revoked = revokeSession(tx.db, hashToken(cookie), tx.at);
      if (revoked) tx.audit({ actorKind: 'admin', actorId: staffId, action: 'admin.logout' });
      return revoked;
    });
    return { loggedOut };
  }

  /** Who the caller is; for an admin session also its CSRF token, so a reloaded admin page can recover it. */
  describe(principal: Principal, cookie: string | undefined): SessionInfo {
    switch (principal.kind) {
      case 'anonymous':
        return { kind: 'anonymous' };
      case 'till':
        return { kind: 'till', tillId: principal.tillId };
      case 'staff':
        return { kind: 'staff', tillId: principal.tillId, staff: summarizeStaff(principal.staff) };
      case 'admin': {
        const session = cookie === undefined ? null : resolveAdminSession(this.ctx, cookie);
        if (!session?.session.csrf_token) return { kind: 'anonymous' };
        return {
          kind: 'admin',
          staff: summarizeStaff(principal.staff),
          csrfToken: session.session.csrf_token,
        };
      }
    }
  }

  private dummy(): string {
    this.dummyHash ??= hashSecret('not-a-real-password');
    return this.dummyHash;
  }
}

/** Logins are compared case-insensitively; they are stored in this form. */
export function normalizeLogin(login: string): string {
  return login.trim().normalize('NFKC').toLowerCase();
}
