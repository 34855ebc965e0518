import { z } from 'zod';
import {
  DeviceCommandSchema,
  DeviceReplySchema,
  type DeviceCommandPayload,
  type DeviceReplyPayload,
} from '../../hub/contract/mqtt.js';
import type { DeviceDriver } from '../driver.js';

/**
 * Turns a cmd payload into a typed command. The contract's schema checks the envelope; the args of each
 * action are checked here so a driver never sees a read without a timeout or a show without two lines.
 * `holder` (optional, any action) names who wants exclusive use, e.g. the till weighing an item.
 */
const Text = z.string().max(200);
const ARGS = {
  print: z.object({ jobId: z.string().min(1).max(64), data: z.string().max(360_000) }),
  kick: z.object({ pin: z.union([z.literal(2), z.literal(5)]) }),
  read: z.object({
    stableOnly: z.boolean().default(true),
    timeoutMs: z.number().int().min(0).max(60_000).default(5000),
  }),
  show: z.object({ lines: z.tuple([Text, Text]) }),
} as const;
const Holder = z.object({ holder: z.string().min(1).max(64).optional() });

export type ParsedCommand =
  | { ok: true; command: DeviceCommandPayload; holder: string | null }
  /** `id` is null when the payload carried no usable id: nobody to answer, so it is dropped. */
  | { ok: false; id: string | null; message: string };

function idOf(json: unknown): string | null {
  if (typeof json !== 'object' || json === null || !('id' in json)) return null;
  const id = json.id;
  return typeof id === 'string' && id.length > 0 && id.length <= 64 ? id : null;
}

export function parseCommand(payload: Buffer): ParsedCommand {
  let json: unknown;
  try {
    json = JSON.parse(payload.toString('utf8'));
  } catch {
    return { ok: false, id: null, message: 'not JSON' };
  }
  const envelope = DeviceCommandSchema.safeParse(json);
  if (!envelope.success)
    return { ok: false, id: idOf(json), message: envelope.error.issues[0]?.message ?? 'invalid' };
  const { id, action, args } = envelope.data;
  const holder = Holder.safeParse(args);
  if (!holder.success) return { ok: false, id, message: 'holder must be a string of 1 to 64 characters' };
  const base = { ok: true as const, holder: holder.data.holder ?? null };
  const bad = (error: z.ZodError) => ({
    ok: false as const,
    id,
    message: `${action}: ${error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
  });
  switch (action) {
    case 'print':
    case 'kick':
    case 'read':
    case 'show': {
      const parsed = ARGS[action].safeParse(args);
      if (!parsed.success) return bad(parsed.error);
      // The schema for `action` produced exactly that action's args; TS cannot correlate the two.
      return { ...base, command: { id, action, args: parsed.data } as DeviceCommandPayload };
    }
    case 'zero':
    case 'tare':
    case 'clear':
    case 'status':
    case 'test':
      return { ...base, command: { id, action, args: {} } };
  }
}

const COMMAND_CLAIM_MS = 5000;

export type CommandOutcome = { reply: DeviceReplyPayload } | { dropped: string };

/**
 * One cmd payload to one reply. Every command runs under a claim (its holder, or the command itself), so
 * a till weighing an item has the scale to itself; a driver that throws becomes an error reply, never a
 * crash of the host.
 */
export async function runCommand(
  driver: DeviceDriver,
  payload: Buffer,
  unavailable: string | null,
): Promise<CommandOutcome> {
  const parsed = parseCommand(payload);
  const error = (id: string, code: string, message: string): CommandOutcome => ({
    reply: { id, status: 'error', error: { code, message: message.slice(0, 500) } },
  });
  if (!parsed.ok) {
    return parsed.id === null ? { dropped: parsed.message } : error(parsed.id, 'BAD_COMMAND', parsed.message);
  }
  const { command } = parsed;
  if (unavailable !== null) return error(command.id, 'DEVICE_UNAVAILABLE', unavailable);
  const holder = parsed.holder ?? `cmd:${command.id}`;
  const wait = command.action === 'read' ? Math.max(command.args.timeoutMs, 1) : COMMAND_CLAIM_MS;
  if (!(await driver.claim(holder, wait)))
    return error(command.id, 'CLAIMED', 'another holder is using the device');
  try {
    const reply = await driver.execute(command);
    const valid = DeviceReplySchema.safeParse({ ...reply, id: command.id });
    return valid.success
      ? { reply: valid.data }
      : error(command.id, 'DRIVER_ERROR', 'the driver gave an invalid reply');
  } catch (err) {
    return error(command.id, 'DRIVER_ERROR', err instanceof Error ? err.message : String(err));
  } finally {
    await driver.release(holder);
  }
}
