import { describe, expect, it } from 'vitest';
import type { CartSnapshot } from '../../web-ui/shared/display/cart-snapshot.js';
import { displayPairingStep, shownState, THANKS_MS } from '../../web-ui/display/screen-state.js';
import { DisplayStorage } from '../../web-ui/shared/storage/display-storage.js';
import { TillStorage } from '../../web-ui/shared/storage/till-storage.js';

const AT = Date.parse('2026-06-01T09:00:00.000Z');
const snap = (state: CartSnapshot['state'], at = AT): CartSnapshot => ({
  state,
  saleId: 'S1',
  currency: 'DKK',
  lines: [],
  promotions: [],
  totals: null,
  receiptCode: null,
  receiptUrl: null,
  receiptQrPath: null,
  at: new Date(at).toISOString(),
});

describe('what the customer display shows', () => {
  it('welcomes while nothing arrived, and follows the till otherwise', () => {
    expect(shownState(null, AT, AT)).toBe('idle');
    expect(shownState(snap('selling'), AT, AT + 10 * THANKS_MS)).toBe('selling');
    expect(shownState(snap('paying'), AT, AT)).toBe('paying');
  });

  it('keeps the thank-you up for THANKS_MS after it arrived, then welcomes the next customer', () => {
    expect(shownState(snap('done'), AT + 200, AT + 200)).toBe('done');
    expect(shownState(snap('done'), AT + 200, AT + 200 + THANKS_MS - 1)).toBe('done');
    expect(shownState(snap('done'), AT + 200, AT + 200 + THANKS_MS)).toBe('idle');
  });

  it('does not show a retained thank-you from long ago to a display switched on later', () => {
    expect(shownState(snap('done'), AT + THANKS_MS, AT + THANKS_MS)).toBe('idle');
    // A till clock a little ahead of the display's changes nothing.
    expect(shownState(snap('done', AT + 5_000), AT, AT + 1_000)).toBe('done');
  });

  it('pairs on an approved status with its token, and starts over when the code is spent', () => {
    expect(displayPairingStep({ status: 'pending', displayId: 'D' })).toEqual({ kind: 'wait' });
    expect(displayPairingStep({ status: 'active', displayId: 'D', token: 't' })).toEqual({
      kind: 'paired',
      displayId: 'D',
      token: 't',
    });
    expect(displayPairingStep({ status: 'active', displayId: 'D', token: null })).toEqual({
      kind: 'restart',
    });
    expect(displayPairingStep({ status: 'expired', displayId: 'D' })).toEqual({ kind: 'restart' });
    expect(displayPairingStep({ status: 'revoked', displayId: 'D' })).toEqual({ kind: 'restart' });
  });

  it('keeps its credentials apart from a till’s on the same browser, and reads damage as nothing', () => {
    const map = new Map<string, string>();
    const kv = {
      getItem: (k: string) => map.get(k) ?? null,
      setItem: (k: string, v: string) => void map.set(k, v),
      removeItem: (k: string) => void map.delete(k),
    };
    const display = new DisplayStorage(kv);
    display.credentials = { displayId: 'D', token: 'secret' };
    expect(new TillStorage(kv).credentials).toBeNull();
    expect(display.credentials).toEqual({ displayId: 'D', token: 'secret' });
    map.set('store-hub.display.credentials', '{broken');
    expect(display.credentials).toBeNull();
    display.pending = { displayId: 'D', code: '123456', secret: 's', expiresAt: 'x' };
    expect(display.pending).toMatchObject({ code: '123456' });
    display.pending = null;
    expect(display.pending).toBeNull();
  });
});
