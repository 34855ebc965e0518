import { z } from 'zod';
import { DEVICE_KINDS, TOPIC_SEGMENT } from '../../hub/contract/mqtt.js';

/**
 * What a driver host runs: one entry per device, as the registry issued it (id, secret) plus where it is
 * plugged in. The same shape feeds the in-hub host (built from the registry) and the lane agent (read from
 * agent.json), so both start devices through one code path.
 */
const SerialTransportSchema = z.strictObject({
  type: z.literal('serial'),
  path: z.string().min(1).max(200),
  /** Overrides of the profile's serial settings, for a scale someone re-programmed. */
  baudRate: z.number().int().min(300).max(921_600).optional(),
  dataBits: z.union([z.literal(7), z.literal(8)]).optional(),
  parity: z.enum(['none', 'even', 'odd']).optional(),
  stopBits: z.union([z.literal(1), z.literal(2)]).optional(),
});
const TcpTransportSchema = z.strictObject({
  type: z.literal('tcp'),
  host: z.string().min(1).max(253),
  port: z.number().int().min(1).max(65_535).default(9100),
});

export const DeviceConfigSchema = z.strictObject({
  id: z.string().regex(TOPIC_SEGMENT, 'letters, digits, ".", "_" or "-", at most 64'),
  secret: z.string().min(8).max(200),
  kind: z.enum(DEVICE_KINDS),
  profile: z.string().min(1).max(80),
  transport: z.discriminatedUnion('type', [SerialTransportSchema, TcpTransportSchema]),
  /** Kind-specific driver settings (see devices/README.md); unknown keys are refused. */
  options: z.record(z.string(), z.unknown()).default({}),
});
export type DeviceConfig = z.infer<typeof DeviceConfigSchema>;
export type DeviceConfigInput = z.input<typeof DeviceConfigSchema>;

export const AgentConfigSchema = z.strictObject({
  hub: z
    .string()
    .regex(/^mqtts?:\/\//, 'an mqtt:// or mqtts:// URL')
    .optional(),
  store: z.string().regex(TOPIC_SEGMENT).optional(),
  dataDir: z.string().max(500).optional(),
  healthIntervalMs: z.number().int().min(100).max(600_000).optional(),
  devices: z
    .array(DeviceConfigSchema)
    .min(1)
    .max(64)
    .refine((list) => new Set(list.map((d) => d.id)).size === list.length, 'device ids must be unique'),
});
export type AgentConfig = z.infer<typeof AgentConfigSchema>;

/** The first problem of a config, named by its path, for a start-up message a technician can act on. */
export function describeConfigError(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid config';
  const path = issue.path.map(String).join('.');
  return `${path === '' ? '(root)' : path}: ${issue.message}`;
}
