import { z } from '@hono/zod-openapi';
import { isUuidV7 } from '../../ids.js';

// Limits: a deal of more than 100 units or a price above 100,000,000 minor units is a typo, not a campaign.
const MAX_UNITS = 100;
const MAX_PRICE_MINOR = 100_000_000;

const Bp = z.number().int().min(1).max(10_000);
const Price = z.number().int().min(0).max(MAX_PRICE_MINOR);
const Units = z.number().int().min(1).max(MAX_UNITS);

export const PromotionTargetSchema = z
  .strictObject({
    productIds: z.array(z.uuid()).max(1000).default([]),
    categoryIds: z.array(z.uuid()).max(200).default([]),
  })
  .refine((t) => t.productIds.length + t.categoryIds.length > 0, 'must name at least one product or category')
  .openapi('PromotionTarget');

export const PromotionRuleSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('percent_off'), bp: Bp }),
    z.strictObject({ kind: z.literal('amount_off'), amountMinor: Price.min(1) }),
    z.strictObject({ kind: z.literal('fixed_price'), priceMinor: Price }),
    z
      .strictObject({ kind: z.literal('multibuy'), buy: Units.min(2), pay: Units })
      .refine((r) => r.pay < r.buy, 'pay must be less than buy'),
    z.strictObject({ kind: z.literal('bundle_price'), quantity: Units.min(2), priceMinor: Price }),
    z.strictObject({
      kind: z.literal('buy_get'),
      buy: Units,
      get: Units,
      getTarget: PromotionTargetSchema,
      getPercentBp: Bp,
    }),
  ])
  .openapi('PromotionRule', {
    description:
      'percent_off (basis points), amount_off and fixed_price per unit or per kg; multibuy (buy 3 pay 2), ' +
      'bundle_price (N for a price; a target of several products is mix and match), buy_get (buy X of the ' +
      'target, get Y of getTarget at getPercentBp off). How they combine: docs/promotions.md.',
  });

const Instant = z.iso.datetime({ offset: true });

/** Coupon codes are stored upper-case without spaces, as printed on a flyer: letters, digits and dashes. */
const Coupon = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9-]{2,31}$/, 'must be 3 to 32 letters, digits or dashes');

const fields = {
  name: z.string().trim().min(1).max(80),
  target: PromotionTargetSchema,
  rule: PromotionRuleSchema,
  startsAt: Instant,
  endsAt: Instant.nullable(),
  couponCode: Coupon.nullable(),
  customersOnly: z.boolean(),
  priority: z.number().int().min(0).max(1000),
};

const windowIsForward = (p: { startsAt?: string; endsAt?: string | null }): boolean =>
  p.startsAt === undefined ||
  p.endsAt === undefined ||
  p.endsAt === null ||
  Date.parse(p.endsAt) > Date.parse(p.startsAt);

export const PromotionCreateSchema = z
  .strictObject({
    id: z.uuid().refine(isUuidV7, 'must be a UUIDv7').optional(),
    name: fields.name,
    target: fields.target,
    rule: fields.rule,
    startsAt: fields.startsAt,
    endsAt: fields.endsAt.default(null),
    couponCode: fields.couponCode.default(null),
    customersOnly: fields.customersOnly.default(false),
    priority: fields.priority.default(0),
  })
  .refine(windowIsForward, { message: 'endsAt must be after startsAt', path: ['endsAt'] })
  .openapi('PromotionCreate');

export const PromotionPatchSchema = z
  .strictObject({
    name: fields.name.optional(),
    target: fields.target.optional(),
    rule: fields.rule.optional(),
    startsAt: fields.startsAt.optional(),
    endsAt: fields.endsAt.optional(),
    couponCode: fields.couponCode.optional(),
    customersOnly: fields.customersOnly.optional(),
    priority: fields.priority.optional(),
  })
  .openapi('PromotionPatch');

export const PromotionStatusSchema = z.enum(['scheduled', 'active', 'ended', 'archived']);
export type PromotionStatus = z.output<typeof PromotionStatusSchema>;

export const PromotionViewSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    target: z.object({ productIds: z.array(z.string()), categoryIds: z.array(z.string()) }),
    rule: PromotionRuleSchema,
    startsAt: z.string(),
    endsAt: z.string().nullable(),
    couponCode: z.string().nullable(),
    customersOnly: z.boolean(),
    priority: z.number().int(),
    archived: z.boolean(),
    status: PromotionStatusSchema.openapi({
      description: 'By the hub clock: not started yet, running now, past its end, or archived',
    }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Promotion');

export type PromotionCreate = z.output<typeof PromotionCreateSchema>;
export type PromotionPatch = z.output<typeof PromotionPatchSchema>;
export type PromotionView = z.output<typeof PromotionViewSchema>;
