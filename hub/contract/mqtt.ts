import { z } from 'zod';

/**
 * The MQTT contract, written once and imported by the hub, devices/ and web-ui/. Topic builders and the
 * payload of every topic live here; payloads a device or till sends are parsed with the zod schemas below
 * (unknown fields ignored, malformed payloads dropped and counted by the receiver, never fatal).
 */
export const DEVICE_KINDS = ['printer', 'drawer', 'scale', 'scanner', 'display', 'terminal'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

/** A segment of a topic: ids and names only, so no client can smuggle '/', '+' or '#' into a topic. */
export const TOPIC_SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export const topics = {
  hubState: (store: string) => `pos/${store}/hub/state`,
  deviceState: (store: string, device: string) => `pos/${store}/devices/${device}/state`,
  deviceEvent: (store: string, device: string) => `pos/${store}/devices/${device}/event`,
  deviceCommand: (store: string, device: string) => `pos/${store}/devices/${device}/cmd`,
  deviceReply: (store: string, device: string) => `pos/${store}/devices/${device}/reply`,
  tillEvents: (store: string, till: string) => `pos/${store}/tills/${till}/events`,
  tillCart: (store: string, till: string) => `pos/${store}/tills/${till}/cart`,
  domainEvent: (store: string, name: string) => `pos/${store}/events/${name}`,
} as const;

/** Where a topic points, for the broker's ACL and for routing what arrives. */
export type ParsedTopic =
  | { kind: 'hubState'; store: string }
  | { kind: 'device'; store: string; device: string; channel: 'state' | 'event' | 'cmd' | 'reply' }
  | { kind: 'till'; store: string; till: string; channel: 'events' | 'cart' }
  | { kind: 'domainEvent'; store: string; name: string };

export function parseTopic(topic: string): ParsedTopic | null {
  const parts = topic.split('/');
  if (parts[0] !== 'pos' || parts.length < 4 || parts.length > 5) return null;
  const [, store = '', area = '', id = '', channel] = parts;
  if (!TOPIC_SEGMENT.test(store)) return null;
  if (area === 'hub' && id === 'state' && channel === undefined) return { kind: 'hubState', store };
  if (!TOPIC_SEGMENT.test(id)) return null;
  if (
    area === 'devices' &&
    (channel === 'state' || channel === 'event' || channel === 'cmd' || channel === 'reply')
  ) {
    return { kind: 'device', store, device: id, channel };
  }
  if (area === 'tills' && (channel === 'events' || channel === 'cart'))
    return { kind: 'till', store, till: id, channel };
  if (area === 'events' && channel === undefined) return { kind: 'domainEvent', store, name: id };
  return null;
}

// ---- pos/<store>/hub/state (retained) ----
export interface HubStatePayload {
  online: boolean;
  version: string;
  startedAt: string;
}

// ---- pos/<store>/devices/<device>/state (retained; the last will publishes online:false) ----
export const DeviceStateSchema = z.object({
  online: z.boolean(),
  status: z.enum(['ok', 'warning', 'error', 'offline']),
  model: z.string().max(80),
  profile: z.string().max(80),
  firmware: z.string().max(80).nullable(),
  /** Human-readable problems now (paper out, cover open, over capacity). */
  errors: z.array(z.string().max(200)).max(20).default([]),
  counters: z.record(z.string().max(40), z.number().int()).default({}),
  /** Kind-specific live facts, e.g. {paper:'near_end'} or {drawerOpen:true}. */
  detail: z
    .record(z.string().max(40), z.union([z.string().max(200), z.number(), z.boolean(), z.null()]))
    .default({}),
  at: z.string().max(40),
});
export type DeviceStatePayload = z.infer<typeof DeviceStateSchema>;

// ---- pos/<store>/devices/<device>/event (device -> hub) ----
const At = z.string().max(40);
export const DeviceEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('scan'),
    /** The data as the scanner sent it, without the CR/LF suffix; GS (0x1D) kept for GS1. */
    data: z.string().min(1).max(256),
    /** AIM symbology identifier such as ']E0' or ']C1', when the scanner sends one. */
    symbology: z.string().max(3).nullable(),
    at: At,
  }),
  z.object({
    type: z.literal('weight'),
    grams: z.number().int().min(-1_000_000).max(10_000_000),
    stable: z.boolean(),
    tareGrams: z.number().int().min(0).max(10_000_000),
    condition: z.enum(['ok', 'moving', 'over_capacity', 'under_zero', 'zero', 'error']),
    at: At,
  }),
  z.object({ type: z.literal('drawer'), open: z.boolean(), at: At }),
  z.object({
    type: z.literal('printer'),
    online: z.boolean(),
    paper: z.enum(['ok', 'near_end', 'out']),
    coverOpen: z.boolean(),
    error: z.string().max(200).nullable(),
    at: At,
  }),
  z.object({
    type: z.literal('payment'),
    paymentId: z.string().max(64),
    stage: z.enum([
      'waiting_for_card',
      'card_inserted',
      'pin',
      'processing',
      'approved',
      'declined',
      'cancelled',
      'card_removed',
    ]),
    message: z.string().max(200).nullable(),
    at: At,
  }),
]);
export type DeviceEventPayload = z.infer<typeof DeviceEventSchema>;

// ---- pos/<store>/devices/<device>/cmd (hub -> device) ----
/**
 * Actions by kind. print: ESC/POS bytes rendered by the hub (base64), idempotent by jobId so a resend after
 * a lost reply never prints twice. kick: the printer's drawer pulse. read/zero/tare: the scale. show/clear:
 * the pole display. status/test: any device.
 */
export type DeviceCommandPayload =
  | { id: string; action: 'print'; args: { jobId: string; data: string } }
  | { id: string; action: 'kick'; args: { pin: 2 | 5 } }
  | { id: string; action: 'read'; args: { stableOnly: boolean; timeoutMs: number } }
  | { id: string; action: 'zero' | 'tare' | 'clear' | 'status' | 'test'; args: Record<string, never> }
  | { id: string; action: 'show'; args: { lines: [string, string] } };
export type DeviceAction = DeviceCommandPayload['action'];

export const DeviceCommandSchema = z.object({
  id: z.string().min(1).max(64),
  action: z.enum(['print', 'kick', 'read', 'zero', 'tare', 'clear', 'status', 'test', 'show']),
  args: z.record(z.string(), z.unknown()).default({}),
});

// ---- pos/<store>/devices/<device>/reply (device -> hub) ----
export const DeviceReplySchema = z.object({
  id: z.string().min(1).max(64),
  status: z.enum(['ok', 'error']),
  data: z.record(z.string(), z.unknown()).optional(),
  error: z.object({ code: z.string().max(60), message: z.string().max(500) }).optional(),
});
export type DeviceReplyPayload = z.infer<typeof DeviceReplySchema>;

// ---- pos/<store>/tills/<till>/events (hub -> till) ----
export type TillEventPayload =
  | { type: 'scan'; deviceId: string; data: string; symbology: string | null; at: string }
  | {
      type: 'weight';
      deviceId: string;
      grams: number;
      stable: boolean;
      tareGrams: number;
      condition: string;
      at: string;
    }
  | { type: 'sale'; saleId: string; status: string; at: string }
  | {
      type: 'payment';
      saleId: string;
      paymentId: string;
      status: string;
      stage: string | null;
      message: string | null;
      at: string;
    }
  | { type: 'print'; jobId: string; status: string; error: string | null; at: string }
  | {
      type: 'device';
      deviceId: string;
      kind: DeviceKind;
      role: string;
      state: DeviceStatePayload;
      at: string;
    };

// ---- pos/<store>/tills/<till>/cart (till -> customer display, retained) ----
/**
 * What the customer sees, published by the till whenever its cart, a payment or the finished sale
 * changes. Every figure is the hub's (the till never computes one): a line or the totals the hub has not
 * answered for yet are null and show as pending. `state`: 'idle' no sale, 'selling' lines being rung up,
 * 'paying' money taken or being taken, 'done' completed (thank-you, change, e-receipt link). The browser
 * reads it with web-ui/shared/display/cart-snapshot.ts, which must accept exactly what this accepts
 * (tests/web-ui/cart-snapshot.test.ts). Unknown fields are ignored, a malformed snapshot is dropped.
 */
/** `/r/<receipt code>/qr.svg?t=<token>`: the e-receipt QR code the hub serves. */
export const RECEIPT_QR_PATH = /^\/r\/[A-Za-z0-9_-][A-Za-z0-9._-]{0,39}\/qr\.svg\?t=[A-Za-z0-9_-]{1,64}$/;
const Minor = z.number().int().min(-1_000_000_000_000).max(1_000_000_000_000);
export const CART_STATES = ['idle', 'selling', 'paying', 'done'] as const;
export const CartSnapshotSchema = z.object({
  state: z.enum(CART_STATES),
  saleId: z.string().max(64).nullable(),
  currency: z.string().regex(/^[A-Z]{3}$/),
  lines: z
    .array(
      z.object({
        id: z.string().max(64),
        name: z.string().max(200),
        /** Pieces, or grams / millilitres when `measured`; null while a scale label is being read. */
        quantity: z.number().int().min(0).max(10_000_000).nullable(),
        measured: z.boolean(),
        unitPriceMinor: Minor.nullable(),
        /** Null while the hub has not priced the line as it stands. */
        totalMinor: Minor.nullable(),
        /** Taken off this line (its own discount and its share of a sale discount), 0 for none. */
        discountMinor: Minor,
      }),
    )
    .max(500),
  /** Price reductions by name (promotions, a sale discount), shown under the lines. */
  promotions: z.array(z.object({ name: z.string().max(200), amountMinor: Minor })).max(50),
  totals: z
    .object({
      subtotalMinor: Minor,
      discountMinor: Minor,
      totalMinor: Minor,
      roundingMinor: Minor,
      toPayMinor: Minor,
      paidMinor: Minor,
      dueMinor: Minor,
      changeMinor: Minor,
    })
    .nullable(),
  receiptCode: z.string().max(40).nullable(),
  /** The e-receipt page (public, unguessable) for the QR code on the thank-you screen. */
  receiptUrl: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .nullable(),
  /**
   * The hub's own path of that QR code as SVG (same origin as /display, no credentials needed). Only
   * that shape, so a snapshot cannot point the display's image at anything else (no '..', no '%2e').
   */
  receiptQrPath: z.string().max(200).regex(RECEIPT_QR_PATH).nullable(),
  at: z.string().max(40),
});
export type CartSnapshotPayload = z.infer<typeof CartSnapshotSchema>;

/** Broker limits, shared so devices know them. */
export const MQTT_LIMITS = {
  maxTopicLevels: 6,
  maxPayloadBytes: 256 * 1024,
  maxConnectAttemptsPerMinutePerAddress: 30,
} as const;
