import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../hub/config.js';
import { openDatabase } from '../../hub/db/connection.js';
import { verifyJournal } from '../../hub/db/journal.js';
import { loadMigrations, migrate } from '../../hub/db/migrate.js';
import { StorageFullError } from '../../hub/errors.js';
import { startHub } from '../../hub/hub.js';
import { createTestContext, type TestContext } from '../support/hub-context.js';

describe('database foundation', () => {
  let ctx: TestContext;
  beforeEach(() => {
    ctx = createTestContext();
  });
  afterEach(() => {
    ctx.close();
  });

  it('runs in WAL with synchronous=FULL and foreign keys on', () => {
    expect(ctx.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(ctx.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(ctx.db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('applies migrations once and refuses an edited one', () => {
    expect(migrate(ctx.db)).toEqual([]);
    const db = openDatabase(':memory:');
    const first = migrate(db, [
      { version: 1, name: '001_a.sql', sql: 'CREATE TABLE a (x INTEGER)', checksum: 'one' },
    ]);
    expect(first).toEqual([1]);
    expect(() =>
      migrate(db, [{ version: 1, name: '001_a.sql', sql: 'CREATE TABLE a (y INTEGER)', checksum: 'two' }]),
    ).toThrow(/was changed after it was applied/);
  });

  it('waits up to 5 s for a lock held by another process (the verifier, a backup)', () => {
    expect(ctx.db.pragma('busy_timeout', { simple: true })).toBe(5000);
  });

  it('refuses a database written by a newer hub: migrations only go forward', () => {
    const db = openDatabase(':memory:');
    const known = [
      { version: 1, name: '001_a.sql', sql: 'CREATE TABLE a (x INTEGER)', checksum: 'one' },
      { version: 2, name: '002_b.sql', sql: 'CREATE TABLE b (x INTEGER)', checksum: 'two' },
    ];
    expect(migrate(db, known)).toEqual([1, 2]);
    db.prepare(
      "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (3, '003_c.sql', 'x', 'now')",
    ).run();
    expect(() => migrate(db, known)).toThrow(
      /migration 003_c\.sql, newer than any this hub knows \(newest 2\).*newer version of the hub/,
    );
    // Nothing was touched: the older code did not try to run anything.
    expect(db.prepare('SELECT max(version) AS v FROM schema_migrations').get()).toEqual({ v: 3 });
    db.close();
  });

  it('refuses two migration files with the same number, naming both', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hub-migrations-'));
    try {
      writeFileSync(join(dir, '001_first.sql'), 'CREATE TABLE a (x INTEGER);');
      writeFileSync(join(dir, '002_favourites.sql'), 'CREATE TABLE b (x INTEGER);');
      writeFileSync(join(dir, '002_promotions.sql'), 'CREATE TABLE c (x INTEGER);');
      expect(() => loadMigrations(dir)).toThrow(
        'migrations 002_favourites.sql and 002_promotions.sql share version 2: renumber the newer one',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stops the hub at start-up on a database from a newer version, naming the migration', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hub-newer-'));
    try {
      const config = loadConfig({
        HUB_DATA_DIR: dir,
        HUB_HTTP_PORT: '0',
        HUB_MQTT_PORT: '0',
        HUB_HTTP_HOST: '127.0.0.1',
        HUB_DEMO: '0',
      });
      const db = openDatabase(config.dbPath);
      migrate(db);
      db.prepare(
        "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (999, '999_future.sql', 'x', 'now')",
      ).run();
      db.close();
      await expect(startHub(config, () => undefined)).rejects.toThrow(/999_future\.sql.*newer/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('publishes events only after commit and none after a rollback', () => {
    expect(() =>
      ctx.tx.write((tx) => {
        tx.emit({ name: 'settings.changed', payload: {} });
        tx.journal('test.entry', null, { n: 1 });
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(ctx.events).toHaveLength(0);
    expect(ctx.db.prepare('SELECT count(*) AS n FROM journal').get()).toEqual({ n: 0 });

    ctx.tx.write((tx) => {
      tx.emit({ name: 'settings.changed', payload: {} });
      expect(ctx.events).toHaveLength(0);
    });
    expect(ctx.events.map((e) => e.name)).toEqual(['settings.changed']);
  });

  it('chains journal entries and detects tampering with any of them', () => {
    for (let i = 1; i <= 5; i++)
      ctx.tx.write((tx) => tx.journal('test.entry', `e${i}`, { i, text: 'ø 牛奶' }));
    expect(verifyJournal(ctx.db)).toMatchObject({ ok: true, entries: 5 });
    ctx.db.prepare('UPDATE journal SET payload = \'{"i":99,"text":"ø 牛奶"}\' WHERE seq = 3').run();
    expect(verifyJournal(ctx.db)).toMatchObject({ ok: false, brokenAtSeq: 3 });
  });

  it('detects a deleted journal entry', () => {
    for (let i = 1; i <= 3; i++) ctx.tx.write((tx) => tx.journal('test.entry', null, { i }));
    ctx.db.prepare('DELETE FROM journal WHERE seq = 2').run();
    expect(verifyJournal(ctx.db)).toMatchObject({ ok: false, brokenAtSeq: 3 });
  });

  it('hands out gap-free counters that roll back with the transaction', () => {
    ctx.tx.write((tx) => expect(tx.nextCounter('receipt:1')).toBe(1));
    expect(() =>
      ctx.tx.write((tx) => {
        tx.nextCounter('receipt:1');
        throw new Error('abort');
      }),
    ).toThrow('abort');
    ctx.tx.write((tx) => expect(tx.nextCounter('receipt:1')).toBe(2));
  });

  it('turns a full disk into a StorageFullError and keeps working', () => {
    // max_page_count caps the file, which is how SQLite reports a full disk (SQLITE_FULL).
    const pages = ctx.db.pragma('page_count', { simple: true }) as number;
    ctx.db.pragma(`max_page_count = ${pages + 1}`);
    expect(() =>
      ctx.tx.write((tx) => {
        for (let i = 0; i < 2000; i++) tx.outbox('x', String(i), 'upsert', { filler: 'x'.repeat(500) });
      }),
    ).toThrow(StorageFullError);
    ctx.db.pragma('max_page_count = 1000000');
    ctx.tx.write((tx) => tx.outbox('x', 'ok', 'upsert', {}));
    expect(ctx.db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 1 });
  });
});
