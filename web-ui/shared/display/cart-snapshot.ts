import { array, DecodeError, integer, object, oneOf, string, type Json } from '../api/decode.js';

/**
 * What a till publishes, retained, on `pos/<store>/tills/<till>/cart` for its customer display. The hub's
 * broker checks it with CartSnapshotSchema (hub/contract/mqtt.ts); this is the browser's copy without zod,
 * and tests/web-ui/cart-snapshot.test.ts holds the two to the same answers. Every figure is the hub's.
 */
export const CART_STATES = ['idle', 'selling', 'paying', 'done'] as const;
export type CartDisplayState = (typeof CART_STATES)[number];

export interface SnapshotLine {
  id: string;
  name: string;
  /** Pieces, or grams / millilitres when `measured`; null while a scale label is being read. */
  quantity: number | null;
  measured: boolean;
  unitPriceMinor: number | null;
  /** Null while the hub has not priced the line as it stands. */
  totalMinor: number | null;
  /** Taken off this line, 0 for none. */
  discountMinor: number;
}

export interface SnapshotTotals {
  subtotalMinor: number;
  discountMinor: number;
  totalMinor: number;
  roundingMinor: number;
  toPayMinor: number;
  paidMinor: number;
  dueMinor: number;
  changeMinor: number;
}

export interface CartSnapshot {
  state: CartDisplayState;
  saleId: string | null;
  currency: string;
  lines: SnapshotLine[];
  promotions: { name: string; amountMinor: number }[];
  /** Null while a change is on its way to the hub. */
  totals: SnapshotTotals | null;
  receiptCode: string | null;
  receiptUrl: string | null;
  receiptQrPath: string | null;
  at: string;
}

export const SNAPSHOT_TOTALS = [
  'subtotalMinor',
  'discountMinor',
  'totalMinor',
  'roundingMinor',
  'toPayMinor',
  'paidMinor',
  'dueMinor',
  'changeMinor',
] as const satisfies readonly (keyof SnapshotTotals)[];

const MAX_MINOR = 1_000_000_000_000;
const MAX_QUANTITY = 10_000_000;
/** Same rule as RECEIPT_QR_PATH in the contract: only the hub's receipt QR code. */
const RECEIPT_QR_PATH = /^\/r\/[A-Za-z0-9_-][A-Za-z0-9._-]{0,39}\/qr\.svg\?t=[A-Za-z0-9_-]{1,64}$/;

function text(o: Json, key: string, max: number, what: string): string {
  const value = string(o, key, what);
  if (value.length > max) throw new DecodeError(`${what}.${key}: longer than ${String(max)}`);
  return value;
}

function nullableText(o: Json, key: string, max: number, what: string): string | null {
  if (o[key] === null) return null;
  return text(o, key, max, what);
}

function minor(o: Json, key: string, what: string): number {
  const value = integer(o, key, what);
  if (Math.abs(value) > MAX_MINOR) throw new DecodeError(`${what}.${key}: out of range`);
  return value;
}

function nullableMinor(o: Json, key: string, what: string): number | null {
  return o[key] === null ? null : minor(o, key, what);
}

function boolean(o: Json, key: string, what: string): boolean {
  const value = o[key];
  if (typeof value !== 'boolean') throw new DecodeError(`${what}.${key}: expected true or false`);
  return value;
}

function line(value: unknown): SnapshotLine {
  const o = object(value, 'line');
  const quantity = o.quantity === null ? null : integer(o, 'quantity', 'line');
  if (quantity !== null && (quantity < 0 || quantity > MAX_QUANTITY)) {
    throw new DecodeError('line.quantity: out of range');
  }
  return {
    id: text(o, 'id', 64, 'line'),
    name: text(o, 'name', 200, 'line'),
    quantity,
    measured: boolean(o, 'measured', 'line'),
    unitPriceMinor: nullableMinor(o, 'unitPriceMinor', 'line'),
    totalMinor: nullableMinor(o, 'totalMinor', 'line'),
    discountMinor: minor(o, 'discountMinor', 'line'),
  };
}

function totals(value: unknown): SnapshotTotals | null {
  if (value === null) return null;
  const o = object(value, 'totals');
  const entries = SNAPSHOT_TOTALS.map((key) => [key, minor(o, key, 'totals')] as const);
  return Object.fromEntries(entries) as Record<(typeof SNAPSHOT_TOTALS)[number], number>;
}

function bounded(o: Json, key: string, max: number): readonly unknown[] {
  const items = array(o, key, 'snapshot');
  if (items.length > max) throw new DecodeError(`snapshot.${key}: more than ${String(max)}`);
  return items;
}

function receiptUrl(o: Json): string | null {
  const value = nullableText(o, 'receiptUrl', 500, 'snapshot');
  if (value === null) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new DecodeError('snapshot.receiptUrl: not a URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new DecodeError('snapshot.receiptUrl: not http(s)');
  }
  return value;
}

/** Throws DecodeError naming the first bad field. */
export function decodeCartSnapshot(value: unknown): CartSnapshot {
  const o = object(value, 'snapshot');
  const currency = string(o, 'currency', 'snapshot');
  if (!/^[A-Z]{3}$/.test(currency)) throw new DecodeError('snapshot.currency: not an ISO 4217 code');
  const qrPath = nullableText(o, 'receiptQrPath', 200, 'snapshot');
  if (qrPath !== null && !RECEIPT_QR_PATH.test(qrPath)) {
    throw new DecodeError('snapshot.receiptQrPath: not a receipt QR code path');
  }
  return {
    state: oneOf(o, 'state', CART_STATES, 'snapshot'),
    saleId: o.saleId === null ? null : text(o, 'saleId', 64, 'snapshot'),
    currency,
    lines: bounded(o, 'lines', 500).map(line),
    promotions: bounded(o, 'promotions', 50).map((item) => {
      const p = object(item, 'promotion');
      return { name: text(p, 'name', 200, 'promotion'), amountMinor: minor(p, 'amountMinor', 'promotion') };
    }),
    totals: totals(o.totals),
    receiptCode: nullableText(o, 'receiptCode', 40, 'snapshot'),
    receiptUrl: receiptUrl(o),
    receiptQrPath: qrPath,
    at: text(o, 'at', 40, 'snapshot'),
  };
}

/** The snapshot, or null when it is malformed (dropped, as the contract says; never fatal). */
export function parseCartSnapshot(value: unknown): CartSnapshot | null {
  try {
    return decodeCartSnapshot(value);
  } catch (error) {
    if (error instanceof DecodeError) return null;
    throw error;
  }
}
