// Baseline: bare single-row SQLite commits with the hub's durability settings (WAL, synchronous=FULL)
// on the same disk as the hub's data dir. The sale benchmark divides by this rate.
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openDatabase } from '../../hub/db/connection.js';
import { elapsedMs, printFigure } from './stats.js';

export function measureBareCommitRate(dataDir: string, seconds = 3): number {
  const dir = join(dataDir, `bench-commit-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const db = openDatabase(join(dir, 'bare.db'));
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
  const commit = db.transaction((v: string) => insert.run(v));
  const start = process.hrtime.bigint();
  let count = 0;
  while (elapsedMs(start) < seconds * 1000) {
    commit(`row ${count}`);
    count += 1;
  }
  const rate = count / (elapsedMs(start) / 1000);
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return rate;
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  const dataDir = resolve(process.env.HUB_DATA_DIR ?? './data');
  printFigure(
    'bare SQLite commits (WAL, synchronous=FULL)',
    `${measureBareCommitRate(dataDir).toFixed(0)} /s`,
  );
}
