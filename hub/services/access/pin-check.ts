import { isoNow } from '../../clock.js';
import type { HubContext } from '../../context.js';
import { getStaff, setStaffLockout, type StaffWithRoleRow } from '../../db/access-queries.js';
import { insertLoginAttempt } from '../../db/access-session-queries.js';
import { ForbiddenError, LockedError, UnauthenticatedError } from '../../errors.js';
import { addMs, lockDurationMs, secondsUntil } from './policy.js';
import { verifySecret } from './secrets.js';

export interface PinCheckInput {
  staffId: string;
  pin: string;
  kind: 'pin' | 'override';
  tillId: string | null;
  address: string;
}

/**
 * Checks a staff PIN with the lockout rules and logs the attempt. The attempt and the failure counter are
 * committed before any error is thrown, so a caller's rollback cannot erase a failed guess; that is why
 * this must not run inside another write transaction.
 */
export function checkStaffPin(ctx: HubContext, input: PinCheckInput): StaffWithRoleRow {
  if (ctx.db.inTransaction) {
    throw new Error('PIN checks commit their own attempt log; call them outside a write transaction');
  }
  const now = isoNow(ctx.clock);
  const staff = ctx.tx.read((db) => getStaff(db, input.staffId));
  const log = (success: boolean, reason: string | null) => {
    insertLoginAttempt(ctx.db, {
      at: now,
      kind: input.kind,
      staffId: input.staffId,
      tillId: input.tillId,
      address: input.address,
      success,
      reason,
    });
  };

  if (staff?.active !== 1 || staff.pin_hash === null) {
    ctx.tx.write(() => {
      log(false, staff === undefined ? 'unknown_staff' : staff.active !== 1 ? 'inactive' : 'no_pin');
    });
    throw invalidPin(input.kind);
  }
  if (staff.locked_until !== null && staff.locked_until > now) {
    const lockedUntil = staff.locked_until;
    ctx.tx.write(() => {
      log(false, 'locked');
    });
    throw locked(now, lockedUntil);
  }
  if (verifySecret(input.pin, staff.pin_hash)) {
    ctx.tx.write(() => {
      log(true, null);
      setStaffLockout(ctx.db, staff.id, 0, null);
    });
    return staff;
  }
  const failures = staff.failed_attempts + 1;
  const lockMs = lockDurationMs(failures);
  const lockedUntil = lockMs > 0 ? addMs(now, lockMs) : null;
  ctx.tx.write(() => {
    log(false, 'wrong_pin');
    setStaffLockout(ctx.db, staff.id, failures, lockedUntil);
  });
  if (lockedUntil !== null) throw locked(now, lockedUntil);
  throw invalidPin(input.kind);
}

/**
 * A wrong supervisor PIN is a 403, not a 401: the cashier's own session is fine, and a 401 would send
 * the till back to its login screen.
 */
function invalidPin(kind: PinCheckInput['kind']): UnauthenticatedError | ForbiddenError {
  if (kind === 'override') return new ForbiddenError('Wrong supervisor or PIN', undefined, 'OVERRIDE_FAILED');
  return new UnauthenticatedError('Wrong staff member or PIN', 'INVALID_CREDENTIALS');
}

function locked(now: string, lockedUntil: string): LockedError {
  const retryAfterSeconds = secondsUntil(now, lockedUntil);
  return new LockedError(`Too many wrong PINs; try again in ${retryAfterSeconds} s`, {
    retryAfterSeconds,
    lockedUntil,
  });
}
