import { z } from '@hono/zod-openapi';
import { isoNow } from '../../clock.js';
import type { HubContext } from '../../context.js';
import { selectPreviewProducts, selectProductPromotionKeys } from '../../db/promotion-queries.js';
import { divRoundToNumber } from '../../domain/money.js';
import { applyPromotions, type Promotion, type PromotionLine } from '../../domain/promotions/index.js';
import { BusinessRuleError } from '../../errors.js';
import { parseOrThrow } from '../settings/settings-schema.js';
import { PromotionCreateSchema } from './promotion-schema.js';
import { pricingPromotions } from './promotion-service.js';

const AppliedSchema = z.object({
  promotionId: z.string(),
  name: z.string(),
  discountMinor: z.number().int(),
});

export const PromotionPreviewRequestSchema = z
  .strictObject({
    lines: z
      .array(
        z.strictObject({
          productId: z.uuid(),
          /** Pieces, or grams for an item sold by weight. */
          quantity: z.number().int().min(1).max(1_000_000),
        }),
      )
      .min(1)
      .max(200),
    couponCodes: z.array(z.string().trim().min(1).max(32)).max(10).default([]),
    withCustomer: z.boolean().default(false),
    at: z.iso.datetime({ offset: true }).optional().openapi({ description: 'Default: now by the hub clock' }),
    draft: PromotionCreateSchema.optional().openapi({
      description: 'A promotion being edited, priced as if saved (it replaces the stored one with its id)',
    }),
  })
  .openapi('PromotionPreviewRequest');

export const PromotionPreviewSchema = z
  .object({
    at: z.string(),
    lines: z.array(
      z.object({
        productId: z.string(),
        name: z.string(),
        quantity: z.number().int(),
        measured: z.boolean(),
        unitPriceMinor: z.number().int(),
        grossMinor: z.number().int(),
        discountMinor: z.number().int(),
        totalMinor: z.number().int(),
        promotions: z.array(AppliedSchema),
      }),
    ),
    promotions: z.array(AppliedSchema),
    unknownCoupons: z.array(z.string()),
    grossMinor: z.number().int(),
    discountMinor: z.number().int(),
    totalMinor: z.number().int(),
  })
  .openapi('PromotionPreview');

export type PromotionPreviewRequest = z.output<typeof PromotionPreviewRequestSchema>;
export type PromotionPreview = z.output<typeof PromotionPreviewSchema>;

const DRAFT_ID = 'draft';

/**
 * "Which promotions apply to this cart?" without a sale: the admin's sample cart and a quick answer for
 * the till. Catalog prices, the running promotions (plus a draft being edited) and the engine, exactly as
 * a sale is priced, but before the cashier's own discounts. Nothing is written.
 */
export function previewPromotions(ctx: HubContext, input: unknown): PromotionPreview {
  const request = parseOrThrow(PromotionPreviewRequestSchema, input, 'preview');
  const at = request.at === undefined ? isoNow(ctx.clock) : new Date(request.at).toISOString();
  return ctx.tx.read((db) => {
    const products = selectPreviewProducts(
      db,
      request.lines.map((l) => l.productId),
    );
    const missing = request.lines.filter((l) => !products.has(l.productId)).map((l) => l.productId);
    if (missing.length > 0) {
      throw new BusinessRuleError('UNKNOWN_PRODUCT', 'The sample cart names products that do not exist', {
        productIds: [...new Set(missing)],
      });
    }
    const keys = selectProductPromotionKeys(
      db,
      request.lines.map((l) => l.productId),
    );
    const lines = request.lines.map((l, i): PromotionLine => {
      const product = products.get(l.productId);
      return {
        key: String(i),
        productId: l.productId,
        parentProductId: keys.get(l.productId)?.parentProductId ?? null,
        categoryIds: keys.get(l.productId)?.categoryIds ?? [],
        unitPriceMinor: product?.price_minor ?? 0,
        quantity: l.quantity,
        measured: product?.weighed === 1,
      };
    });
    const result = applyPromotions(lines, withDraft(pricingPromotions(db), request.draft), {
      now: at,
      couponCodes: request.couponCodes,
      customerId: request.withCustomer ? 'preview-customer' : null,
    });
    const priced = lines.map((line, i) => {
      const grossMinor = line.measured
        ? divRoundToNumber(BigInt(line.unitPriceMinor) * BigInt(line.quantity), 1000n, 'line gross')
        : line.unitPriceMinor * line.quantity;
      const applied = result.lines[i];
      const discountMinor = applied?.discountMinor ?? 0;
      return {
        productId: line.productId,
        name: products.get(line.productId)?.name ?? '',
        quantity: line.quantity,
        measured: line.measured,
        unitPriceMinor: line.unitPriceMinor,
        grossMinor,
        discountMinor,
        totalMinor: grossMinor - discountMinor,
        promotions: applied?.applied ?? [],
      };
    });
    const grossMinor = priced.reduce((sum, l) => sum + l.grossMinor, 0);
    const discountMinor = priced.reduce((sum, l) => sum + l.discountMinor, 0);
    return {
      at,
      lines: priced,
      promotions: result.applied,
      unknownCoupons: result.unknownCoupons,
      grossMinor,
      discountMinor,
      totalMinor: grossMinor - discountMinor,
    };
  });
}

function withDraft(stored: Promotion[], draft: PromotionPreviewRequest['draft']): Promotion[] {
  if (draft === undefined) return stored;
  const id = draft.id ?? DRAFT_ID;
  const promotion: Promotion = {
    id,
    name: draft.name,
    target: draft.target,
    rule: draft.rule,
    startsAt: draft.startsAt,
    endsAt: draft.endsAt,
    couponCode: draft.couponCode,
    customersOnly: draft.customersOnly,
    priority: draft.priority,
  };
  return [...stored.filter((p) => p.id !== id), promotion];
}
