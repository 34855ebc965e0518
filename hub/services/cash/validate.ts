import type { Principal } from '../../contract/principal.js';
import type { CashSessionRow } from '../../db/cash-queries.js';
import { countCash, type CashCount, type CashCountInput } from '../../domain/cash-count.js';
import { ForbiddenError, UnauthenticatedError, ValidationError } from '../../errors.js';
import { isUuidV7 } from '../../ids.js';
import type { ManualMovementKind } from './types.js';

/** A pay-in or pay-out above a million major units is a typo, not a drawer movement. */
export const MAX_MOVEMENT_MINOR = 100_000_000;
export const MAX_REASON_LENGTH = 200;

// C0/C1 control characters: a reason ends up on a printed slip and in the journal.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** The service checks again what the HTTP edge checked, because not every caller comes through HTTP. */
export function requireUuidV7(id: string, field: string): void {
  if (!isUuidV7(id)) throw new ValidationError(`${field} must be a UUIDv7 made by the till`, { field });
}

export function cleanReason(reason: string): string {
  const clean = reason.replace(CONTROL, ' ').trim();
  if (clean.length === 0 || clean.length > MAX_REASON_LENGTH) {
    throw new ValidationError(`A reason of 1 to ${MAX_REASON_LENGTH} characters is required`, {
      field: 'reason',
    });
  }
  return clean;
}

/** The signed ledger amount of a manual movement: pay-outs leave the drawer, a no-sale moves nothing. */
export function signedAmount(kind: ManualMovementKind, amountMinor: number | undefined): number {
  if (kind === 'no_sale') {
    if (amountMinor !== undefined && amountMinor !== 0) {
      throw new ValidationError('A no-sale drawer open moves no money', { field: 'amountMinor' });
    }
    return 0;
  }
  if (
    amountMinor === undefined ||
    !Number.isSafeInteger(amountMinor) ||
    amountMinor <= 0 ||
    amountMinor > MAX_MOVEMENT_MINOR
  ) {
    throw new ValidationError(`amountMinor must be an integer 1..${MAX_MOVEMENT_MINOR}`, {
      field: 'amountMinor',
    });
  }
  return kind === 'pay_out' ? -amountMinor : amountMinor;
}

export function countOrThrow(currency: string, input: CashCountInput, field: string): CashCount {
  const result = countCash(currency, input);
  if (!result.ok) {
    throw new ValidationError(result.message, {
      field,
      reason: result.code,
      ...(result.denominationMinor === undefined ? {} : { denominationMinor: result.denominationMinor }),
    });
  }
  return result.count;
}

/** A cashier works on their own till's drawer only; the admin pages may read (and close) any. */
export function assertSessionAccess(
  principal: Principal,
  session: CashSessionRow,
  allowAdmin: boolean,
): void {
  switch (principal.kind) {
    case 'staff':
      if (principal.tillId !== session.till_id) {
        throw new ForbiddenError(
          'This cash session belongs to another till',
          { sessionId: session.id },
          'OTHER_TILL',
        );
      }
      return;
    case 'admin':
      if (!allowAdmin)
        throw new ForbiddenError('Drawer movements are made at the till', undefined, 'TILL_REQUIRED');
      return;
    case 'till':
    case 'anonymous':
      throw new UnauthenticatedError('A staff member must log in at this till', 'STAFF_LOGIN_REQUIRED');
  }
}
