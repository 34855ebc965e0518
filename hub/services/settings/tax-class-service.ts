import { z } from '@hono/zod-openapi';
import type { HubContext } from '../../context.js';
import {
  countProductsWithTaxClass,
  deleteTaxClass,
  findTaxClassByName,
  getTaxClass,
  listTaxClasses,
  upsertTaxClass,
  type TaxClassRow,
} from '../../db/settings-queries.js';
import type { Tx } from '../../db/transactor.js';
import { MAX_TAX_RATE_BP } from '../../domain/tax.js';
import { BusinessRuleError, ConflictError, NotFoundError } from '../../errors.js';
import { newId } from '../../ids.js';
import { auditEntry, type Actor } from './actor.js';
import { parseOrThrow } from './settings-schema.js';

export type TaxClass = TaxClassRow;

export const TaxClassSchema = z
  .object({
    id: z.string(),
    code: z.string().nullable(),
    name: z.string(),
    rateBp: z.number().int(),
    active: z.boolean(),
    updatedAt: z.string(),
  })
  .openapi('TaxClass');

const name = z.string().trim().min(1).max(60);
const rateBp = z.number().int().min(0).max(MAX_TAX_RATE_BP);

export const TaxClassCreateSchema = z
  .strictObject({
    id: z.uuid().optional(),
    code: z
      .string()
      .regex(/^[a-z][a-z0-9_]{0,29}$/)
      .optional(),
    name,
    rateBp,
  })
  .openapi('TaxClassCreate');

export const TaxClassPatchSchema = z
  .strictObject({ name: name.optional(), rateBp: rateBp.optional(), active: z.boolean().optional() })
  .openapi('TaxClassPatch');

/**
 * Tax classes: the rates products point at. A class that products use cannot be deleted (the products
 * would lose their rate); archive it instead, which keeps existing products selling and hides it from
 * new assignments. A rate change applies to future sales only: sale lines store the rate they used.
 */
export class TaxClassService {
  constructor(private readonly ctx: HubContext) {}

  list(): TaxClass[] {
    return this.ctx.tx.read((db) => listTaxClasses(db));
  }

  get(id: string): TaxClass {
    const row = this.ctx.tx.read((db) => getTaxClass(db, id));
    if (!row) throw new NotFoundError('Tax class', id);
    return row;
  }

  /** Idempotent by id: the same request again returns the same class; other content under it is a 409. */
  create(input: unknown, actor: Actor): { taxClass: TaxClass; created: boolean } {
    const data = parseOrThrow(TaxClassCreateSchema, input, 'tax class');
    return this.ctx.tx.write((tx) => {
      const id = data.id ?? newId();
      const existing = getTaxClass(tx.db, id);
      if (existing) {
        const same =
          existing.name === data.name &&
          existing.rateBp === data.rateBp &&
          existing.code === (data.code ?? null);
        if (!same) throw new ConflictError(`Tax class ${id} already exists with other content`, { id });
        return { taxClass: existing, created: false };
      }
      this.assertNameFree(tx, data.name, id);
      const row: TaxClass = {
        id,
        code: data.code ?? null,
        name: data.name,
        rateBp: data.rateBp,
        active: true,
        updatedAt: tx.at,
      };
      this.write(tx, row, actor, 'tax_class.create');
      return { taxClass: row, created: true };
    });
  }

  update(id: string, patch: unknown, actor: Actor): TaxClass {
    const data = parseOrThrow(TaxClassPatchSchema, patch, 'tax class');
    return this.ctx.tx.write((tx) => {
      const existing = getTaxClass(tx.db, id);
      if (!existing) throw new NotFoundError('Tax class', id);
      if (data.name !== undefined) this.assertNameFree(tx, data.name, id);
      const row: TaxClass = {
        ...existing,
        name: data.name ?? existing.name,
        rateBp: data.rateBp ?? existing.rateBp,
        active: data.active ?? existing.active,
        updatedAt: tx.at,
      };
      this.write(tx, row, actor, 'tax_class.update', {
        from: { rateBp: existing.rateBp, active: existing.active },
      });
      return row;
    });
  }

  delete(id: string, actor: Actor): void {
    this.ctx.tx.write((tx) => {
      if (!getTaxClass(tx.db, id)) throw new NotFoundError('Tax class', id);
      const used = countProductsWithTaxClass(tx.db, id);
      if (used > 0) {
        throw new BusinessRuleError(
          'TAX_CLASS_IN_USE',
          `${used} product(s) use this tax class; archive it instead, or move the products first`,
          { id, products: used },
        );
      }
      deleteTaxClass(tx.db, id);
      tx.outbox('tax_class', id, 'delete', { id });
      tx.audit(auditEntry(actor, 'tax_class.delete', id));
      tx.emit({ name: 'settings.changed', payload: {} });
    });
  }

  private assertNameFree(tx: Tx, taxName: string, id: string): void {
    const other = findTaxClassByName(tx.db, taxName);
    if (other && other.id !== id) {
      throw new ConflictError(
        `A tax class named "${taxName}" already exists`,
        { id: other.id },
        'NAME_TAKEN',
      );
    }
  }

  private write(
    tx: Tx,
    row: TaxClass,
    actor: Actor,
    action: string,
    details?: Record<string, unknown>,
  ): void {
    upsertTaxClass(tx.db, row);
    tx.outbox('tax_class', row.id, 'upsert', row);
    tx.audit(auditEntry(actor, action, row.id, { name: row.name, rateBp: row.rateBp, ...details }));
    // Tills cache rates with the settings, so a rate change is announced the same way.
    tx.emit({ name: 'settings.changed', payload: {} });
  }
}
