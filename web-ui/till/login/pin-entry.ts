/**
 * The PIN being typed, as a value: pure transitions for the on-screen pad and the keyboard alike, so both
 * behave the same and the rules are unit-tested. The hub accepts PINs of 1-12 digits.
 */
export const MAX_PIN_LENGTH = 12;
/** Shorter PINs are not sent: the demo and presets issue 4-8 digits, and a 1-digit guess is a slip. */
export const MIN_PIN_LENGTH = 4;

export type PinKey = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | 'back' | 'clear';

export function pressPinKey(pin: string, key: PinKey): string {
  switch (key) {
    case 'back':
      return pin.slice(0, -1);
    case 'clear':
      return '';
    default:
      return pin.length >= MAX_PIN_LENGTH ? pin : pin + key;
  }
}

/** Maps a keyboard key to a pad key; null for keys the pad does not handle (Enter is submit). */
export function pinKeyFromKeyboard(key: string): PinKey | null {
  if (/^[0-9]$/.test(key)) return key as PinKey;
  if (key === 'Backspace') return 'back';
  if (key === 'Escape' || key === 'Delete') return 'clear';
  return null;
}

export function canSubmitPin(pin: string): boolean {
  return pin.length >= MIN_PIN_LENGTH && pin.length <= MAX_PIN_LENGTH;
}

/** When a lock-out ends, from the hub's retryAfterSeconds and the time the answer arrived. */
export function lockedUntil(nowMs: number, retryAfterSeconds: number): number {
  return nowMs + Math.ceil(retryAfterSeconds) * 1000;
}

/** Whole seconds left of a lock-out (0 when it is over). */
export function secondsLeft(untilMs: number, nowMs: number): number {
  return Math.max(0, Math.ceil((untilMs - nowMs) / 1000));
}
