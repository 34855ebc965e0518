import { z } from '@hono/zod-openapi';
import { DEVICE_KINDS } from '../../contract/mqtt.js';
import { DEVICE_STATUSES } from '../../services/devices/device-machine.js';
import { PROFILE_ID } from '../../services/devices/profiles.js';
import { DEVICE_ROLES } from '../../services/devices/roles.js';
import { TransportSchema } from '../../services/devices/transport.js';
import { PageQuerySchema } from '../router.js';

const Name = z
  .string()
  .trim()
  .min(1)
  .max(80)
  .regex(/^[^\p{Cc}]*$/u, 'No control characters');
const ProfileId = z.string().trim().max(64).regex(PROFILE_ID, 'A lower-case slug such as epson-tm-t20iii');
const Transport = TransportSchema.openapi('DeviceTransport');
const Role = z.enum(DEVICE_ROLES);

export const RegisterSchema = z
  .strictObject({
    id: z.uuid().optional(),
    kind: z.enum(DEVICE_KINDS),
    name: Name,
    profileId: ProfileId,
    transport: Transport,
    tillId: z.uuid().nullable().optional(),
    role: Role.nullable().optional(),
  })
  .openapi('DeviceRegister');

export const UpdateSchema = z
  .strictObject({
    name: Name.optional(),
    profileId: ProfileId.optional(),
    transport: Transport.optional(),
    tillId: z.uuid().nullable().optional(),
    role: Role.nullable().optional(),
  })
  .openapi('DeviceUpdate');

const DisplayLine = z
  .string()
  .max(20)
  .regex(/^[\x20-\x7e]*$/, 'Printable ASCII');
export const TestSchema = z
  .discriminatedUnion('action', [
    z.strictObject({ action: z.literal('print') }),
    z.strictObject({ action: z.literal('kick') }),
    z.strictObject({ action: z.literal('read') }),
    z.strictObject({ action: z.literal('status') }),
    z.strictObject({ action: z.literal('show'), lines: z.tuple([DisplayLine, DisplayLine]).optional() }),
    z.strictObject({
      action: z.literal('payment'),
      amountMinor: z.number().int().min(1).max(10_000).default(100),
      currency: z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 code'),
    }),
  ])
  .openapi('DeviceTest');

export const ListQuery = PageQuerySchema.extend({
  kind: z.enum(DEVICE_KINDS).optional(),
  tillId: z.uuid().optional(),
  status: z.enum(DEVICE_STATUSES).optional(),
});
export const IdParam = z.object({ id: z.uuid() });
export const TillParam = z.object({ tillId: z.uuid() });

const Live = {
  online: z.boolean(),
  lastSeenAt: z.string().nullable(),
  status: z.enum(['ok', 'warning', 'error', 'offline', 'unknown']),
  errors: z.array(z.string()),
  counters: z.record(z.string(), z.number()),
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  model: z.string().nullable(),
  firmware: z.string().nullable(),
  stateAt: z.string().nullable(),
  dropped: z.number().int(),
};
export const LiveSchema = z.object(Live).openapi('DeviceLiveState');
export const LiveWithIdSchema = z.object({ deviceId: z.string(), ...Live }).openapi('DeviceState');

export const DeviceSchema = z
  .object({
    id: z.string(),
    kind: z.enum(DEVICE_KINDS),
    name: z.string(),
    profileId: z.string(),
    transport: Transport.nullable(),
    tillId: z.string().nullable(),
    role: Role.nullable(),
    status: z.enum(DEVICE_STATUSES),
    credentialVersion: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    activatedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    live: LiveSchema,
  })
  .openapi('Device');

export const CredentialsSchema = z
  .object({
    device: DeviceSchema,
    secret: z.string().openapi({ description: 'MQTT password (username = device id); shown only this once' }),
  })
  .openapi('DeviceCredentials');

export const PageSchema = z
  .object({ items: z.array(DeviceSchema), total: z.number().int(), nextOffset: z.number().int().nullable() })
  .openapi('DevicePage');

export const TestResultSchema = z
  .object({
    deviceId: z.string(),
    action: z.string(),
    sentTo: z.string(),
    ok: z.boolean(),
    data: z.record(z.string(), z.unknown()).nullable(),
    error: z.object({ code: z.string(), message: z.string() }).nullable(),
  })
  .openapi('DeviceTestResult');

export const WeightSchema = z
  .object({
    deviceId: z.string(),
    grams: z.number().int().openapi({ description: 'Net weight: the load less the tare' }),
    tareGrams: z.number().int(),
  })
  .openapi('StableWeight');

export const ScaleAdjustParam = z.object({ tillId: z.uuid(), action: z.enum(['tare', 'zero']) });

export const ScaleAdjustedSchema = z
  .object({ deviceId: z.string(), tareGrams: z.number().int(), grams: z.number().int().nullable() })
  .openapi('ScaleAdjusted');
