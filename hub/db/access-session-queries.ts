import type { Db } from './connection.js';

/** Staff sessions (till PIN sessions and admin password sessions) and the login attempt log. */

export interface SessionRow {
  token_hash: string;
  kind: 'till' | 'admin';
  staff_id: string;
  till_id: string | null;
  csrf_token: string | null;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export function insertSession(db: Db, row: Omit<SessionRow, 'revoked_at'>): void {
  db.prepare(
    `INSERT INTO sessions (token_hash, kind, staff_id, till_id, csrf_token, created_at, last_seen_at, expires_at)
     VALUES (@token_hash, @kind, @staff_id, @till_id, @csrf_token, @created_at, @last_seen_at, @expires_at)`,
  ).run(row);
}

/** A session that is neither revoked nor past its absolute end. Idle limits are checked by the caller. */
export function getLiveSession(
  db: Db,
  tokenHash: string,
  kind: SessionRow['kind'],
  now: string,
): SessionRow | undefined {
  return db
    .prepare(
      'SELECT * FROM sessions WHERE token_hash = ? AND kind = ? AND revoked_at IS NULL AND expires_at > ?',
    )
    .get(tokenHash, kind, now) as SessionRow | undefined;
}

export function touchSession(db: Db, tokenHash: string, at: string): void {
  db.prepare('UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?').run(at, tokenHash);
}

export function revokeSession(db: Db, tokenHash: string, at: string): boolean {
  return (
    db
      .prepare('UPDATE sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL')
      .run(at, tokenHash).changes === 1
  );
}

export function revokeTillSessions(db: Db, tillId: string, at: string): number {
  return db
    .prepare('UPDATE sessions SET revoked_at = ? WHERE till_id = ? AND revoked_at IS NULL')
    .run(at, tillId).changes;
}

export function revokeStaffSessions(db: Db, staffId: string, at: string): number {
  return db
    .prepare('UPDATE sessions SET revoked_at = ? WHERE staff_id = ? AND revoked_at IS NULL')
    .run(at, staffId).changes;
}

export interface LoginAttempt {
  at: string;
  kind: 'pin' | 'password' | 'override' | 'pairing';
  staffId: string | null;
  tillId: string | null;
  address: string | null;
  success: boolean;
  reason: string | null;
}

export function insertLoginAttempt(db: Db, attempt: LoginAttempt): void {
  db.prepare(
    'INSERT INTO login_attempts (at, kind, staff_id, till_id, address, success, reason) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(
    attempt.at,
    attempt.kind,
    attempt.staffId,
    attempt.tillId,
    attempt.address,
    attempt.success ? 1 : 0,
    attempt.reason,
  );
}

/** Failures of one kind from one address since a time, and the oldest of them (for Retry-After). */
export function failuresFromAddress(
  db: Db,
  kind: LoginAttempt['kind'],
  address: string,
  since: string,
): { count: number; oldest: string | null } {
  return db
    .prepare(
      `SELECT count(*) AS count, min(at) AS oldest FROM login_attempts
       WHERE kind = ? AND address = ? AND success = 0 AND at > ?`,
    )
    .get(kind, address, since) as { count: number; oldest: string | null };
}

export interface LoginAttemptRow {
  id: number;
  at: string;
  kind: string;
  staff_id: string | null;
  till_id: string | null;
  address: string | null;
  success: number;
  reason: string | null;
}

export function listLoginAttempts(db: Db, staffId: string | null, limit: number): LoginAttemptRow[] {
  return db
    .prepare('SELECT * FROM login_attempts WHERE (? IS NULL OR staff_id = ?) ORDER BY id DESC LIMIT ?')
    .all(staffId, staffId, limit) as LoginAttemptRow[];
}
