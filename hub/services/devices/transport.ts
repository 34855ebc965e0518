import { z } from 'zod';
import { SERIAL_LINE_FIELDS } from '../../../firmware-profiles/schema.js';
import type { DeviceKind } from '../../contract/mqtt.js';

/**
 * How the hub (or a driver host) reaches a device, validated per transport type. The settings are data the
 * driver host opens a port with, so anything not understood is refused here rather than failing on the
 * shop floor. `type` is the discriminator so a stored row says which shape it has.
 */
const Host = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9.:[\]-]+$/, 'A host name or IP address');
const Port = z.number().int().min(1).max(65535);

export const TransportSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('tcp'), host: Host, port: Port }),
  z.strictObject({
    type: z.literal('serial'),
    path: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .regex(/^[^\p{Cc}]+$/u, 'No control characters'),
    ...SERIAL_LINE_FIELDS,
  }),
  z.strictObject({
    type: z.literal('via-printer'),
    printerDeviceId: z.uuid(),
    /** The printer's kick connector pin; the profile's pin (else 2) when absent. */
    pin: z.union([z.literal(2), z.literal(5)]).optional(),
  }),
  z.strictObject({
    type: z.literal('https'),
    host: Host,
    port: Port,
    poiId: z.string().trim().min(1).max(64),
  }),
  z.strictObject({
    type: z.literal('usb'),
    vendorId: z.number().int().min(0).max(0xffff),
    productId: z.number().int().min(0).max(0xffff),
  }),
]);
export type Transport = z.infer<typeof TransportSchema>;
export type TransportType = Transport['type'];

/** Which transports make sense for a kind: a drawer hangs off a printer, a terminal speaks HTTPS. */
export const TRANSPORTS_OF_KIND: Readonly<Record<DeviceKind, readonly TransportType[]>> = {
  printer: ['tcp', 'serial', 'usb'],
  drawer: ['via-printer', 'serial', 'usb'],
  scale: ['serial', 'tcp', 'usb'],
  scanner: ['serial', 'usb', 'tcp'],
  display: ['serial', 'usb', 'tcp'],
  terminal: ['https'],
};

/** A stored transport, re-validated on read: a hand-edited row must not reach a driver unchecked. */
export function parseStoredTransport(json: string): Transport | null {
  const parsed = TransportSchema.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : null;
}
