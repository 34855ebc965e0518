import { z } from '@hono/zod-openapi';
import type { HubContext } from '../../context.js';
import {
  deleteLabelTemplate,
  getLabelTemplate,
  listLabelTemplates,
  upsertLabelTemplate,
  type LabelTemplateRecord,
} from '../../db/label-template-queries.js';
import { validateTemplates, type LabelTemplate } from '../../domain/barcodes/index.js';
import { currencyExponent } from '../../domain/money.js';
import { NotFoundError, ValidationError } from '../../errors.js';
import { auditEntry, type Actor } from '../settings/actor.js';
import { parseOrThrow } from '../settings/settings-schema.js';
import type { SettingsService } from '../settings/settings-service.js';

export const TemplateIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'lower-case letters, digits and dashes, up to 40')
  .openapi({ example: 'scale-price' });

export const LabelTemplateBodySchema = z
  .strictObject({
    name: z.string().trim().min(1).max(60),
    prefix: z.string().regex(/^\d{1,4}$/),
    itemDigits: z.number().int().min(1).max(10),
    value: z.enum(['price', 'weight']),
    valueDigits: z.number().int().min(1).max(10),
    decimals: z.number().int().min(0).max(4),
    verifier: z.boolean().default(false),
    active: z.boolean().default(true),
  })
  .openapi('LabelTemplateBody');

export const LabelTemplateSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string(),
    itemDigits: z.number().int(),
    value: z.enum(['price', 'weight']),
    valueDigits: z.number().int(),
    decimals: z.number().int(),
    verifier: z.boolean(),
    active: z.boolean(),
    updatedAt: z.string(),
  })
  .openapi('LabelTemplate');
export type StoredLabelTemplate = z.output<typeof LabelTemplateSchema>;

/**
 * The store's price- and weight-embedded label layouts (what its scales print). Lookup uses the active
 * ones on every scan, so they are cached and the cache is dropped after each committed change.
 */
export class LabelTemplateService {
  private cache: LabelTemplate[] | undefined;

  constructor(
    private readonly ctx: HubContext,
    private readonly settings: SettingsService,
  ) {}

  list(): StoredLabelTemplate[] {
    return this.ctx.tx.read((db) => listLabelTemplates(db)).map(fromRecord);
  }

  get(id: string): StoredLabelTemplate {
    const row = this.ctx.tx.read((db) => getLabelTemplate(db, id));
    if (!row) throw new NotFoundError('Label template', id);
    return fromRecord(row);
  }

  /** The active templates in the form the barcode module reads. */
  active(): readonly LabelTemplate[] {
    this.cache ??= this.list()
      .filter((t) => t.active)
      .map(toDomain);
    return this.cache;
  }

  /**
   * Creates or replaces a template (PUT semantics: the id is the admin's name for it). The template is
   * checked on its own and against the other active ones, because two templates sharing a prefix make a
   * scan ambiguous.
   */
  put(id: string, body: unknown, actor: Actor): { template: StoredLabelTemplate; created: boolean } {
    const parsedId = parseOrThrow(TemplateIdSchema, id, 'label template id');
    const data = parseOrThrow(LabelTemplateBodySchema, body, 'label template');
    const exponent = currencyExponent(this.settings.get().currency);
    const result = this.ctx.tx.write((tx) => {
      const existing = getLabelTemplate(tx.db, parsedId);
      const template: StoredLabelTemplate = { id: parsedId, ...data, updatedAt: tx.at };
      if (data.active) {
        const others = listLabelTemplates(tx.db)
          .map(fromRecord)
          .filter((t) => t.active && t.id !== parsedId);
        const problems = validateTemplates([...others.map(toDomain), toDomain(template)], {
          currencyExponent: exponent,
        });
        if (problems.length > 0) {
          throw new ValidationError(`Invalid label template: ${problems.join('; ')}`, {
            issues: problems.map((message) => ({ path: '', message })),
          });
        }
      }
      const { id: _id, active, updatedAt, ...definition } = template;
      upsertLabelTemplate(tx.db, { id: parsedId, definition: JSON.stringify(definition), active, updatedAt });
      tx.outbox('label_template', parsedId, 'upsert', template);
      tx.audit(
        auditEntry(actor, existing ? 'label_template.update' : 'label_template.create', parsedId, definition),
      );
      tx.emit({ name: 'settings.changed', payload: {} });
      return { template, created: existing === undefined };
    });
    this.cache = undefined;
    return result;
  }

  /** Products keep their PLU codes (they are template-independent), so deleting is always safe. */
  delete(id: string, actor: Actor): void {
    this.ctx.tx.write((tx) => {
      if (!getLabelTemplate(tx.db, id)) throw new NotFoundError('Label template', id);
      deleteLabelTemplate(tx.db, id);
      tx.outbox('label_template', id, 'delete', { id });
      tx.audit(auditEntry(actor, 'label_template.delete', id));
      tx.emit({ name: 'settings.changed', payload: {} });
    });
    this.cache = undefined;
  }
}

function fromRecord(r: LabelTemplateRecord): StoredLabelTemplate {
  const parsed = LabelTemplateBodySchema.omit({ active: true }).safeParse(JSON.parse(r.definition));
  // Stored rows were validated on the way in; a failure here is a damaged database, a fault.
  if (!parsed.success) throw new Error(`stored label template ${r.id} does not parse`);
  return { id: r.id, ...parsed.data, active: r.active, updatedAt: r.updatedAt };
}

function toDomain(t: StoredLabelTemplate): LabelTemplate {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    itemDigits: t.itemDigits,
    value: t.value,
    valueDigits: t.valueDigits,
    decimals: t.decimals,
    verifier: t.verifier,
  };
}
