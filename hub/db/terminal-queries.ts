import type { Db } from './connection.js';

/** A terminal's nexo shared key and TLS trust anchor. Never leaves the hub (no outbox, no API read). */
export interface TerminalCredentialsRow {
  device_id: string;
  passphrase: string;
  key_identifier: string;
  key_version: number;
  ca_pem: string;
  servername: string | null;
  created_at: string;
  updated_at: string;
}

export function getTerminalCredentials(db: Db, deviceId: string): TerminalCredentialsRow | undefined {
  return db.prepare('SELECT * FROM terminal_credentials WHERE device_id = ?').get(deviceId) as
    TerminalCredentialsRow | undefined;
}

export function upsertTerminalCredentials(db: Db, row: TerminalCredentialsRow): void {
  db.prepare(
    `INSERT INTO terminal_credentials (device_id, passphrase, key_identifier, key_version, ca_pem, servername,
       created_at, updated_at)
     VALUES (@device_id, @passphrase, @key_identifier, @key_version, @ca_pem, @servername, @created_at,
       @updated_at)
     ON CONFLICT (device_id) DO UPDATE SET passphrase = excluded.passphrase,
       key_identifier = excluded.key_identifier, key_version = excluded.key_version, ca_pem = excluded.ca_pem,
       servername = excluded.servername, updated_at = excluded.updated_at`,
  ).run(row);
}

export function deleteTerminalCredentials(db: Db, deviceId: string): void {
  db.prepare('DELETE FROM terminal_credentials WHERE device_id = ?').run(deviceId);
}

/** The terminal a payment was sent to; null when it never went to a routed terminal. */
export function terminalOfPayment(db: Db, paymentId: string): string | null {
  const row = db
    .prepare('SELECT device_id FROM terminal_payment_routes WHERE payment_id = ?')
    .get(paymentId) as { device_id: string } | undefined;
  return row?.device_id ?? null;
}

/** First route wins: a payment is sent to one terminal only, so a later call never moves it. */
export function recordPaymentRoute(db: Db, paymentId: string, deviceId: string, at: string): void {
  db.prepare(
    'INSERT INTO terminal_payment_routes (payment_id, device_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
  ).run(paymentId, deviceId, at);
}

/** The till a sale (or return) was rung up on. */
export function tillOfSale(db: Db, saleId: string): string | null {
  const row = db.prepare('SELECT till_id FROM sales WHERE id = ?').get(saleId) as
    { till_id: string } | undefined;
  return row?.till_id ?? null;
}

/** The sale (or return) and till of a payment or refund row. */
export function saleOfPayment(db: Db, paymentId: string): { saleId: string; tillId: string } | null {
  const row = db
    .prepare('SELECT p.sale_id, s.till_id FROM payments p JOIN sales s ON s.id = p.sale_id WHERE p.id = ?')
    .get(paymentId) as { sale_id: string; till_id: string } | undefined;
  return row ? { saleId: row.sale_id, tillId: row.till_id } : null;
}
