import { z } from '@hono/zod-openapi';
import type { HubContext } from '../../context.js';
import {
  countEnabledTenders,
  getTender,
  listTenders,
  upsertTender,
  type TenderRow,
} from '../../db/settings-queries.js';
import type { Tx } from '../../db/transactor.js';
import { BusinessRuleError, ConflictError, NotFoundError } from '../../errors.js';
import { newId } from '../../ids.js';
import { auditEntry, type Actor } from './actor.js';
import { parseOrThrow } from './settings-schema.js';

export type Tender = TenderRow;

export const TENDER_KINDS = [
  'cash',
  'card',
  'mobile',
  'voucher',
  'store_credit',
  'other',
  'gift_card',
  'loyalty',
] as const;

export const TenderSchema = z
  .object({
    id: z.string(),
    kind: z.enum(TENDER_KINDS),
    name: z.string(),
    enabled: z.boolean(),
    sort: z.number().int(),
  })
  .openapi('Tender');

const name = z.string().trim().min(1).max(40);
const sort = z.number().int().min(0).max(1000);

export const TenderCreateSchema = z
  .strictObject({
    id: z.uuid().optional(),
    kind: z.enum(TENDER_KINDS),
    name,
    enabled: z.boolean().default(true),
    sort: sort.default(0),
  })
  .openapi('TenderCreate');

export const TenderPatchSchema = z
  .strictObject({ name: name.optional(), enabled: z.boolean().optional(), sort: sort.optional() })
  .openapi('TenderPatch');

/**
 * Tenders (ways to pay). They are never deleted, because past payments refer to them: a tender the
 * store stops taking is disabled. The kind is fixed at creation since it decides behaviour (cash opens
 * the drawer and is rounded, card goes to a terminal).
 */
export class TenderService {
  constructor(private readonly ctx: HubContext) {}

  list(): Tender[] {
    return this.ctx.tx.read((db) => listTenders(db));
  }

  create(input: unknown, actor: Actor): { tender: Tender; created: boolean } {
    const data = parseOrThrow(TenderCreateSchema, input, 'tender');
    return this.ctx.tx.write((tx) => {
      const id = data.id ?? newId();
      const existing = getTender(tx.db, id);
      if (existing) {
        const same = existing.kind === data.kind && existing.name === data.name;
        if (!same) throw new ConflictError(`Tender ${id} already exists with other content`, { id });
        return { tender: existing, created: false };
      }
      const row: Tender = { id, kind: data.kind, name: data.name, enabled: data.enabled, sort: data.sort };
      this.write(tx, row, actor, 'tender.create');
      return { tender: row, created: true };
    });
  }

  update(id: string, patch: unknown, actor: Actor): Tender {
    const data = parseOrThrow(TenderPatchSchema, patch, 'tender');
    return this.ctx.tx.write((tx) => {
      const existing = getTender(tx.db, id);
      if (!existing) throw new NotFoundError('Tender', id);
      const row: Tender = {
        ...existing,
        name: data.name ?? existing.name,
        enabled: data.enabled ?? existing.enabled,
        sort: data.sort ?? existing.sort,
      };
      // A store with no way to take money cannot sell; refuse rather than lock the tills out.
      if (existing.enabled && !row.enabled && countEnabledTenders(tx.db) <= 1) {
        throw new BusinessRuleError('LAST_TENDER', 'At least one tender must stay enabled', { id });
      }
      this.write(tx, row, actor, 'tender.update');
      return row;
    });
  }

  private write(tx: Tx, row: Tender, actor: Actor, action: string): void {
    upsertTender(tx.db, row);
    tx.outbox('tender', row.id, 'upsert', row);
    tx.audit(auditEntry(actor, action, row.id, { kind: row.kind, name: row.name, enabled: row.enabled }));
    tx.emit({ name: 'settings.changed', payload: {} });
  }
}
