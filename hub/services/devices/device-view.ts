import { DEVICE_KINDS, DeviceStateSchema, type DeviceKind } from '../../contract/mqtt.js';
import type { DeviceRow } from '../../db/devices-queries.js';
import { isDeviceStatus, type DeviceStatus } from './device-machine.js';
import { UNKNOWN_LIVE, liveFromState, type LiveState, type LiveStates } from './live-state.js';
import { isDeviceRole, type DeviceRole } from './roles.js';
import { parseStoredTransport, type Transport } from './transport.js';

/** A registered device as the API shows it: never the secret or its hash. */
export interface Device {
  id: string;
  kind: DeviceKind;
  name: string;
  profileId: string;
  /** Null only when a stored row no longer validates (hand-edited database). */
  transport: Transport | null;
  tillId: string | null;
  role: DeviceRole | null;
  status: DeviceStatus;
  credentialVersion: number;
  createdAt: string;
  updatedAt: string;
  activatedAt: string | null;
  revokedAt: string | null;
  live: LiveState;
}

/** The registry record without live state: what is replicated and put in the outbox. */
export type DeviceRecord = Omit<Device, 'live'>;

export function toRecord(row: DeviceRow): DeviceRecord {
  return {
    id: row.id,
    kind: (DEVICE_KINDS as readonly string[]).includes(row.kind) ? (row.kind as DeviceKind) : 'printer',
    name: row.name,
    profileId: row.profile_id,
    transport: parseStoredTransport(row.transport),
    tillId: row.till_id,
    role: row.role !== null && isDeviceRole(row.role) ? row.role : null,
    status: isDeviceStatus(row.status) ? row.status : 'revoked',
    credentialVersion: row.credential_version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    activatedAt: row.activated_at,
    revokedAt: row.revoked_at,
  };
}

/** Memory first (knows whether it is connected now); else the stored last state, shown as offline. */
export function liveOf(row: DeviceRow, live: LiveStates): LiveState {
  const current = live.get(row.id);
  if (current) return current;
  if (row.last_state === null || row.last_seen_at === null) {
    return { ...UNKNOWN_LIVE, dropped: live.dropped(row.id) };
  }
  const stored = DeviceStateSchema.safeParse(JSON.parse(row.last_state));
  if (!stored.success) return { ...UNKNOWN_LIVE, lastSeenAt: row.last_seen_at };
  return { ...liveFromState(stored.data, row.last_seen_at, live.dropped(row.id)), online: false };
}

export function toDevice(row: DeviceRow, live: LiveStates): Device {
  return { ...toRecord(row), live: liveOf(row, live) };
}
