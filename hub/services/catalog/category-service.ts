import { z } from '@hono/zod-openapi';
import type { HubContext } from '../../context.js';
import {
  ancestorIds,
  findSibling,
  getCategory,
  listCategories,
  upsertCategory,
  type CategoryRecord,
} from '../../db/category-queries.js';
import type { Tx } from '../../db/transactor.js';
import { BusinessRuleError, ConflictError, NotFoundError } from '../../errors.js';
import { isUuidV7, newId } from '../../ids.js';
import { auditEntry, type Actor } from '../settings/actor.js';
import { parseOrThrow } from '../settings/settings-schema.js';

export type Category = CategoryRecord;

/** Deep enough for "Food > Dairy > Cheese > Hard cheese"; deeper trees are a till-screen problem. */
export const MAX_CATEGORY_DEPTH = 5;

export const CategorySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    parentId: z.string().nullable(),
    sort: z.number().int(),
    active: z.boolean(),
    changeSeq: z.number().int(),
    updatedAt: z.string(),
  })
  .openapi('Category');

const fields = {
  name: z.string().trim().min(1).max(80),
  parentId: z.uuid().nullable(),
  sort: z.number().int().min(0).max(100_000),
};

export const CategoryCreateSchema = z
  .strictObject({
    id: z.uuid().refine(isUuidV7, 'must be a UUIDv7').optional(),
    name: fields.name,
    parentId: fields.parentId.default(null),
    sort: fields.sort.default(0),
  })
  .openapi('CategoryCreate');

export const CategoryPatchSchema = z
  .strictObject({
    name: fields.name.optional(),
    parentId: fields.parentId.optional(),
    sort: fields.sort.optional(),
  })
  .openapi('CategoryPatch');

/**
 * Categories form a tree (parentId). Like products they are archived, never deleted, and every write
 * takes a new catalog change_seq so tills pick it up from the feed.
 */
export class CategoryService {
  constructor(private readonly ctx: HubContext) {}

  list(includeArchived = false): Category[] {
    return this.ctx.tx.read((db) => listCategories(db, includeArchived));
  }

  get(id: string): Category {
    const row = this.ctx.tx.read((db) => getCategory(db, id));
    if (!row) throw new NotFoundError('Category', id);
    return row;
  }

  create(input: unknown, actor: Actor): { category: Category; created: boolean } {
    const data = parseOrThrow(CategoryCreateSchema, input, 'category');
    return this.ctx.tx.write((tx) => {
      const id = data.id ?? newId();
      const existing = getCategory(tx.db, id);
      if (existing) {
        const same =
          existing.name === data.name && existing.parentId === data.parentId && existing.sort === data.sort;
        if (!same) throw new ConflictError(`Category ${id} already exists with other content`, { id });
        return { category: existing, created: false };
      }
      const row = { id, name: data.name, parentId: data.parentId, sort: data.sort, active: true };
      return { category: this.write(tx, row, actor, 'category.create'), created: true };
    });
  }

  update(id: string, patch: unknown, actor: Actor): Category {
    const data = parseOrThrow(CategoryPatchSchema, patch, 'category');
    return this.ctx.tx.write((tx) => {
      const existing = getCategory(tx.db, id);
      if (!existing) throw new NotFoundError('Category', id);
      const row = {
        id,
        name: data.name ?? existing.name,
        parentId: data.parentId === undefined ? existing.parentId : data.parentId,
        sort: data.sort ?? existing.sort,
        active: existing.active,
      };
      return this.write(tx, row, actor, 'category.update');
    });
  }

  /** Archived categories vanish from till menus; their products keep selling and keep the link. */
  setActive(id: string, active: boolean, actor: Actor): Category {
    return this.ctx.tx.write((tx) => {
      const existing = getCategory(tx.db, id);
      if (!existing) throw new NotFoundError('Category', id);
      if (existing.active === active) return existing;
      return this.write(
        tx,
        { ...existing, active },
        actor,
        active ? 'category.unarchive' : 'category.archive',
      );
    });
  }

  private write(
    tx: Tx,
    row: Omit<Category, 'changeSeq' | 'updatedAt'>,
    actor: Actor,
    action: string,
  ): Category {
    if (row.parentId !== null) this.checkParent(tx, row.id, row.parentId);
    const sibling = findSibling(tx.db, row.parentId, row.name, row.id);
    if (sibling !== undefined) {
      throw new ConflictError(
        `A category named "${row.name}" already exists there`,
        { id: sibling },
        'NAME_TAKEN',
      );
    }
    const category: Category = { ...row, changeSeq: tx.nextCounter('catalog'), updatedAt: tx.at };
    upsertCategory(tx.db, category);
    tx.outbox('category', category.id, 'upsert', category);
    tx.audit(auditEntry(actor, action, category.id, { name: category.name, parentId: category.parentId }));
    tx.emit({
      name: 'catalog.changed',
      payload: { changeSeq: category.changeSeq, productIds: [], categoryIds: [category.id] },
    });
    return category;
  }

  private checkParent(tx: Tx, id: string, parentId: string): void {
    const parent = getCategory(tx.db, parentId);
    if (!parent)
      throw new BusinessRuleError('UNKNOWN_CATEGORY', `Parent category ${parentId} does not exist`, {
        parentId,
      });
    const chain = [parentId, ...ancestorIds(tx.db, parentId)];
    if (chain.includes(id)) {
      throw new BusinessRuleError(
        'CATEGORY_CYCLE',
        'A category cannot be moved under itself or its own subcategory',
        {
          id,
          parentId,
        },
      );
    }
    if (chain.length >= MAX_CATEGORY_DEPTH) {
      throw new BusinessRuleError(
        'CATEGORY_TOO_DEEP',
        `Categories nest at most ${MAX_CATEGORY_DEPTH} levels`,
        { parentId },
      );
    }
  }
}
