import type { Db } from './connection.js';
import {
  countPending,
  deleteExpiredPending,
  getPaired,
  getPairedBySecret,
  issueToken,
  pairingCodeInUse as codeInUse,
  touchPaired,
  type PairedDeviceRow,
} from './paired-device-queries.js';

/** Tills: pairing requests, approval, device tokens and revocation (what displays share: paired-device-queries). */

export interface TillRow extends PairedDeviceRow {
  name: string;
  number: number | null;
  invited: number;
}

export function insertPendingTill(
  db: Db,
  row: Pick<
    TillRow,
    | 'id'
    | 'name'
    | 'pairing_code'
    | 'pairing_secret_hash'
    | 'pairing_expires_at'
    | 'invited'
    | 'approved_by'
    | 'requested_at'
  >,
): void {
  db.prepare(
    `INSERT INTO tills (id, name, status, pairing_code, pairing_secret_hash, pairing_expires_at, invited,
       approved_by, requested_at)
     VALUES (@id, @name, 'pending', @pairing_code, @pairing_secret_hash, @pairing_expires_at, @invited,
       @approved_by, @requested_at)`,
  ).run(row);
}

/** Pending requests nobody approved in time are forgotten; they never got a number or a token. */
export function deleteExpiredPendingTills(db: Db, now: string): number {
  return deleteExpiredPending(db, 'tills', now);
}

export function countPendingTills(db: Db): number {
  return countPending(db, 'tills');
}

export function pairingCodeInUse(db: Db, code: string): boolean {
  return codeInUse(db, 'tills', code);
}

export function getTill(db: Db, id: string): TillRow | undefined {
  return getPaired(db, 'tills', id) as TillRow | undefined;
}

export function getActiveTillByToken(db: Db, tokenHash: string): TillRow | undefined {
  return db.prepare("SELECT * FROM tills WHERE token_hash = ? AND status = 'active'").get(tokenHash) as
    TillRow | undefined;
}

export function getTillByPairingSecret(db: Db, secretHash: string): TillRow | undefined {
  return getPairedBySecret(db, 'tills', secretHash) as TillRow | undefined;
}

export function getInvitedTillByCode(db: Db, code: string, now: string): TillRow | undefined {
  return db
    .prepare(
      "SELECT * FROM tills WHERE pairing_code = ? AND status = 'pending' AND invited = 1 AND pairing_expires_at > ?",
    )
    .get(code, now) as TillRow | undefined;
}

/** A browser claiming an invitation: it names the till and proves itself later with its secret. */
export function claimInvitedTill(db: Db, id: string, name: string, secretHash: string): void {
  db.prepare('UPDATE tills SET name = ?, pairing_secret_hash = ? WHERE id = ?').run(name, secretHash, id);
}

export function listTills(db: Db): TillRow[] {
  return db.prepare('SELECT * FROM tills ORDER BY number IS NULL, number, requested_at').all() as TillRow[];
}

export function approveTillRow(
  db: Db,
  id: string,
  number: number,
  approvedBy: string | null,
  at: string,
): void {
  db.prepare(
    `UPDATE tills SET status = 'active', number = ?, approved_by = ?, approved_at = ?, pairing_code = NULL,
       pairing_expires_at = NULL WHERE id = ? AND status = 'pending'`,
  ).run(number, approvedBy, at, id);
}

/** The one hand-over of the device token: the pairing secret stops working in the same write. */
export function issueTillToken(db: Db, id: string, tokenHash: string): void {
  issueToken(db, 'tills', id, tokenHash);
}

export function revokeTillRow(db: Db, id: string, at: string): void {
  db.prepare(
    `UPDATE tills SET status = 'revoked', revoked_at = ?, token_hash = NULL, pairing_code = NULL,
       pairing_secret_hash = NULL, pairing_expires_at = NULL WHERE id = ?`,
  ).run(at, id);
}

export function renameTill(db: Db, id: string, name: string): void {
  db.prepare('UPDATE tills SET name = ? WHERE id = ?').run(name, id);
}

export function touchTill(db: Db, id: string, at: string): void {
  touchPaired(db, 'tills', id, at);
}
