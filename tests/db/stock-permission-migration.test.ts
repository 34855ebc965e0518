import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../hub/db/connection.js';
import { loadMigrations, migrate } from '../../hub/db/migrate.js';

/**
 * Stock moved from 'catalog.manage' to its own 'stock.manage'. A store that already has roles keeps what
 * they could do: migration 030 grants the new permission to every role that managed the catalog.
 */
describe('migration 030 and existing roles', () => {
  it('gives stock.manage to roles with catalog.manage, once, and to no other', () => {
    const db = openDatabase(':memory:');
    const all = loadMigrations();
    migrate(
      db,
      all.filter((m) => m.version < 30),
    );
    const insert = db.prepare(
      "INSERT INTO roles (id, name, permissions, discount_limit_bp, builtin, updated_at) VALUES (?, ?, ?, 0, 0, '2026-01-01')",
    );
    insert.run('r1', 'buyer', JSON.stringify(['catalog.manage']));
    insert.run('r2', 'floor', JSON.stringify(['customers.manage']));
    insert.run('r3', 'already', JSON.stringify(['catalog.manage', 'stock.manage']));
    migrate(db, all);
    const permissions = (id: string) =>
      JSON.parse(
        db.prepare<[string], { permissions: string }>('SELECT permissions FROM roles WHERE id = ?').get(id)
          ?.permissions ?? '[]',
      ) as string[];
    expect(permissions('r1')).toEqual(['catalog.manage', 'stock.manage']);
    expect(permissions('r2')).toEqual(['customers.manage']);
    expect(permissions('r3')).toEqual(['catalog.manage', 'stock.manage']);
    db.close();
  });
});
