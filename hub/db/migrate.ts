import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from './connection.js';

const MIGRATIONS_DIR = join(import.meta.dirname, 'migrations');
const FILE_PATTERN = /^(\d{3})_[a-z0-9_]+\.sql$/;
/** First line of a migration that rebuilds a table other tables refer to (see migrate()). */
const FOREIGN_KEYS_OFF = '-- migrate: foreign_keys off';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const migrations = readdirSync(dir)
    .filter((file) => FILE_PATTERN.test(file))
    .sort()
    .map((file) => {
      const sql = readFileSync(join(dir, file), 'utf8');
      return {
        version: Number(FILE_PATTERN.exec(file)?.[1]),
        name: file,
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
      };
    });
  // Two branches can each add "the next" migration; say so plainly rather than fail on a primary key.
  const byVersion = new Map<number, string>();
  for (const m of migrations) {
    const other = byVersion.get(m.version);
    if (other !== undefined) {
      throw new Error(`migrations ${other} and ${m.name} share version ${m.version}: renumber the newer one`);
    }
    byVersion.set(m.version, m.name);
  }
  return migrations;
}

/**
 * Forward-only: each numbered file runs once, in its own transaction, and is recorded with its checksum.
 * An applied migration whose file has since changed stops the hub, because the database no longer
 * matches what the code believes it is; so does an applied migration newer than any file here (the
 * data was written by a newer hub, and this older code would misread it).
 */
export function migrate(db: Db, migrations = loadMigrations()): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL
  ) STRICT`);
  const applied = new Map(
    db
      .prepare<[], { version: number; checksum: string; name: string }>(
        'SELECT version, checksum, name FROM schema_migrations',
      )
      .all()
      .map((row) => [row.version, row]),
  );
  const newestKnown = Math.max(0, ...migrations.map((m) => m.version));
  const newer = [...applied.values()].filter((row) => row.version > newestKnown);
  if (newer.length > 0) {
    const names = newer.map((row) => row.name).join(', ');
    throw new Error(
      `The database has migration ${names}, newer than any this hub knows (newest ${String(newestKnown)}): ` +
        'it was written by a newer version of the hub. Run that version, or restore a backup made for this one.',
    );
  }
  const ran: number[] = [];
  for (const migration of migrations) {
    const done = applied.get(migration.version);
    if (done) {
      if (done.checksum !== migration.checksum) {
        throw new Error(`Migration ${migration.name} was changed after it was applied (was ${done.name})`);
      }
      continue;
    }
    const rebuildsTables = migration.sql.startsWith(FOREIGN_KEYS_OFF);
    // SQLite changes a CHECK constraint only by rebuilding the table, and a rebuilt parent table must be
    // dropped while its children still refer to it; the pragma is ignored inside a transaction, so it is
    // turned off around it, and every reference is checked before the migration commits.
    if (rebuildsTables) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        db.exec(migration.sql);
        if (rebuildsTables && (db.pragma('foreign_key_check') as unknown[]).length > 0) {
          throw new Error(`Migration ${migration.name} left rows whose references do not resolve`);
        }
        db.prepare(
          'INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)',
        ).run(migration.version, migration.name, migration.checksum, new Date().toISOString());
      })();
    } finally {
      if (rebuildsTables) db.pragma('foreign_keys = ON');
    }
    ran.push(migration.version);
  }
  // Keeps the planner's statistics fresh (new indexes, grown tables) so it keeps choosing the indexes
  // the queries were written for. Cheap: it analyses only what needs it, and with a row limit.
  db.pragma('analysis_limit = 1000');
  db.pragma('optimize = 0x10002');
  return ran;
}
