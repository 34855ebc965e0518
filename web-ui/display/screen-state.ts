import type { CartDisplayState, CartSnapshot } from '../shared/display/cart-snapshot.js';
import type { DisplayPairStatus } from '../shared/api/display-endpoints.js';

/**
 * How long the thank-you (change due, e-receipt QR) stays up when the till starts nothing new: long
 * enough to pick up the change and scan the code, short enough that the next customer sees a welcome.
 */
export const THANKS_MS = 90_000;
export const DISPLAY_PAIRING_POLL_MS = 2_000;
/** Waits between tries while the hub cannot be reached (the display never gives up by itself). */
export const RETRY_MS = 5_000;

/**
 * What the screen shows for the till's retained snapshot: nothing yet or an idle till is the welcome;
 * a thank-you goes back to the welcome THANKS_MS after it arrived, or at once when it was already older
 * than that when it arrived (a display switched on long after the last sale).
 */
export function shownState(snapshot: CartSnapshot | null, receivedAt: number, now: number): CartDisplayState {
  if (snapshot === null) return 'idle';
  if (snapshot.state !== 'done') return snapshot.state;
  // Counted from arrival (the till's clock may differ a little); the snapshot's own time only tells a
  // retained thank-you from long ago.
  const madeAt = Date.parse(snapshot.at);
  const stale = !Number.isNaN(madeAt) && receivedAt - madeAt >= THANKS_MS;
  return !stale && now - receivedAt < THANKS_MS ? 'done' : 'idle';
}

/** The next step of the display's pairing from the hub's answer. */
export type DisplayPairingStep =
  | { kind: 'wait' }
  | { kind: 'paired'; displayId: string; token: string }
  /** The code expired or was withdrawn, or another tab took the token: ask for a fresh code. */
  | { kind: 'restart' };

export function displayPairingStep(status: DisplayPairStatus): DisplayPairingStep {
  switch (status.status) {
    case 'pending':
      return { kind: 'wait' };
    case 'active':
      return status.token === null
        ? { kind: 'restart' }
        : { kind: 'paired', displayId: status.displayId, token: status.token };
    case 'expired':
    case 'revoked':
      return { kind: 'restart' };
  }
}
