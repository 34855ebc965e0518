import { msg } from '@lit/localize';

/** What the cashier can do to the cart beside adding products and paying. */
export type LineAction = 'quantity' | 'line-discount' | 'price' | 'line-note' | 'void-line';
export type SaleAction =
  'customer' | 'coupon' | 'sale-discount' | 'sale-note' | 'park' | 'recall' | 'void-sale';
export type CartAction = LineAction | SaleAction;

export interface Shortcut {
  key: string;
  alt?: boolean;
}

export interface CartActionEntry<A extends CartAction = CartAction> {
  action: A;
  shortcut: Shortcut;
  label: () => string;
}

/**
 * The line actions act on the selected line (the newest one unless the cashier picked another with a
 * tap or Alt+↑/↓). Function keys for what a cashier does many times an hour; Alt+letter for the rest.
 * F2 (search), F6-F8 (modes) and F12 (pay) are taken elsewhere.
 */
export const LINE_ACTIONS: readonly CartActionEntry<LineAction>[] = [
  { action: 'quantity', shortcut: { key: 'F3' }, label: () => msg('Quantity') },
  { action: 'line-discount', shortcut: { key: 'F4' }, label: () => msg('Discount') },
  { action: 'price', shortcut: { key: 'F9' }, label: () => msg('Price') },
  { action: 'line-note', shortcut: { key: 'F10' }, label: () => msg('Note') },
  { action: 'void-line', shortcut: { key: 'Delete' }, label: () => msg('Remove') },
];

export const SALE_ACTIONS: readonly CartActionEntry<SaleAction>[] = [
  { action: 'customer', shortcut: { key: 'c', alt: true }, label: () => msg('Customer') },
  { action: 'coupon', shortcut: { key: 'o', alt: true }, label: () => msg('Coupon') },
  { action: 'sale-discount', shortcut: { key: 'd', alt: true }, label: () => msg('Sale discount') },
  { action: 'sale-note', shortcut: { key: 'n', alt: true }, label: () => msg('Sale note') },
  { action: 'park', shortcut: { key: 'p', alt: true }, label: () => msg('Park') },
  { action: 'recall', shortcut: { key: 'r', alt: true }, label: () => msg('Recall') },
  { action: 'void-sale', shortcut: { key: 'v', alt: true }, label: () => msg('Void sale') },
];

const ALL: readonly CartActionEntry[] = [...LINE_ACTIONS, ...SALE_ACTIONS];

/** "F4", "Alt+P": as shown on buttons and in the footer, and for aria-keyshortcuts. */
export function shortcutText(shortcut: Shortcut): string {
  return shortcut.alt === true ? `Alt+${shortcut.key.toUpperCase()}` : shortcut.key;
}

export interface KeyPress {
  key: string;
  /** KeyboardEvent.code ("KeyP"): Alt with a letter gives another key on some layouts (Alt+P = π on a Mac). */
  code: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}

function matches(shortcut: Shortcut, press: KeyPress): boolean {
  if (press.ctrlKey || press.metaKey || press.altKey !== (shortcut.alt === true)) return false;
  if (shortcut.alt === true) return press.code === `Key${shortcut.key.toUpperCase()}`;
  return press.key === shortcut.key;
}

/** The cart action a key press asks for, or null. */
export function cartActionForKey(press: KeyPress): CartAction | null {
  return ALL.find((entry) => matches(entry.shortcut, press))?.action ?? null;
}

export function isLineAction(action: CartAction): action is LineAction {
  return LINE_ACTIONS.some((entry) => entry.action === action);
}

/**
 * The line the line actions act on: the one picked, while it is still in the cart; otherwise the newest.
 * `step` moves the pick up (-1) or down (+1), staying within the cart.
 */
export function selectedLine(lineIds: readonly string[], picked: string | null, step = 0): string | null {
  if (lineIds.length === 0) return null;
  const at = picked === null ? -1 : lineIds.indexOf(picked);
  const from = at === -1 ? lineIds.length - 1 : at;
  const to = Math.min(lineIds.length - 1, Math.max(0, from + step));
  return lineIds[to] ?? null;
}

/** Every cart shortcut, for the footer: line actions first, then the sale's. */
export function cartShortcuts(): { keys: string; label: string }[] {
  return [
    { keys: 'Alt+↑ Alt+↓', label: msg('Pick a line') },
    ...[...LINE_ACTIONS, ...SALE_ACTIONS].map((a) => ({ keys: shortcutText(a.shortcut), label: a.label() })),
  ];
}
