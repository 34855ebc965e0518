import { z } from '@hono/zod-openapi';
import { isUuidV7 } from '../../ids.js';

/** Prices and costs: minor units, bounded so a typo of six zeros is refused, not sold. */
export const MAX_PRICE_MINOR = 100_000_000;

export const UNITS = ['piece', 'kg', 'l'] as const;
export const BARCODE_KINDS = ['gtin', 'code', 'plu'] as const;

const money = z.number().int().min(0).max(MAX_PRICE_MINOR);
const clientId = z.uuid().refine(isUuidV7, 'must be a UUIDv7 (time-ordered), made by the client');

/**
 * A barcode as entered: digits of GTIN length are a GTIN and must have a valid check digit; kind 'plu'
 * is a scale item code (what a price- or weight-embedded label carries); anything else is an internal
 * code. A bare string is accepted and classified the same way.
 */
export const BarcodeInputSchema = z.union([
  z.string().trim().min(1).max(64),
  z.strictObject({ code: z.string().trim().min(1).max(64), kind: z.enum(BARCODE_KINDS).optional() }),
]);
export type BarcodeInput = z.output<typeof BarcodeInputSchema>;

const attributes = z
  .record(
    z.string().regex(/^[a-z][a-zA-Z0-9_]{0,29}$/, 'attribute names are short camelCase words'),
    z.string().trim().min(1).max(40),
  )
  .refine((a) => Object.keys(a).length <= 8, 'at most 8 attributes');

const fields = {
  sku: z.string().trim().min(1).max(64),
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2000),
  categoryId: z.uuid().nullable(),
  taxClassId: z.string().trim().min(1).max(64),
  unit: z.enum(UNITS),
  weighed: z.boolean(),
  priceMinor: money,
  costMinor: money,
  hasVariants: z.boolean(),
  attributes,
  barcodes: z.array(BarcodeInputSchema).max(20),
  reorderPoint: z.number().int().min(0).max(1_000_000_000).nullable(),
};

export const ProductCreateSchema = z
  .strictObject({
    id: clientId.optional(),
    parentId: z.uuid().nullable().default(null),
    sku: fields.sku,
    name: fields.name,
    description: fields.description.default(''),
    categoryId: fields.categoryId.default(null),
    taxClassId: fields.taxClassId,
    unit: fields.unit.default('piece'),
    weighed: fields.weighed.default(false),
    priceMinor: fields.priceMinor,
    costMinor: fields.costMinor.default(0),
    hasVariants: fields.hasVariants.default(false),
    attributes: fields.attributes.default({}),
    barcodes: fields.barcodes.default([]),
    reorderPoint: fields.reorderPoint.default(null),
    active: z.boolean().default(true),
  })
  .openapi('ProductCreate');
export type ProductCreate = z.output<typeof ProductCreateSchema>;

/** Fields left out keep their value; `barcodes`, when given, replaces the product's whole set. */
export const ProductPatchSchema = z
  .strictObject({
    sku: fields.sku.optional(),
    name: fields.name.optional(),
    description: fields.description.optional(),
    categoryId: fields.categoryId.optional(),
    taxClassId: fields.taxClassId.optional(),
    unit: fields.unit.optional(),
    weighed: fields.weighed.optional(),
    priceMinor: fields.priceMinor.optional(),
    costMinor: fields.costMinor.optional(),
    hasVariants: fields.hasVariants.optional(),
    attributes: fields.attributes.optional(),
    barcodes: fields.barcodes.optional(),
    reorderPoint: fields.reorderPoint.optional(),
  })
  .openapi('ProductPatch');
export type ProductPatch = z.output<typeof ProductPatchSchema>;

export const BarcodeSchema = z
  .object({
    code: z.string().openapi({ description: 'Stored form: GTIN-14, PLU:<item>, or an internal code' }),
    kind: z.enum(BARCODE_KINDS),
    display: z.string().openapi({ description: 'As printed: EAN-13/EAN-8/UPC digits, the PLU, or the code' }),
  })
  .openapi('Barcode');
export type Barcode = z.output<typeof BarcodeSchema>;

export const ProductSchema = z
  .object({
    id: z.string(),
    parentId: z.string().nullable(),
    sku: z.string(),
    name: z.string(),
    description: z.string(),
    attributes: z.record(z.string(), z.string()),
    categoryId: z.string().nullable(),
    taxClassId: z.string(),
    unit: z.enum(UNITS),
    weighed: z.boolean(),
    priceMinor: z.number().int(),
    costMinor: z.number().int(),
    active: z.boolean(),
    hasVariants: z.boolean(),
    reorderPoint: z.number().int().nullable(),
    changeSeq: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    barcodes: z.array(BarcodeSchema),
  })
  .openapi('Product');
export type Product = z.output<typeof ProductSchema>;
