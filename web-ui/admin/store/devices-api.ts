import type { HubApiClient } from '../../shared/api/client.js';
import { array, object, oneOf, optionalString, string, type Json } from '../../shared/api/decode.js';
import { decodePage, type Page } from '../components/paged-list.js';

export const DEVICE_KINDS = ['printer', 'drawer', 'scale', 'scanner', 'display', 'terminal'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

export const DEVICE_ROLES = [
  'receipt_printer',
  'kitchen_printer',
  'drawer',
  'scale',
  'scanner',
  'customer_display',
  'terminal',
] as const;
export type DeviceRole = (typeof DEVICE_ROLES)[number];

/** The roles a device of a kind can hold at a till (the hub checks the same). */
export const ROLES_OF_KIND: Readonly<Record<DeviceKind, readonly DeviceRole[]>> = {
  printer: ['receipt_printer', 'kitchen_printer'],
  drawer: ['drawer'],
  scale: ['scale'],
  scanner: ['scanner'],
  display: ['customer_display'],
  terminal: ['terminal'],
};

export type TestActionName = 'print' | 'kick' | 'read' | 'show' | 'status' | 'payment';

/** What can be tried on a device of a kind (the hub's TEST_ACTIONS_OF_KIND). */
export const TEST_ACTIONS_OF_KIND: Readonly<Record<DeviceKind, readonly TestActionName[]>> = {
  printer: ['print', 'kick', 'status'],
  drawer: ['kick', 'status'],
  scale: ['read', 'status'],
  scanner: ['status'],
  display: ['show', 'status'],
  terminal: ['payment'],
};

export type LiveStatus = 'ok' | 'warning' | 'error' | 'offline' | 'unknown';

export interface DeviceRow {
  id: string;
  kind: DeviceKind;
  name: string;
  profileId: string;
  tillId: string | null;
  role: DeviceRole | null;
  status: 'registered' | 'active' | 'revoked';
  live: {
    online: boolean;
    status: LiveStatus;
    errors: string[];
    lastSeenAt: string | null;
    model: string | null;
    firmware: string | null;
    /** What the device reports beyond its status: a printer's paper ('ok', 'near_end', 'out'), cover. */
    detail: Json;
  };
}

export interface TestResult {
  ok: boolean;
  data: Json | null;
  error: { code: string; message: string } | null;
}

function decodeDevice(value: unknown): DeviceRow {
  const o = object(value, 'device');
  const live = object(o.live, 'device.live');
  return {
    id: string(o, 'id', 'device'),
    kind: oneOf(o, 'kind', DEVICE_KINDS, 'device'),
    name: string(o, 'name', 'device'),
    profileId: string(o, 'profileId', 'device'),
    tillId: optionalString(o, 'tillId', 'device'),
    role: o.role === null || o.role === undefined ? null : oneOf(o, 'role', DEVICE_ROLES, 'device'),
    status: oneOf(o, 'status', ['registered', 'active', 'revoked'], 'device'),
    live: {
      online: live.online === true,
      status: oneOf(live, 'status', ['ok', 'warning', 'error', 'offline', 'unknown'], 'device.live'),
      errors: array(live, 'errors', 'device.live').filter((e): e is string => typeof e === 'string'),
      lastSeenAt: optionalString(live, 'lastSeenAt', 'device.live'),
      model: optionalString(live, 'model', 'device.live'),
      firmware: optionalString(live, 'firmware', 'device.live'),
      detail:
        live.detail === undefined || live.detail === null ? {} : object(live.detail, 'device.live.detail'),
    },
  };
}

export async function listDevices(
  api: HubApiClient,
  limit: number,
  offset: number,
  signal?: AbortSignal,
): Promise<Page<DeviceRow>> {
  const answer = await api.request(`/devices?limit=${limit}&offset=${offset}`, signal ? { signal } : {});
  return decodePage(answer, decodeDevice, 'devices');
}

/** Assigns a device to a till in a role, or takes it off its till (both null). */
export async function assignDevice(
  api: HubApiClient,
  id: string,
  change: { name?: string; tillId?: string | null; role?: DeviceRole | null },
): Promise<DeviceRow> {
  return decodeDevice(
    await api.request(`/devices/${encodeURIComponent(id)}`, { method: 'PATCH', body: change }),
  );
}

export async function testDevice(
  api: HubApiClient,
  id: string,
  action: TestActionName,
  currency: string,
): Promise<TestResult> {
  const body = action === 'payment' ? { action, amountMinor: 100, currency } : { action };
  const o = object(
    await api.request(`/devices/${encodeURIComponent(id)}/test`, { method: 'POST', body, timeoutMs: 30_000 }),
    'test',
  );
  const error = o.error === null || o.error === undefined ? null : object(o.error, 'test.error');
  return {
    ok: o.ok === true,
    data: o.data === null || o.data === undefined ? null : object(o.data, 'test.data'),
    error:
      error === null
        ? null
        : { code: string(error, 'code', 'test'), message: string(error, 'message', 'test') },
  };
}

export async function revokeDevice(api: HubApiClient, id: string): Promise<void> {
  await api.request(`/devices/${encodeURIComponent(id)}/revoke`, { method: 'POST' });
}
