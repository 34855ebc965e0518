// SQL for categories.
import { stmt } from './catalog-queries.js';
import type { Db } from './connection.js';

export interface CategoryRecord {
  id: string;
  name: string;
  parentId: string | null;
  sort: number;
  active: boolean;
  changeSeq: number;
  updatedAt: string;
}

interface RawCategory {
  id: string;
  name: string;
  parent_id: string | null;
  sort: number;
  active: number;
  change_seq: number;
  updated_at: string;
}

const toCategory = (r: RawCategory): CategoryRecord => ({
  id: r.id,
  name: r.name,
  parentId: r.parent_id,
  sort: r.sort,
  active: r.active === 1,
  changeSeq: r.change_seq,
  updatedAt: r.updated_at,
});

export function getCategory(db: Db, id: string): CategoryRecord | undefined {
  const row = stmt<[string], RawCategory>(db, 'SELECT * FROM categories WHERE id = ?').get(id);
  return row && toCategory(row);
}

/** Every category, parents before their children's siblings in sort order (the tree is built in code). */
export function listCategories(db: Db, includeArchived: boolean): CategoryRecord[] {
  return stmt<[number], RawCategory>(
    db,
    'SELECT * FROM categories WHERE (? = 1 OR active = 1) ORDER BY sort, name, id',
  )
    .all(includeArchived ? 1 : 0)
    .map(toCategory);
}

/** Another category with this name under the same parent (names are unique among siblings). */
export function findSibling(
  db: Db,
  parentId: string | null,
  name: string,
  exceptId: string,
): string | undefined {
  return stmt<[string | null, string, string], { id: string }>(
    db,
    'SELECT id FROM categories WHERE parent_id IS ? AND name = ? COLLATE NOCASE AND id <> ?',
  ).get(parentId, name, exceptId)?.id;
}

export function upsertCategory(db: Db, c: CategoryRecord): void {
  stmt(
    db,
    `INSERT INTO categories (id, name, parent_id, sort, active, change_seq, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, parent_id = excluded.parent_id, sort = excluded.sort,
       active = excluded.active, change_seq = excluded.change_seq, updated_at = excluded.updated_at`,
  ).run(c.id, c.name, c.parentId, c.sort, c.active ? 1 : 0, c.changeSeq, c.updatedAt);
}

/** Ids of the category's ancestors, nearest first; used to refuse a move that would make a cycle. */
export function ancestorIds(db: Db, id: string): string[] {
  return stmt<[string], { id: string }>(
    db,
    `WITH RECURSIVE up(id, parent_id, depth) AS (
       SELECT id, parent_id, 0 FROM categories WHERE id = ?
       UNION ALL SELECT c.id, c.parent_id, up.depth + 1 FROM categories c JOIN up ON c.id = up.parent_id
       WHERE up.depth < 64)
     SELECT id FROM up WHERE depth > 0 ORDER BY depth`,
  )
    .all(id)
    .map((r) => r.id);
}

/** The feed's category read (exported so a test can check its query plan). */
export const CATEGORIES_CHANGED_AFTER_SQL =
  'SELECT * FROM categories WHERE change_seq > ? ORDER BY change_seq LIMIT ?';

export function categoriesChangedAfter(db: Db, afterSeq: number, limit: number): CategoryRecord[] {
  return stmt<[number, number], RawCategory>(db, CATEGORIES_CHANGED_AFTER_SQL)
    .all(afterSeq, limit)
    .map(toCategory);
}
