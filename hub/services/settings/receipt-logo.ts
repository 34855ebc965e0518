import { z } from '@hono/zod-openapi';
import type { Bitmap } from '../../../devices/escpos/commands.js';
import type { HubContext } from '../../context.js';
import { deleteReceiptLogo, getReceiptLogo, upsertReceiptLogo } from '../../db/logo-queries.js';
import { NotFoundError, ValidationError } from '../../errors.js';
import { auditEntry, type Actor } from './actor.js';
import { parseOrThrow } from './settings-schema.js';

/** 80 mm paper at 203 dpi: the widest receipt printers print 576 dots. */
export const MAX_LOGO_WIDTH = 576;
export const MAX_LOGO_HEIGHT = 400;

export const ReceiptLogoSchema = z
  .strictObject({
    width: z.number().int().min(8).max(MAX_LOGO_WIDTH),
    height: z.number().int().min(8).max(MAX_LOGO_HEIGHT),
    /** Rows of ceil(width / 8) bytes, most significant bit first, 1 = black; base64. */
    bits: z.base64().max(Math.ceil((MAX_LOGO_WIDTH / 8) * MAX_LOGO_HEIGHT * (4 / 3)) + 4),
  })
  .openapi('ReceiptLogoInput');

export const ReceiptLogoViewSchema = z
  .object({ width: z.number().int(), height: z.number().int(), bits: z.string(), updatedAt: z.string() })
  .openapi('ReceiptLogo');

export type ReceiptLogoView = z.output<typeof ReceiptLogoViewSchema>;

/**
 * The logo printed at the top of receipts. The admin page turns the manager's image into the 1-bit
 * raster (scaled to the paper, dithered) and the hub checks and stores exactly what the printer gets;
 * a printer narrower than the logo, or without raster graphics, prints the receipt without it.
 */
export class ReceiptLogoService {
  private cached: Bitmap | null | undefined;

  constructor(private readonly ctx: HubContext) {}

  /** For the receipt renderer: the logo as a bitmap, or null. Read once, then from memory. */
  bitmap(): Bitmap | null {
    if (this.cached === undefined) {
      const row = this.ctx.tx.read((db) => getReceiptLogo(db));
      this.cached = row ? { width: row.width, height: row.height, data: new Uint8Array(row.bits) } : null;
    }
    return this.cached;
  }

  view(): ReceiptLogoView {
    const row = this.ctx.tx.read((db) => getReceiptLogo(db));
    if (!row) throw new NotFoundError('Receipt logo');
    return {
      width: row.width,
      height: row.height,
      bits: row.bits.toString('base64'),
      updatedAt: row.updated_at,
    };
  }

  set(input: unknown, actor: Actor): ReceiptLogoView {
    const data = parseOrThrow(ReceiptLogoSchema, input, 'receipt logo');
    const bits = Buffer.from(data.bits, 'base64');
    const expected = Math.ceil(data.width / 8) * data.height;
    if (bits.length !== expected) {
      throw new ValidationError(
        `The logo's bits are ${bits.length} bytes; ${data.width} x ${data.height} dots take ${expected}`,
        { issues: [{ path: 'bits', message: `expected ${expected} bytes` }] },
      );
    }
    const view = this.ctx.tx.write((tx) => {
      upsertReceiptLogo(tx.db, { width: data.width, height: data.height, bits, updated_at: tx.at });
      tx.outbox('receipt_logo', 'logo', 'upsert', {
        width: data.width,
        height: data.height,
        bits: data.bits,
        updatedAt: tx.at,
      });
      tx.audit(auditEntry(actor, 'settings.logo', 'logo', { width: data.width, height: data.height }));
      return { width: data.width, height: data.height, bits: data.bits, updatedAt: tx.at };
    });
    this.cached = undefined;
    return view;
  }

  remove(actor: Actor): { removed: boolean } {
    const removed = this.ctx.tx.write((tx) => {
      const gone = deleteReceiptLogo(tx.db);
      if (gone) {
        tx.outbox('receipt_logo', 'logo', 'delete', { id: 'logo' });
        tx.audit(auditEntry(actor, 'settings.logo_removed', 'logo'));
      }
      return gone;
    });
    this.cached = undefined;
    return { removed };
  }
}
