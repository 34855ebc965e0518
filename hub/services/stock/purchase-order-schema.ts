import { z } from '@hono/zod-openapi';
import { isUuidV7 } from '../../ids.js';
import { MAX_STOCK_QUANTITY } from './stock-service.js';

const quantity = z.number().int().min(1).max(MAX_STOCK_QUANTITY);
const costMinor = z.number().int().min(0).max(100_000_000);

const OrderLine = z.strictObject({
  productId: z.uuid(),
  quantity,
  /** Unit cost agreed with the supplier; the product's current cost when left out. */
  costMinor: costMinor.optional(),
});

export const PurchaseOrderCreateSchema = z
  .strictObject({
    id: z.uuid().refine(isUuidV7, 'must be a UUIDv7').optional(),
    supplierId: z.uuid(),
    note: z.string().trim().max(500).default(''),
    lines: z.array(OrderLine).min(1).max(500),
  })
  .openapi('PurchaseOrderCreate');

/** Only a draft can be edited; lines, when given, replace all of them. */
export const PurchaseOrderPatchSchema = z
  .strictObject({
    supplierId: z.uuid().optional(),
    note: z.string().trim().max(500).optional(),
    lines: z.array(OrderLine).min(1).max(500).optional(),
  })
  .openapi('PurchaseOrderPatch');

export const PurchaseOrderReceiveSchema = z
  .strictObject({
    /** The supplier's delivery note. */
    reference: z.string().trim().min(1).max(64).optional(),
    lines: z
      .array(z.strictObject({ lineNo: z.number().int().min(1), quantity, costMinor: costMinor.optional() }))
      .min(1)
      .max(500)
      .refine((lines) => new Set(lines.map((l) => l.lineNo)).size === lines.length, 'each line once'),
  })
  .openapi('PurchaseOrderReceive');

export const PurchaseOrderViewSchema = z
  .object({
    id: z.string(),
    number: z.number().int(),
    supplierId: z.string(),
    supplierName: z.string(),
    status: z.enum(['draft', 'sent', 'partly_received', 'received', 'cancelled']),
    note: z.string(),
    lines: z.array(
      z.object({
        lineNo: z.number().int(),
        productId: z.string(),
        sku: z.string(),
        name: z.string(),
        unit: z.enum(['piece', 'kg', 'l']),
        ordered: z.number().int(),
        received: z.number().int(),
        costMinor: z.number().int(),
      }),
    ),
    /** Ordered quantity at unit cost over all lines (per kg or litre for weighed goods), in minor units. */
    totalMinor: z.number().int(),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
    updatedAt: z.string(),
  })
  .openapi('PurchaseOrder');

export type PurchaseOrderView = z.output<typeof PurchaseOrderViewSchema>;
