import { describe, expect, it } from 'vitest';
import { IdleLock } from '../../web-ui/till/app/idle-lock.js';
import {
  canSubmitPin,
  lockedUntil,
  MAX_PIN_LENGTH,
  pinKeyFromKeyboard,
  pressPinKey,
  secondsLeft,
} from '../../web-ui/till/login/pin-entry.js';
import {
  groupPairingCode,
  nextPairingStep,
  normalisePairingCode,
} from '../../web-ui/till/pairing/pairing-flow.js';

describe('PIN entry', () => {
  it('types, deletes and clears, and stops at the longest PIN the hub takes', () => {
    let pin = '';
    for (const key of ['1', '2', '3', 'back', '4', '5'] as const) pin = pressPinKey(pin, key);
    expect(pin).toBe('1245');
    expect(pressPinKey(pin, 'clear')).toBe('');
    const full = '9'.repeat(MAX_PIN_LENGTH);
    expect(pressPinKey(full, '1')).toBe(full);
  });

  it('reads digits, Backspace and Escape from the keyboard and ignores the rest', () => {
    expect(pinKeyFromKeyboard('7')).toBe('7');
    expect(pinKeyFromKeyboard('Backspace')).toBe('back');
    expect(pinKeyFromKeyboard('Escape')).toBe('clear');
    expect(pinKeyFromKeyboard('a')).toBeNull();
    expect(pinKeyFromKeyboard('Enter')).toBeNull();
  });

  it('sends only PINs of a plausible length', () => {
    expect(canSubmitPin('123')).toBe(false);
    expect(canSubmitPin('2468')).toBe(true);
  });

  it('counts a lock-out down from the seconds the hub gave', () => {
    const until = lockedUntil(1_000_000, 59.2);
    expect(secondsLeft(until, 1_000_000)).toBe(60);
    expect(secondsLeft(until, 1_000_000 + 59_500)).toBe(1);
    expect(secondsLeft(until, 1_000_000 + 61_000)).toBe(0);
  });
});

describe('pairing', () => {
  it('waits while pending and pairs with the one-time token', () => {
    expect(nextPairingStep({ status: 'pending', tillId: 't', expiresAt: null })).toEqual({ kind: 'wait' });
    expect(nextPairingStep({ status: 'active', tillId: 't', token: 'k', name: 'Front' })).toEqual({
      kind: 'paired',
      tillId: 't',
      token: 'k',
      name: 'Front',
    });
  });

  it('fails plainly when expired, revoked, or approved with the token already taken', () => {
    expect(nextPairingStep({ status: 'expired', tillId: 't' })).toEqual({
      kind: 'failed',
      reason: 'expired',
    });
    expect(nextPairingStep({ status: 'revoked', tillId: 't' })).toEqual({
      kind: 'failed',
      reason: 'revoked',
    });
    expect(nextPairingStep({ status: 'active', tillId: 't', token: null, name: null })).toEqual({
      kind: 'failed',
      reason: 'token-lost',
    });
  });

  it('accepts a code typed with spaces or a dash, and shows it in two groups', () => {
    expect(normalisePairingCode(' 123 456 ')).toBe('123456');
    expect(normalisePairingCode('123-456')).toBe('123456');
    expect(normalisePairingCode('12345')).toBeNull();
    expect(normalisePairingCode('12a456')).toBeNull();
    expect(groupPairingCode('973726')).toBe('973 726');
  });
});

describe('the idle lock', () => {
  function fakeTimers() {
    let now = 0;
    let next = 1;
    const pending = new Map<number, { at: number; run: () => void }>();
    return {
      timers: {
        now: () => now,
        setTimeout: (run: () => void, ms: number) => {
          pending.set(next, { at: now + ms, run });
          return next++;
        },
        clearTimeout: (id: number) => {
          pending.delete(id);
        },
      },
      advance(ms: number) {
        const until = now + ms;
        for (;;) {
          const due = [...pending.entries()]
            .filter(([, t]) => t.at <= until)
            .sort((a, b) => a[1].at - b[1].at)[0];
          if (!due) break;
          pending.delete(due[0]);
          now = due[1].at;
          due[1].run();
        }
        now = until;
      },
      get scheduled() {
        return pending.size;
      },
    };
  }

  it('locks after the idle time and not before', () => {
    const clock = fakeTimers();
    let locked = 0;
    const lock = new IdleLock(60_000, () => locked++, clock.timers);
    lock.arm();
    clock.advance(59_999);
    expect(locked).toBe(0);
    clock.advance(1);
    expect(locked).toBe(1);
    expect(lock.armed).toBe(false);
  });

  it('restarts the wait on activity, with one timer however many keys are pressed', () => {
    const clock = fakeTimers();
    let locked = 0;
    const lock = new IdleLock(60_000, () => locked++, clock.timers);
    lock.arm();
    clock.advance(50_000);
    for (let i = 0; i < 100; i++) lock.activity();
    expect(clock.scheduled).toBe(1);
    clock.advance(50_000);
    expect(locked).toBe(0);
    clock.advance(10_000);
    expect(locked).toBe(1);
  });

  it('does nothing once disarmed (logged out)', () => {
    const clock = fakeTimers();
    let locked = 0;
    const lock = new IdleLock(1_000, () => locked++, clock.timers);
    lock.arm();
    lock.disarm();
    lock.activity();
    clock.advance(10_000);
    expect(locked).toBe(0);
  });
});
