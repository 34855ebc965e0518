import type { Db } from './connection.js';
import {
  countPending,
  deleteExpiredPending,
  getPaired,
  getPairedBySecret,
  issueToken,
  pairingCodeInUse,
  touchPaired,
  type PairedDeviceRow,
} from './paired-device-queries.js';

/**
 * Customer displays: pairing requests, approval at a till, the one-time token, revocation (what tills
 * share: paired-device-queries).
 */

export interface DisplayRow extends PairedDeviceRow {
  till_id: string | null;
}

export function insertPendingDisplay(
  db: Db,
  row: Pick<
    DisplayRow,
    'id' | 'pairing_code' | 'pairing_secret_hash' | 'pairing_expires_at' | 'requested_at'
  >,
): void {
  db.prepare(
    `INSERT INTO customer_displays (id, status, pairing_code, pairing_secret_hash, pairing_expires_at,
       requested_at)
     VALUES (@id, 'pending', @pairing_code, @pairing_secret_hash, @pairing_expires_at, @requested_at)`,
  ).run(row);
}

/** Requests nobody approved in time are forgotten: they never had a till or a token. */
export function deleteExpiredPendingDisplays(db: Db, now: string): number {
  return deleteExpiredPending(db, 'customer_displays', now);
}

export function countPendingDisplays(db: Db): number {
  return countPending(db, 'customer_displays');
}

export function displayCodeInUse(db: Db, code: string): boolean {
  return pairingCodeInUse(db, 'customer_displays', code);
}

export function getDisplay(db: Db, id: string): DisplayRow | undefined {
  return getPaired(db, 'customer_displays', id) as DisplayRow | undefined;
}

export function getDisplayByPairingSecret(db: Db, secretHash: string): DisplayRow | undefined {
  return getPairedBySecret(db, 'customer_displays', secretHash) as DisplayRow | undefined;
}

export function getPendingDisplayByCode(db: Db, code: string, now: string): DisplayRow | undefined {
  return db
    .prepare(
      `SELECT * FROM customer_displays
       WHERE pairing_code = ? AND status = 'pending' AND pairing_expires_at > ?`,
    )
    .get(code, now) as DisplayRow | undefined;
}

/** An active display whose till is active too: a revoked till takes its displays with it. */
export function getActiveDisplayByToken(db: Db, tokenHash: string): DisplayRow | undefined {
  return db
    .prepare(
      `SELECT d.* FROM customer_displays d JOIN tills t ON t.id = d.till_id
       WHERE d.token_hash = ? AND d.status = 'active' AND t.status = 'active'`,
    )
    .get(tokenHash) as DisplayRow | undefined;
}

export function approveDisplayRow(db: Db, id: string, tillId: string, approvedBy: string, at: string): void {
  db.prepare(
    `UPDATE customer_displays SET status = 'active', till_id = ?, approved_by = ?, approved_at = ?,
       pairing_code = NULL, pairing_expires_at = NULL WHERE id = ? AND status = 'pending'`,
  ).run(tillId, approvedBy, at, id);
}

/** The one hand-over of the token: the pairing secret stops working in the same write. */
export function issueDisplayToken(db: Db, id: string, tokenHash: string): void {
  issueToken(db, 'customer_displays', id, tokenHash);
}

export function revokeDisplayRow(db: Db, id: string, at: string): void {
  db.prepare(
    `UPDATE customer_displays SET status = 'revoked', revoked_at = ?, token_hash = NULL, pairing_code = NULL,
       pairing_secret_hash = NULL, pairing_expires_at = NULL WHERE id = ? AND status <> 'revoked'`,
  ).run(at, id);
}

export function activeDisplaysOfTill(db: Db, tillId: string): DisplayRow[] {
  return db
    .prepare("SELECT * FROM customer_displays WHERE till_id = ? AND status = 'active' ORDER BY approved_at")
    .all(tillId) as DisplayRow[];
}

export function listDisplays(db: Db, tillId: string | null): DisplayRow[] {
  return (
    tillId === null
      ? db.prepare("SELECT * FROM customer_displays WHERE status <> 'pending' ORDER BY approved_at").all()
      : db
          .prepare(
            "SELECT * FROM customer_displays WHERE till_id = ? AND status <> 'pending' ORDER BY approved_at",
          )
          .all(tillId)
  ) as DisplayRow[];
}

export function touchDisplay(db: Db, id: string, at: string): void {
  touchPaired(db, 'customer_displays', id, at);
}
