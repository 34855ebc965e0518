import type {
  RefundChoice,
  ReturnableSale,
  ReturnQuote,
  ReturnRequest,
} from '../../shared/api/returns-endpoints.js';

/**
 * What the cashier picks on the return screen, as plain data: which lines of the receipt (or, without a
 * receipt, which products) come back, how many, and whether each goes back on the shelf. The hub decides
 * every figure and every refusal; this only keeps the choice within what the receipt still allows, so
 * the screen never offers a quantity the hub would refuse.
 */

export interface ReturnableLine {
  /** The original sale line (receipt) or the product (blind return). */
  key: string;
  name: string;
  sold: number;
  returned: number;
  /** What can still come back: sold minus returned (a blind line: no limit but MAX_BLIND_QUANTITY). */
  left: number;
  measured: boolean;
  /** What the line cost on the receipt (all units), for orientation; the refund is the hub's quote. */
  paidMinor: number | null;
}

export interface LineChoice {
  quantity: number;
  restock: boolean;
}

export interface ReturnSelection {
  /** The receipt code the cashier found, or null for a blind return. */
  receiptCode: string | null;
  lines: readonly ReturnableLine[];
  choices: ReadonlyMap<string, LineChoice>;
  reason: string;
  /** What a newly picked line gets: the reason decides (a faulty item does not go back on the shelf). */
  restockDefault: boolean;
  refund: RefundChoice;
}

/** A blind return names what comes back one product at a time; more than this is a typing slip. */
export const MAX_BLIND_QUANTITY = 99;

export function receiptSelection(code: string, found: ReturnableSale): ReturnSelection {
  const lines = found.sale.lines
    .filter((l) => l.status === 'active')
    .map((l): ReturnableLine => {
      const returned = found.returned.get(l.id) ?? 0;
      return {
        key: l.id,
        name: l.name,
        sold: l.quantity,
        returned,
        left: Math.max(0, l.quantity - returned),
        measured: l.measured,
        paidMinor: l.totalMinor,
      };
    });
  return {
    receiptCode: code,
    lines,
    choices: new Map(),
    reason: '',
    restockDefault: true,
    refund: { kind: 'original' },
  };
}

export function blindSelection(): ReturnSelection {
  // No receipt: the hub refunds to cash, so that is the choice shown.
  return {
    receiptCode: null,
    lines: [],
    choices: new Map(),
    reason: '',
    restockDefault: true,
    refund: { kind: 'original' },
  };
}

/** Adds a product to a blind return, or one more of it when it is there already. */
export function addBlindProduct(
  selection: ReturnSelection,
  product: { id: string; name: string },
): ReturnSelection {
  const existing = selection.lines.find((l) => l.key === product.id);
  if (existing) return setQuantity(selection, product.id, quantityOf(selection, product.id) + 1);
  const line: ReturnableLine = {
    key: product.id,
    name: product.name,
    sold: 0,
    returned: 0,
    left: MAX_BLIND_QUANTITY,
    measured: false,
    paidMinor: null,
  };
  return setQuantity({ ...selection, lines: [...selection.lines, line] }, product.id, 1);
}

export function quantityOf(selection: ReturnSelection, key: string): number {
  return selection.choices.get(key)?.quantity ?? 0;
}

/** Sets a line's quantity, kept between 0 and what is left; measured lines come back whole or not at all. */
export function setQuantity(selection: ReturnSelection, key: string, quantity: number): ReturnSelection {
  const line = selection.lines.find((l) => l.key === key);
  if (!line || !Number.isSafeInteger(quantity)) return selection;
  const wanted = line.measured ? (quantity > 0 ? line.left : 0) : quantity;
  const clamped = Math.min(Math.max(0, wanted), line.left);
  const choices = new Map(selection.choices);
  const before = choices.get(key);
  if (clamped === 0) choices.delete(key);
  else choices.set(key, { quantity: clamped, restock: before?.restock ?? selection.restockDefault });
  // A blind line taken down to nothing leaves the list: it was only there because it was scanned.
  const dropped = clamped === 0 && selection.receiptCode === null;
  const lines = dropped ? selection.lines.filter((l) => l.key !== key) : selection.lines;
  return { ...selection, lines, choices };
}

/** The reason for every line; a reason that means "cannot be sold again" takes every line off the shelf. */
export function setReason(
  selection: ReturnSelection,
  reason: string,
  restock: boolean | null,
): ReturnSelection {
  if (restock === null) return { ...selection, reason };
  const choices = new Map([...selection.choices].map(([k, c]) => [k, { ...c, restock }] as const));
  return { ...selection, reason, choices, restockDefault: restock };
}

export function setRefund(selection: ReturnSelection, refund: RefundChoice): ReturnSelection {
  return { ...selection, refund };
}

export function setRestock(selection: ReturnSelection, key: string, restock: boolean): ReturnSelection {
  const choice = selection.choices.get(key);
  if (!choice) return selection;
  return { ...selection, choices: new Map(selection.choices).set(key, { ...choice, restock }) };
}

/** Everything still returnable on the receipt, each line in full. */
export function returnEverything(selection: ReturnSelection): ReturnSelection {
  return selection.lines.reduce((acc, l) => setQuantity(acc, l.key, l.left), selection);
}

export function hasChoice(selection: ReturnSelection): boolean {
  return [...selection.choices.values()].some((c) => c.quantity > 0);
}

/**
 * The request for the hub, or null while nothing is picked or no reason is given. `totalMinor` is the
 * quoted total: an explicit refund tender must carry exactly that amount (the hub rounds cash itself).
 */
export function returnRequest(selection: ReturnSelection, totalMinor: number | null): ReturnRequest | null {
  const reason = selection.reason.trim();
  if (!hasChoice(selection) || reason === '') return null;
  const lines = selection.lines.flatMap((l) => {
    const choice = selection.choices.get(l.key);
    if (!choice || choice.quantity === 0) return [];
    const target = selection.receiptCode === null ? { productId: l.key } : { originalLineId: l.key };
    return [{ ...target, quantity: choice.quantity, restock: choice.restock, reason }];
  });
  const base: ReturnRequest =
    selection.receiptCode === null ? { lines } : { originalReceiptCode: selection.receiptCode, lines };
  if (selection.refund.kind === 'original' || totalMinor === null || totalMinor <= 0) return base;
  return { ...base, refunds: [{ tenderId: selection.refund.tenderId, amountMinor: totalMinor }] };
}

/**
 * The request to quote: the figures do not depend on the reason, so they are shown before one is picked
 * (the hub wants a reason on every line; this one is never stored).
 */
export function quoteRequest(selection: ReturnSelection, totalMinor: number | null): ReturnRequest | null {
  return returnRequest({ ...selection, reason: selection.reason.trim() || 'quote' }, totalMinor);
}

/** The permissions the quoted return needs that this cashier does not hold (a supervisor approves them). */
export function missingPermissions(quote: ReturnQuote, held: readonly string[]): string[] {
  return quote.permissions.filter((p) => !held.includes(p));
}

/** A printed receipt code ("3-127") or its Code 128 barcode ("R00300000127"), as the hub takes them. */
export function looksLikeReceiptCode(text: string): boolean {
  const t = text.trim();
  return /^[1-9]\d{0,5}-[1-9]\d{0,9}$/.test(t) || /^R\d{11}$/i.test(t);
}
