import type {
  CartInput,
  CartLineInput,
  SaleLineView,
  SaleTotals,
  SaleView,
} from '../../shared/api/sales-endpoints.js';
import {
  lineEditsFromStored,
  lineFields,
  NO_LINE_EDITS,
  NO_SALE_EDITS,
  sameDiscount,
  saleEditsFromStored,
  saleFields,
  type LineEdits,
  type SaleEdits,
} from './line-edits.js';

/**
 * The cart as the till holds it: the lines the cashier asked for (ids made by the till, UUIDv7), and the
 * hub's computed sale for the last cart it accepted. The till never computes a figure: amounts and totals
 * are shown only from the hub's view, and a line the hub has not priced yet shows as pending. Every
 * function here is pure; CartSync sends the cart and feeds the answers back.
 */
export interface LocalLine {
  id: string;
  productId: string;
  /** As the catalog named it when added; the hub's name wins once it answers. */
  name: string;
  /** Pieces, or grams for a weighed line; null for a scale label, whose quantity the hub reads from it. */
  quantity: number | null;
  /** Only for price- or weight-embedded labels: the hub decodes the label itself. */
  scannedCode: string | null;
  /** A weighed line's grams came from the till's scale or were typed; null for pieces and labels. */
  weightSource: WeightSource | null;
  /** Price override, discount, note (cart-edits.ts). */
  edits: LineEdits;
}

export type WeightSource = 'scale' | 'manual';

export type SyncState =
  /** The hub holds exactly this cart. */
  | 'synced'
  /** A change is on its way (or waiting for the one in flight). */
  | 'pending'
  /** The hub did not answer: the cart is kept here and sent again. */
  | 'offline';

export interface CartState {
  saleId: string;
  lines: readonly LocalLine[];
  /** Bumped by every local change. */
  revision: number;
  /** The hub's last answer, and the local revision it answers. */
  hub: SaleView | null;
  hubRevision: number;
  /** The lines the hub last accepted: what a refused change falls back to. */
  accepted: readonly LocalLine[];
  sync: SyncState;
  /** Sale discount, note and customer (cart-edits.ts), and what the hub last accepted of them. */
  sale: SaleEdits;
  acceptedSale: SaleEdits;
}

export const MAX_QUANTITY = 9_999;

export function emptyCart(saleId: string): CartState {
  return {
    saleId,
    lines: [],
    revision: 0,
    hub: null,
    hubRevision: 0,
    accepted: [],
    sync: 'synced',
    sale: NO_SALE_EDITS,
    acceptedSale: NO_SALE_EDITS,
  };
}

/** A local change to the lines (or, with the same lines, to the sale's fields): a new revision to send. */
export function changed(state: CartState, lines: readonly LocalLine[]): CartState {
  return {
    ...state,
    lines,
    revision: state.revision + 1,
    sync: state.sync === 'offline' ? 'offline' : 'pending',
  };
}

export interface ProductToAdd {
  productId: string;
  name: string;
  /** The scanned code when it is a label carrying price or weight. */
  labelCode?: string;
}

/**
 * Adds a product: a label is always a line of its own; a plain product adds one to the line that already
 * holds it (the newest), or starts a line with `newLineId`.
 */
export function addProduct(state: CartState, product: ProductToAdd, newLineId: string): CartState {
  if (product.labelCode === undefined) {
    const same = [...state.lines]
      .reverse()
      .find(
        (l) =>
          l.productId === product.productId &&
          l.scannedCode === null &&
          l.weightSource === null &&
          l.quantity !== null,
      );
    if (same?.quantity != null && same.quantity < MAX_QUANTITY) {
      return setQuantity(state, same.id, same.quantity + 1);
    }
  }
  const line: LocalLine = {
    id: newLineId,
    productId: product.productId,
    name: product.name,
    quantity: product.labelCode === undefined ? 1 : null,
    scannedCode: product.labelCode ?? null,
    weightSource: null,
    edits: NO_LINE_EDITS,
  };
  return changed(state, [...state.lines, line]);
}

/** Adds a weighed product as a line of its own: `grams` (a positive integer) from the scale or typed. */
export function addWeighed(
  state: CartState,
  product: ProductToAdd,
  grams: number,
  source: WeightSource,
  newLineId: string,
): CartState {
  if (!Number.isSafeInteger(grams) || grams <= 0) return state;
  const line: LocalLine = {
    id: newLineId,
    productId: product.productId,
    name: product.name,
    quantity: grams,
    scannedCode: null,
    weightSource: source,
    edits: NO_LINE_EDITS,
  };
  return changed(state, [...state.lines, line]);
}

/** Sets a piece quantity (1..MAX_QUANTITY); label, weighed and unknown lines are left as they are. */
export function setQuantity(state: CartState, lineId: string, quantity: number): CartState {
  const line = state.lines.find((l) => l.id === lineId);
  if (!line || line.quantity === null || line.weightSource !== null || !Number.isSafeInteger(quantity))
    return state;
  const next = Math.min(MAX_QUANTITY, Math.max(1, quantity));
  if (next === line.quantity) return state;
  return changed(
    state,
    state.lines.map((l) => (l.id === lineId ? { ...l, quantity: next } : l)),
  );
}

export function removeLine(state: CartState, lineId: string): CartState {
  if (!state.lines.some((l) => l.id === lineId)) return state;
  return changed(
    state,
    state.lines.filter((l) => l.id !== lineId),
  );
}

/** What to send for the current cart: a create the first time, then a full replacement at a version. */
export type CartRequest =
  | { kind: 'create'; saleId: string; revision: number; cart: CartInput }
  | { kind: 'replace'; saleId: string; revision: number; expectedVersion: number; cart: CartInput };

export function cartRequest(state: CartState): CartRequest | null {
  if (state.sync === 'synced') return null;
  const lines = state.lines.map((l): CartLineInput => ({
    id: l.id,
    productId: l.productId,
    ...(l.quantity === null ? {} : { quantity: l.quantity }),
    ...(l.scannedCode === null ? {} : { scannedCode: l.scannedCode }),
    ...(l.weightSource === null ? {} : { weightSource: l.weightSource }),
    ...lineFields(l.edits),
  }));
  const cart: CartInput = { lines, ...saleFields(state.sale) };
  if (state.hub === null) {
    // Nothing to create yet: an empty cart is the same as no sale.
    if (lines.length === 0) return null;
    return { kind: 'create', saleId: state.saleId, revision: state.revision, cart };
  }
  return {
    kind: 'replace',
    saleId: state.saleId,
    revision: state.revision,
    expectedVersion: state.hub.version,
    cart,
  };
}

/** The hub accepted the cart sent at `revision`. */
export function hubAccepted(state: CartState, view: SaleView, revision: number): CartState {
  const upToDate = revision === state.revision;
  return {
    ...state,
    hub: view,
    hubRevision: revision,
    accepted: upToDate ? state.lines : state.accepted,
    acceptedSale: upToDate ? state.sale : state.acceptedSale,
    sync: upToDate ? 'synced' : 'pending',
  };
}

/** The hub read without a change (a fresh GET after a conflict): only the version and figures move. */
export function hubRead(state: CartState, view: SaleView): CartState {
  return { ...state, hub: view, sync: state.sync === 'synced' ? 'pending' : state.sync };
}

/**
 * The hub refused the cart (a business rule, a missing permission): the cart goes back to what the hub
 * last accepted; the caller shows why.
 */
export function hubRefused(state: CartState): CartState {
  return {
    ...state,
    lines: state.accepted,
    sale: state.acceptedSale,
    revision: state.revision + 1,
    sync: 'synced',
    hubRevision: state.revision + 1,
  };
}

/** No answer: keep everything, mark it offline; it is sent again with the same ids. */
export function hubUnreachable(state: CartState): CartState {
  return { ...state, sync: 'offline' };
}

/** Back from offline: the next send may go. */
export function retrying(state: CartState): CartState {
  return state.sync === 'offline' ? { ...state, sync: 'pending' } : state;
}

export interface CartLineDisplay {
  id: string;
  name: string;
  quantity: number | null;
  measured: boolean;
  /** The hub's line total, or null while the hub has not priced this line as it stands. */
  totalMinor: number | null;
  unitPriceMinor: number | null;
  /** The catalog price, shown struck through when a price override stands (hub figures only). */
  catalogPriceMinor: number | null;
  /** The discount asked for (shown as "10 %" or an amount), and what the hub took off for it. */
  discount: LineEdits['discount'];
  discountMinor: number | null;
  note: string;
  /** The promotions the hub applied to this line, by name, with what each took off (hub figures only). */
  promotions: SaleLineView['promotions'];
}

/** True when the hub's line is the line as the till holds it: same quantity, price and discount. */
function describes(line: LocalLine, hub: SaleLineView): boolean {
  const price =
    line.edits.unitPriceMinor === null
      ? hub.unitPriceMinor === hub.catalogPriceMinor
      : hub.unitPriceMinor === line.edits.unitPriceMinor;
  return (
    (line.quantity === null || hub.quantity === line.quantity) &&
    price &&
    sameDiscount(line.edits.discount, hub.discount)
  );
}

/** The lines to show: local intent, with the hub's figures wherever they describe the same line. */
export function displayLines(state: CartState): CartLineDisplay[] {
  const hubLines = new Map<string, SaleLineView>(
    (state.hub?.lines ?? []).filter((l) => l.status === 'active').map((l) => [l.id, l]),
  );
  const fresh = state.sync === 'synced';
  return state.lines.map((line) => {
    const hub = hubLines.get(line.id);
    const current = hub !== undefined && describes(line, hub) && (fresh || line.quantity !== null);
    return {
      id: line.id,
      name: hub?.name ?? line.name,
      quantity: line.quantity ?? hub?.quantity ?? null,
      measured: hub?.measured ?? line.weightSource !== null,
      totalMinor: current ? hub.totalMinor : null,
      unitPriceMinor: current ? hub.unitPriceMinor : null,
      catalogPriceMinor: current ? hub.catalogPriceMinor : null,
      discount: line.edits.discount,
      discountMinor: current ? hub.lineDiscountMinor : null,
      note: line.edits.note,
      promotions: current ? hub.promotions : [],
    };
  });
}

/** The hub's totals when they describe the cart on screen; null while a change is on its way. */
export function currentTotals(state: CartState): SaleTotals | null {
  if (state.sync !== 'synced' || state.hub === null || state.lines.length === 0) return null;
  return state.hub.totals;
}

export function canPay(state: CartState): boolean {
  return currentTotals(state) !== null && (state.hub?.totals.toPayMinor ?? 0) > 0;
}

/** What a till keeps in localStorage so a reload or a crash does not lose the cart. */
export interface StoredCart {
  saleId: string;
  lines: LocalLine[];
  sale: SaleEdits;
}

export function toStored(state: CartState): StoredCart {
  return { saleId: state.saleId, lines: [...state.lines], sale: state.sale };
}

export function fromStored(value: unknown): CartState | null {
  if (typeof value !== 'object' || value === null) return null;
  const { saleId, lines, sale } = value as Record<string, unknown>;
  if (typeof saleId !== 'string' || !Array.isArray(lines)) return null;
  const parsed: LocalLine[] = [];
  for (const raw of lines) {
    if (typeof raw !== 'object' || raw === null) return null;
    const l = raw as Record<string, unknown>;
    if (
      typeof l.id !== 'string' ||
      typeof l.productId !== 'string' ||
      typeof l.name !== 'string' ||
      (l.quantity !== null && typeof l.quantity !== 'number') ||
      (l.scannedCode !== null && typeof l.scannedCode !== 'string')
    ) {
      return null;
    }
    // Carts stored before weighed lines existed have no weightSource: they held pieces and labels only.
    const source = l.weightSource === 'scale' || l.weightSource === 'manual' ? l.weightSource : null;
    parsed.push({
      id: l.id,
      productId: l.productId,
      name: l.name,
      quantity: l.quantity,
      scannedCode: l.scannedCode,
      weightSource: source,
      edits: lineEditsFromStored(l.edits),
    });
  }
  const empty = emptyCart(saleId);
  // The hub may or may not have the sale: the next send creates it or finds it (409 -> read -> replace).
  return parsed.length === 0
    ? empty
    : { ...empty, lines: parsed, sale: saleEditsFromStored(sale), revision: 1, sync: 'pending' };
}
