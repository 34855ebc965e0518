import { msg } from '@lit/localize';

/** What the till is doing: each mode is one screen. */
export type TillMode = 'sell' | 'returns' | 'cash';

export interface TillModeEntry {
  mode: TillMode;
  /** The function key that switches to it from anywhere, shown on its tab. */
  key: string;
  label: () => string;
}

/** The mode switch's entries in order. A new mode is one entry here and one screen in till-app. */
export const TILL_MODES: readonly TillModeEntry[] = [
  { mode: 'sell', key: 'F6', label: () => msg('Sell') },
  { mode: 'returns', key: 'F7', label: () => msg('Returns') },
  { mode: 'cash', key: 'F8', label: () => msg('Cash') },
];

export function tillModeFor(value: string): TillMode | null {
  return TILL_MODES.find((m) => m.mode === value)?.mode ?? null;
}

/** The mode a function key switches to, or null. */
export function tillModeForKey(key: string): TillMode | null {
  return TILL_MODES.find((m) => m.key === key)?.mode ?? null;
}
