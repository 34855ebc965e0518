import { isoNow } from '../../clock.js';
import type { Principal, StaffPrincipal } from '../../contract/principal.js';
import type { HubContext } from '../../context.js';
import { getStaff } from '../../db/access-queries.js';
import { getLiveSession, touchSession, type SessionRow } from '../../db/access-session-queries.js';
import { getActiveTillByToken, touchTill } from '../../db/access-till-queries.js';
import { ADMIN_IDLE_MS, TOUCH_INTERVAL_MS } from './policy.js';
import { toStaffPrincipal } from './roles.js';
import { hashToken } from './secrets.js';

export interface CredentialHeaders {
  /** X-Till-Token: the device token of a paired till. */
  tillToken?: string | undefined;
  /** Authorization: Bearer: a staff PIN session, valid only together with its till's token. */
  bearer?: string | undefined;
  /** The hub_admin cookie: an admin password session. */
  cookie?: string | undefined;
}

// Longer than any token we issue; anything bigger is not ours and is not worth hashing.
const MAX_CREDENTIAL_LENGTH = 256;

function usable(value: string | undefined): value is string {
  return value !== undefined && value.length > 0 && value.length <= MAX_CREDENTIAL_LENGTH;
}

/**
 * Who is calling. A credential that is unknown, expired or revoked is ignored rather than refused, so a
 * stale cookie never blocks logging in again; the route guards then answer 401 with what is missing.
 * Till credentials win over the admin cookie because both apps share one origin and the browser sends
 * the cookie along with till requests.
 */
export function resolvePrincipal(ctx: HubContext, headers: CredentialHeaders, address: string): Principal {
  const now = isoNow(ctx.clock);
  if (usable(headers.tillToken)) {
    const tillToken = headers.tillToken;
    const till = ctx.tx.read((db) => getActiveTillByToken(db, hashToken(tillToken)));
    if (!till) return { kind: 'anonymous', address };
    if (isStale(till.last_seen_at, now)) ctx.tx.write((tx) => touchTill(tx.db, till.id, now));
    const staff = usable(headers.bearer) ? tillStaff(ctx, headers.bearer, till.id, now) : null;
    if (staff) return { kind: 'staff', tillId: till.id, staff, address };
    return { kind: 'till', tillId: till.id, address };
  }
  if (usable(headers.cookie)) {
    const admin = resolveAdminSession(ctx, headers.cookie);
    if (admin) return { kind: 'admin', staff: admin.staff, address };
  }
  return { kind: 'anonymous', address };
}

function tillStaff(ctx: HubContext, bearer: string, tillId: string, now: string): StaffPrincipal | null {
  const session = ctx.tx.read((db) => getLiveSession(db, hashToken(bearer), 'till', now));
  if (session?.till_id !== tillId) return null;
  return activeStaff(ctx, session.staff_id);
}

/** A live admin session, with its CSRF token; idle sessions count as ended. */
export function resolveAdminSession(
  ctx: HubContext,
  cookie: string,
): { staff: StaffPrincipal; session: SessionRow } | null {
  if (!usable(cookie)) return null;
  const now = isoNow(ctx.clock);
  const session = ctx.tx.read((db) => getLiveSession(db, hashToken(cookie), 'admin', now));
  if (!session) return null;
  if (Date.parse(now) - Date.parse(session.last_seen_at) >= ADMIN_IDLE_MS) return null;
  const staff = activeStaff(ctx, session.staff_id);
  if (!staff) return null;
  if (isStale(session.last_seen_at, now)) ctx.tx.write((tx) => touchSession(tx.db, session.token_hash, now));
  return { staff, session };
}

function activeStaff(ctx: HubContext, staffId: string): StaffPrincipal | null {
  const row = ctx.tx.read((db) => getStaff(db, staffId));
  return row?.active === 1 ? toStaffPrincipal(row) : null;
}

// Writing "last seen" on every request would make each read a disk sync; once a minute is enough.
function isStale(lastSeen: string | null, now: string): boolean {
  return lastSeen === null || Date.parse(now) - Date.parse(lastSeen) >= TOUCH_INTERVAL_MS;
}
