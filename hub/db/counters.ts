// Prepared once per connection (stmt): every write of the hub adds these rows.
import { stmt } from './catalog-queries.js';
import type { Db } from './connection.js';

/** Next value of a gap-free counter. Call inside the write transaction that uses the number. */
export function nextCounter(db: Db, name: string): number {
  const row = stmt<[string], { value: number }>(
    db,
    'INSERT INTO counters (name, value) VALUES (?, 1) ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value',
  ).get(name);
  if (!row) throw new Error(`counter ${name} did not return a value`);
  return row.value;
}

export function peekCounter(db: Db, name: string): number {
  return (
    db.prepare<[string], { value: number }>('SELECT value FROM counters WHERE name = ?').get(name)?.value ?? 0
  );
}
