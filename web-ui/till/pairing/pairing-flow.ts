import type { PairStatus } from '../../shared/api/till-endpoints.js';

/**
 * What the pairing screen does next after asking the hub where its request stands. Pure, so the
 * branches (approved, approved but the one-time token already taken, expired, revoked) are tested.
 */
export type PairingStep =
  | { kind: 'wait' }
  | { kind: 'paired'; tillId: string; token: string; name: string | null }
  | { kind: 'failed'; reason: 'expired' | 'revoked' | 'token-lost' };

export function nextPairingStep(status: PairStatus): PairingStep {
  switch (status.status) {
    case 'pending':
      return { kind: 'wait' };
    case 'active':
      // The hub hands the token out exactly once; an "active" without it means another tab took it.
      return status.token === null
        ? { kind: 'failed', reason: 'token-lost' }
        : { kind: 'paired', tillId: status.tillId, token: status.token, name: status.name };
    case 'expired':
    case 'revoked':
      return { kind: 'failed', reason: status.status };
  }
}

/** A 6-digit code as the hub wants it, from whatever was typed ("123 456", "123-456"). */
export function normalisePairingCode(input: string): string | null {
  const digits = input.replace(/[\s-]/g, '');
  return /^\d{6}$/.test(digits) ? digits : null;
}

/** "123 456": easier to read aloud to a manager across the counter. */
export function groupPairingCode(code: string): string {
  return code.length === 6 ? `${code.slice(0, 3)} ${code.slice(3)}` : code;
}

export const PAIRING_POLL_MS = 2_000;
