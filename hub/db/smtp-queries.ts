import type { Db } from './connection.js';

/** The store's mail server; the password never leaves the hub (no outbox, no API read). */
export interface SmtpSettingsRow {
  host: string;
  port: number;
  secure: 0 | 1;
  username: string | null;
  password: string | null;
  from_address: string;
  updated_at: string;
}

export function getSmtpSettings(db: Db): SmtpSettingsRow | undefined {
  return db
    .prepare<[], SmtpSettingsRow>(
      'SELECT host, port, secure, username, password, from_address, updated_at FROM smtp_settings WHERE id = 1',
    )
    .get();
}

export function upsertSmtpSettings(db: Db, row: SmtpSettingsRow): void {
  db.prepare(
    `INSERT INTO smtp_settings (id, host, port, secure, username, password, from_address, updated_at)
     VALUES (1, @host, @port, @secure, @username, @password, @from_address, @updated_at)
     ON CONFLICT (id) DO UPDATE SET host = excluded.host, port = excluded.port, secure = excluded.secure,
       username = excluded.username, password = excluded.password, from_address = excluded.from_address,
       updated_at = excluded.updated_at`,
  ).run(row);
}

export function deleteSmtpSettings(db: Db): void {
  db.prepare('DELETE FROM smtp_settings WHERE id = 1').run();
}
