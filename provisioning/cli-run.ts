import { parseArgs } from 'node:util';
import { deviceBlock, deviceTable, secretBlock, testLine, type DeviceOut, type TestOut } from './format.js';
import { HubApiError, login, type HubSession } from './hub-client.js';

export const USAGE = `Usage: npm run devices -- <command> [options]

Commands:
  list [--kind K] [--till ID] [--status S]
  show <deviceId>
  register --kind K --name N --profile P --transport '{json}' [--till ID --role R]
  update <deviceId> [--name N] [--profile P] [--transport '{json}'] [--till ID|none] [--role R|none]
  rotate <deviceId>
  revoke <deviceId>
  test <deviceId> --action print|kick|read|show|status|payment [--lines 'a|b'] [--amount N --currency C]

Connection: --hub URL --login L --password P (or HUB_URL, HUB_LOGIN, HUB_PASSWORD).
Transport examples: '{"type":"tcp","host":"192.168.1.50","port":9100}'
  '{"type":"serial","path":"/dev/ttyUSB0","baudRate":9600,"dataBits":8,"parity":"none","stopBits":1}'`;

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

class UsageError extends Error {}

const OPTIONS = {
  hub: { type: 'string' },
  login: { type: 'string' },
  password: { type: 'string' },
  kind: { type: 'string' },
  name: { type: 'string' },
  profile: { type: 'string' },
  transport: { type: 'string' },
  till: { type: 'string' },
  role: { type: 'string' },
  status: { type: 'string' },
  action: { type: 'string' },
  lines: { type: 'string' },
  amount: { type: 'string' },
  currency: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

/** Runs one command; returns the exit code (0 ok, 1 the hub or the device said no, 2 bad usage). */
export async function runCli(argv: string[], env: NodeJS.ProcessEnv, io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: OPTIONS,
      allowPositionals: true,
      strict: true,
    });
    const [command, id] = positionals;
    if (values.help === true || command === undefined) {
      io.out(USAGE);
      return command === undefined && values.help !== true ? 2 : 0;
    }
    const hub = values.hub ?? env.HUB_URL;
    const user = values.login ?? env.HUB_LOGIN;
    const password = values.password ?? env.HUB_PASSWORD;
    if (!hub || !user || !password)
      throw new UsageError('Give --hub, --login and --password (or HUB_URL, HUB_LOGIN, HUB_PASSWORD)');
    const session = await login(hub, user, password);
    return await dispatch(session, command, id, values, io);
  } catch (error) {
    if (error instanceof HubApiError) {
      io.err(`Error ${error.code}: ${error.message}`);
      return 1;
    }
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error)) {
      io.err(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
}

async function dispatch(
  s: HubSession,
  command: string,
  id: string | undefined,
  v: Values,
  io: CliIo,
): Promise<number> {
  const needId = (): string => {
    if (id === undefined) throw new UsageError(`${command} needs a device id`);
    return encodeURIComponent(id);
  };
  switch (command) {
    case 'list': {
      const query = new URLSearchParams({ limit: '500' });
      if (v.kind) query.set('kind', v.kind);
      if (v.till) query.set('tillId', v.till);
      if (v.status) query.set('status', v.status);
      const page = await s.request<{ items: DeviceOut[]; total: number }>(
        'GET',
        `/devices?${query.toString()}`,
      );
      io.out(deviceTable(page.items, page.total));
      return 0;
    }
    case 'show':
      io.out(deviceBlock(await s.request<DeviceOut>('GET', `/devices/${needId()}`)));
      return 0;
    case 'register': {
      const body = {
        kind: required(v.kind, 'kind'),
        name: required(v.name, 'name'),
        profileId: required(v.profile, 'profile'),
        transport: transportOf(required(v.transport, 'transport')),
        ...assignment(v),
      };
      const created = await s.request<{ device: DeviceOut; secret: string }>('POST', '/devices', body);
      io.out(secretBlock(created.device, created.secret));
      return 0;
    }
    case 'update': {
      const body = {
        name: v.name,
        profileId: v.profile,
        transport: v.transport === undefined ? undefined : transportOf(v.transport),
        ...assignment(v),
      };
      io.out(deviceBlock(await s.request<DeviceOut>('PATCH', `/devices/${needId()}`, body)));
      return 0;
    }
    case 'rotate': {
      const rotated = await s.request<{ device: DeviceOut; secret: string }>(
        'POST',
        `/devices/${needId()}/rotate`,
      );
      io.out(secretBlock(rotated.device, rotated.secret));
      io.out('The old secret no longer works; the device was disconnected.');
      return 0;
    }
    case 'revoke':
      io.out(deviceBlock(await s.request<DeviceOut>('POST', `/devices/${needId()}/revoke`)));
      io.out('Revoked: the device was disconnected and can never log in again.');
      return 0;
    case 'test': {
      const result = await s.request<TestOut>('POST', `/devices/${needId()}/test`, testBody(v));
      (result.ok ? io.out : io.err)(testLine(result));
      return result.ok ? 0 : 1;
    }
    default:
      throw new UsageError(`Unknown command "${command}"`);
  }
}

function required(value: string | undefined, name: string): string {
  if (value === undefined || value === '') throw new UsageError(`--${name} is required`);
  return value;
}

function transportOf(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new UsageError(`--transport is not JSON: ${text}`);
  }
}

/** --till none / --role none unassigns; absent leaves the assignment as it is. */
function assignment(v: Values): { tillId?: string | null; role?: string | null } {
  const out: { tillId?: string | null; role?: string | null } = {};
  if (v.till !== undefined) out.tillId = v.till === 'none' ? null : v.till;
  if (v.role !== undefined) out.role = v.role === 'none' ? null : v.role;
  return out;
}

function testBody(v: Values): Record<string, unknown> {
  const action = required(v.action, 'action');
  const body: Record<string, unknown> = { action };
  if (v.lines !== undefined) body.lines = v.lines.split('|');
  if (v.currency !== undefined) body.currency = v.currency;
  if (v.amount !== undefined) {
    if (!/^\d+$/.test(v.amount)) throw new UsageError('--amount is whole minor units, e.g. 100');
    body.amountMinor = Number(v.amount);
  }
  return body;
}
