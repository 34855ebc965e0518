import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../hub/db/connection.js';
import { migrate, type Migration } from '../../hub/db/migrate.js';

const m = (version: number, sql: string): Migration => ({
  version,
  name: `${String(version).padStart(3, '0')}_m.sql`,
  sql,
  checksum: `c${version}`,
});

const PARENT_CHILD = m(
  1,
  `CREATE TABLE parent (id TEXT PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('a'))) STRICT;
   CREATE TABLE child (id TEXT PRIMARY KEY, parent_id TEXT NOT NULL REFERENCES parent (id)) STRICT;
   INSERT INTO parent VALUES ('p1', 'a'); INSERT INTO child VALUES ('c1', 'p1');`,
);

function rebuild(extraSql = ''): Migration {
  return m(
    2,
    `-- migrate: foreign_keys off
     CREATE TABLE parent_new (id TEXT PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('a', 'b'))) STRICT;
     INSERT INTO parent_new SELECT * FROM parent ${extraSql};
     DROP TABLE parent;
     ALTER TABLE parent_new RENAME TO parent;`,
  );
}

describe('a migration that rebuilds a table others refer to', () => {
  let dir: string;
  let db: Db;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'migrate-rebuild-'));
    db = openDatabase(join(dir, 'hub.db'));
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('changes the CHECK, keeps the references working and turns foreign keys back on', () => {
    migrate(db, [PARENT_CHILD, rebuild()]);
    db.prepare("INSERT INTO parent VALUES ('p2', 'b')").run();
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(() => db.prepare("INSERT INTO child VALUES ('c2', 'nope')").run()).toThrow(/FOREIGN KEY/);
    db.prepare("INSERT INTO child VALUES ('c3', 'p2')").run();
  });

  it('rolls back a rebuild that would leave a reference dangling', () => {
    expect(() => migrate(db, [PARENT_CHILD, rebuild("WHERE id <> 'p1'")])).toThrow(/do not resolve/);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.prepare('SELECT version FROM schema_migrations').all()).toEqual([{ version: 1 }]);
    expect(() => db.prepare("INSERT INTO parent VALUES ('p2', 'b')").run()).toThrow(/CHECK/);
  });
});
