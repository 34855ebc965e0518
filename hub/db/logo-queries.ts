import type { Db } from './connection.js';

export interface ReceiptLogoRow {
  width: number;
  height: number;
  bits: Buffer;
  updated_at: string;
}

export function getReceiptLogo(db: Db): ReceiptLogoRow | undefined {
  return db
    .prepare<[], ReceiptLogoRow>('SELECT width, height, bits, updated_at FROM receipt_logo WHERE id = 1')
    .get();
}

export function upsertReceiptLogo(db: Db, row: ReceiptLogoRow): void {
  db.prepare(
    `INSERT INTO receipt_logo (id, width, height, bits, updated_at) VALUES (1, @width, @height, @bits, @updated_at)
     ON CONFLICT (id) DO UPDATE SET width = excluded.width, height = excluded.height, bits = excluded.bits,
       updated_at = excluded.updated_at`,
  ).run(row);
}

export function deleteReceiptLogo(db: Db): boolean {
  return db.prepare('DELETE FROM receipt_logo WHERE id = 1').run().changes > 0;
}
