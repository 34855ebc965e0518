import type { Db } from './connection.js';

/**
 * What tills and customer displays share as paired devices: a pending request with a short pairing code
 * and a pairing secret, approval, a device token handed over once, revocation, a last-seen time. The
 * table is always one of the two names below, never text from outside.
 */
export type PairedDeviceTable = 'tills' | 'customer_displays';

/** The columns both tables have. */
export interface PairedDeviceRow {
  id: string;
  status: 'pending' | 'active' | 'revoked';
  pairing_code: string | null;
  pairing_secret_hash: string | null;
  pairing_expires_at: string | null;
  token_hash: string | null;
  requested_at: string;
  approved_at: string | null;
  approved_by: string | null;
  revoked_at: string | null;
  last_seen_at: string | null;
}

/** Pending requests nobody approved in time are forgotten: they never got a token. */
export function deleteExpiredPending(db: Db, table: PairedDeviceTable, now: string): number {
  return db.prepare(`DELETE FROM ${table} WHERE status = 'pending' AND pairing_expires_at <= ?`).run(now)
    .changes;
}

export function countPending(db: Db, table: PairedDeviceTable): number {
  return (db.prepare(`SELECT count(*) AS n FROM ${table} WHERE status = 'pending'`).get() as { n: number }).n;
}

export function pairingCodeInUse(db: Db, table: PairedDeviceTable, code: string): boolean {
  return db.prepare(`SELECT 1 FROM ${table} WHERE pairing_code = ?`).get(code) !== undefined;
}

/** The row, typed by the table's own module (a TillRow, a DisplayRow), or undefined. */
export function getPaired(db: Db, table: PairedDeviceTable, id: string): unknown {
  return db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id);
}

/** The row whose pairing secret this is, typed by the table's own module, or undefined. */
export function getPairedBySecret(db: Db, table: PairedDeviceTable, secretHash: string): unknown {
  return db.prepare(`SELECT * FROM ${table} WHERE pairing_secret_hash = ?`).get(secretHash);
}

/** The one hand-over of the device token: the pairing secret stops working in the same write. */
export function issueToken(db: Db, table: PairedDeviceTable, id: string, tokenHash: string): void {
  db.prepare(
    `UPDATE ${table} SET token_hash = ?, pairing_secret_hash = NULL WHERE id = ? AND status = 'active'`,
  ).run(tokenHash, id);
}

export function touchPaired(db: Db, table: PairedDeviceTable, id: string, at: string): void {
  db.prepare(`UPDATE ${table} SET last_seen_at = ? WHERE id = ?`).run(at, id);
}
