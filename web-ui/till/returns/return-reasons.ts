import { msg } from '@lit/localize';

/**
 * Why goods come back. The hub stores the reason with each returned line (and prints it), so the stored
 * value is a stable key that reports can group and translate; "other" takes the cashier's own words.
 * `restock` is what the reason implies for the shelf: a faulty or damaged item is written off unless the
 * cashier says otherwise; null leaves the choice as it is.
 */
export interface ReturnReason {
  key: string;
  label: () => string;
  restock: boolean | null;
}

export const RETURN_REASONS: readonly ReturnReason[] = [
  { key: 'changed-mind', label: () => msg('Changed mind'), restock: true },
  { key: 'wrong-item', label: () => msg('Wrong size or item'), restock: true },
  { key: 'faulty', label: () => msg('Faulty'), restock: false },
  { key: 'damaged', label: () => msg('Damaged'), restock: false },
  { key: 'exchange', label: () => msg('Exchange'), restock: true },
];

export function reasonByKey(key: string): ReturnReason | null {
  return RETURN_REASONS.find((r) => r.key === key) ?? null;
}
