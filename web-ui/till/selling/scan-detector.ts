/**
 * Keyboard-wedge scanners type the barcode as keystrokes and press Enter. They type far faster than any
 * person: a few milliseconds a key, where even a fast typist needs 80-150 ms and reaches 50 ms only for
 * the odd pair of keys. So a run of at least MIN_SCAN_LENGTH printable keys, each within MAX_KEY_GAP_MS
 * of the one before, that ends in Enter within MAX_ENTER_GAP_MS is a scan, wherever the focus is. Anything
 * slower is typing and is left alone. A fast run that stops without Enter (a partial burst) is typing.
 */
export const MAX_KEY_GAP_MS = 50;
/** Some scanners pause a little before the Enter suffix. */
export const MAX_ENTER_GAP_MS = 100;
/** EAN-8 is the shortest retail code; shorter internal codes are typed in the search box instead. */
export const MIN_SCAN_LENGTH = 6;
export const MAX_SCAN_LENGTH = 64;

export type KeyVerdict =
  /** A printable key; `burstStart` is true when it may be the first key of a scan. */
  | { kind: 'char'; burstStart: boolean }
  /** Enter closing a fast burst: the burst's text is the scanned code. */
  | { kind: 'scan'; code: string }
  /** Any other key (Enter after typing, Tab, arrows...): not part of a scan. */
  | { kind: 'other' };

/** Keys that scanners send with characters and that must not break a burst. */
const NEUTRAL = new Set(['Shift', 'CapsLock', 'AltGraph']);

export class ScanDetector {
  #buffer = '';
  #last = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly options: { maxKeyGapMs: number; maxEnterGapMs: number; minLength: number } = {
      maxKeyGapMs: MAX_KEY_GAP_MS,
      maxEnterGapMs: MAX_ENTER_GAP_MS,
      minLength: MIN_SCAN_LENGTH,
    },
  ) {}

  /** Feed every keydown: `key` is KeyboardEvent.key, `at` its timeStamp in milliseconds. */
  key(
    key: string,
    at: number,
    modifiers: { ctrl?: boolean; alt?: boolean; meta?: boolean } = {},
  ): KeyVerdict {
    if (NEUTRAL.has(key)) return { kind: 'other' };
    const gap = at - this.#last;
    if (key === 'Enter') {
      const code = this.#buffer;
      const isScan = code.length >= this.options.minLength && gap <= this.options.maxEnterGapMs;
      this.reset();
      return isScan ? { kind: 'scan', code } : { kind: 'other' };
    }
    if (key.length !== 1 || modifiers.ctrl === true || modifiers.alt === true || modifiers.meta === true) {
      this.reset();
      return { kind: 'other' };
    }
    const continues = this.#buffer.length > 0 && gap <= this.options.maxKeyGapMs;
    this.#buffer = continues ? this.#buffer + key : key;
    if (this.#buffer.length > MAX_SCAN_LENGTH) this.#buffer = this.#buffer.slice(-MAX_SCAN_LENGTH);
    this.#last = at;
    return { kind: 'char', burstStart: !continues };
  }

  /** Length of the run of fast keys so far (0 when none). */
  get pending(): number {
    return this.#buffer.length;
  }

  reset(): void {
    this.#buffer = '';
    this.#last = Number.NEGATIVE_INFINITY;
  }
}
