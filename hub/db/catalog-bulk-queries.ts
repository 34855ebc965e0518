// SQL for the bulk catalog loader (benchmarks): counter positioning outside nextCounter.
import { stmt } from './catalog-queries.js';
import type { Db } from './connection.js';

/** Sets a counter to `value` (the bulk loader hands out a whole batch of change_seq values at once). */
export function setCounter(db: Db, name: string, value: number): void {
  stmt(
    db,
    'INSERT INTO counters (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value',
  ).run(name, value);
}

export function counterValue(db: Db, name: string): number {
  return (
    stmt<[string], { value: number }>(db, 'SELECT value FROM counters WHERE name = ?').get(name)?.value ?? 0
  );
}
