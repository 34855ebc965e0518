import type { Db } from './connection.js';

export interface DeviceRow {
  id: string;
  kind: string;
  name: string;
  profile_id: string;
  transport: string;
  till_id: string | null;
  role: string | null;
  status: string;
  secret_hash: string | null;
  credential_version: number;
  created_at: string;
  updated_at: string;
  activated_at: string | null;
  revoked_at: string | null;
  last_seen_at: string | null;
  last_state: string | null;
  counters: string;
}

export type NewDeviceRow = Pick<
  DeviceRow,
  'id' | 'kind' | 'name' | 'profile_id' | 'transport' | 'till_id' | 'role' | 'secret_hash' | 'created_at'
>;

export function insertDevice(db: Db, row: NewDeviceRow): void {
  db.prepare(
    `INSERT INTO devices (id, kind, name, profile_id, transport, till_id, role, status, secret_hash,
       credential_version, created_at, updated_at)
     VALUES (@id, @kind, @name, @profile_id, @transport, @till_id, @role, 'registered', @secret_hash, 1,
       @created_at, @created_at)`,
  ).run(row);
}

export function getDevice(db: Db, id: string): DeviceRow | undefined {
  return db.prepare('SELECT * FROM devices WHERE id = ?').get(id) as DeviceRow | undefined;
}

export interface DeviceFilter {
  kind: string | null;
  tillId: string | null;
  status: string | null;
}

const FILTER = `WHERE (@kind IS NULL OR kind = @kind) AND (@tillId IS NULL OR till_id = @tillId)
  AND (@status IS NULL OR status = @status)`;

export function listDevices(db: Db, filter: DeviceFilter, limit: number, offset: number): DeviceRow[] {
  return db
    .prepare(`SELECT * FROM devices ${FILTER} ORDER BY id LIMIT @limit OFFSET @offset`)
    .all({ ...filter, limit, offset }) as DeviceRow[];
}

export function countDevices(db: Db, filter: DeviceFilter): number {
  return (db.prepare(`SELECT count(*) AS n FROM devices ${FILTER}`).get(filter) as { n: number }).n;
}

/** Non-revoked devices of a till: what the till may read on the broker. */
export function devicesOfTill(db: Db, tillId: string): DeviceRow[] {
  return db
    .prepare("SELECT * FROM devices WHERE till_id = ? AND status <> 'revoked' ORDER BY id")
    .all(tillId) as DeviceRow[];
}

/** The non-revoked device holding a role at a till (kitchen printers: the first of them). */
export function deviceWithRole(db: Db, tillId: string, role: string): DeviceRow | undefined {
  return db
    .prepare(
      "SELECT * FROM devices WHERE till_id = ? AND role = ? AND status <> 'revoked' ORDER BY id LIMIT 1",
    )
    .get(tillId, role) as DeviceRow | undefined;
}

export function updateDeviceSettings(
  db: Db,
  row: Pick<DeviceRow, 'id' | 'name' | 'profile_id' | 'transport' | 'till_id' | 'role' | 'updated_at'>,
): void {
  db.prepare(
    `UPDATE devices SET name = @name, profile_id = @profile_id, transport = @transport, till_id = @till_id,
       role = @role, updated_at = @updated_at WHERE id = @id`,
  ).run(row);
}

export function setDeviceStatus(db: Db, id: string, status: string, at: string): void {
  db.prepare(
    `UPDATE devices SET status = @status, updated_at = @at,
       activated_at = CASE WHEN @status = 'active' THEN coalesce(activated_at, @at) ELSE activated_at END,
       revoked_at = CASE WHEN @status = 'revoked' THEN @at ELSE revoked_at END,
       secret_hash = CASE WHEN @status = 'revoked' THEN NULL ELSE secret_hash END
     WHERE id = @id`,
  ).run({ id, status, at });
}

export function setDeviceSecret(db: Db, id: string, secretHash: string, at: string): void {
  db.prepare(
    `UPDATE devices SET secret_hash = ?, credential_version = credential_version + 1, updated_at = ?
     WHERE id = ?`,
  ).run(secretHash, at, id);
}

export function recordDeviceState(
  db: Db,
  id: string,
  state: { lastState: string; counters: string; seenAt: string },
): void {
  db.prepare('UPDATE devices SET last_state = ?, counters = ?, last_seen_at = ? WHERE id = ?').run(
    state.lastState,
    state.counters,
    state.seenAt,
    id,
  );
}

/** Whether a till exists and may have devices assigned (not revoked). */
export function tillAssignable(db: Db, tillId: string): boolean {
  const row = db.prepare('SELECT status FROM tills WHERE id = ?').get(tillId) as
    { status: string } | undefined;
  return row !== undefined && row.status !== 'revoked';
}
