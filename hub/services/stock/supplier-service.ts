import { z } from '@hono/zod-openapi';
import type { HubContext } from '../../context.js';
import {
  selectSupplier,
  selectSuppliers,
  upsertSupplier,
  type SupplierRow,
} from '../../db/stock-supplier-queries.js';
import type { Tx } from '../../db/transactor.js';
import { ConflictError, NotFoundError } from '../../errors.js';
import { isUuidV7, newId } from '../../ids.js';
import { auditEntry, type Actor } from '../settings/actor.js';
import { parseOrThrow } from '../settings/settings-schema.js';

const text = (max: number) => z.string().trim().max(max);
const fields = {
  name: z.string().trim().min(1).max(120),
  contact: text(120),
  email: z.union([z.literal(''), z.email().max(200)]),
  phone: text(40),
  note: text(500),
};

export const SupplierCreateSchema = z
  .strictObject({
    id: z.uuid().refine(isUuidV7, 'must be a UUIDv7').optional(),
    name: fields.name,
    contact: fields.contact.default(''),
    email: fields.email.default(''),
    phone: fields.phone.default(''),
    note: fields.note.default(''),
  })
  .openapi('SupplierCreate');

export const SupplierPatchSchema = z
  .strictObject({
    name: fields.name.optional(),
    contact: fields.contact.optional(),
    email: fields.email.optional(),
    phone: fields.phone.optional(),
    note: fields.note.optional(),
  })
  .openapi('SupplierPatch');

export const SupplierViewSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    contact: z.string(),
    email: z.string(),
    phone: z.string(),
    note: z.string(),
    archived: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Supplier');

export type SupplierView = z.output<typeof SupplierViewSchema>;
type Editable = Pick<SupplierView, 'name' | 'contact' | 'email' | 'phone' | 'note'>;

function viewOf(row: SupplierRow): SupplierView {
  return {
    id: row.id,
    name: row.name,
    contact: row.contact,
    email: row.email,
    phone: row.phone,
    note: row.note,
    archived: row.archived_at !== null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const editableOf = (v: Editable): Editable => ({
  name: v.name,
  contact: v.contact,
  email: v.email,
  phone: v.phone,
  note: v.note,
});

/** Suppliers ('stock.manage'): archived, never deleted, since purchase orders keep naming them. */
export class SupplierService {
  constructor(private readonly ctx: HubContext) {}

  list(includeArchived: boolean): SupplierView[] {
    return this.ctx.tx.read((db) => selectSuppliers(db, includeArchived).map(viewOf));
  }

  get(id: string): SupplierView {
    const row = this.ctx.tx.read((db) => selectSupplier(db, id));
    if (!row) throw new NotFoundError('Supplier', id);
    return viewOf(row);
  }

  /** Idempotent by the client's id: the same create again answers the supplier, other content is a 409. */
  create(input: unknown, actor: Actor): { supplier: SupplierView; created: boolean } {
    const { id: requested, ...data } = parseOrThrow(SupplierCreateSchema, input, 'supplier');
    return this.ctx.tx.write((tx) => {
      const id = requested ?? newId();
      const existing = selectSupplier(tx.db, id);
      if (existing) {
        if (JSON.stringify(editableOf(viewOf(existing))) !== JSON.stringify(editableOf(data))) {
          throw new ConflictError(`Supplier ${id} already exists with other content`, { id });
        }
        return { supplier: viewOf(existing), created: false };
      }
      return { supplier: this.write(tx, id, data, null, actor, 'supplier.create'), created: true };
    });
  }

  update(id: string, input: unknown, actor: Actor): SupplierView {
    const data = parseOrThrow(SupplierPatchSchema, input, 'supplier');
    return this.ctx.tx.write((tx) => {
      const existing = selectSupplier(tx.db, id);
      if (!existing) throw new NotFoundError('Supplier', id);
      return this.write(
        tx,
        id,
        { ...editableOf(viewOf(existing)), ...data },
        existing,
        actor,
        'supplier.update',
      );
    });
  }

  setArchived(id: string, archived: boolean, actor: Actor): SupplierView {
    return this.ctx.tx.write((tx) => {
      const existing = selectSupplier(tx.db, id);
      if (!existing) throw new NotFoundError('Supplier', id);
      if ((existing.archived_at !== null) === archived) return viewOf(existing);
      const row: SupplierRow = { ...existing, archived_at: archived ? tx.at : null, updated_at: tx.at };
      upsertSupplier(tx.db, row);
      tx.outbox('supplier', id, 'upsert', viewOf(row));
      tx.audit(
        auditEntry(actor, archived ? 'supplier.archive' : 'supplier.unarchive', id, { name: row.name }),
      );
      return viewOf(row);
    });
  }

  private write(
    tx: Tx,
    id: string,
    data: Editable,
    existing: SupplierRow | null,
    actor: Actor,
    action: string,
  ): SupplierView {
    const row: SupplierRow = {
      id,
      ...editableOf(data),
      archived_at: existing?.archived_at ?? null,
      created_at: existing?.created_at ?? tx.at,
      updated_at: tx.at,
    };
    upsertSupplier(tx.db, row);
    const view = viewOf(row);
    tx.outbox('supplier', id, 'upsert', view);
    tx.audit(auditEntry(actor, action, id, { name: row.name }));
    return view;
  }
}
