import { createRoute, z } from '@hono/zod-openapi';
import type { GiftCardService } from '../../services/customers/gift-card-service.js';
import type { ApiModule } from '../app.js';
import { PageQuerySchema, createRouter, errorResponses, pageSchema } from '../router.js';
import { body, json } from './access-helpers.js';
import { ReasonNote, signedChange } from './ledger-schemas.js';

const EntrySchema = z.object({
  kind: z.enum(['load', 'redeem', 'reversal', 'adjust']),
  amountMinor: z.number().int(),
  saleId: z.string().nullable(),
  paymentId: z.string().nullable(),
  note: z.string(),
  at: z.string(),
});
const GiftCardSchema = z
  .object({
    code: z.string().openapi({ example: 'GC20261206001' }),
    currency: z.string(),
    balanceMinor: z.number().int(),
    activatedSaleId: z.string().nullable(),
    createdAt: z.string(),
    entries: z.array(EntrySchema),
  })
  .openapi('GiftCard');
const SummarySchema = z.object({
  code: z.string(),
  currency: z.string(),
  balanceMinor: z.number().int(),
  createdAt: z.string(),
  lastActivityAt: z.string(),
});
const PageSchema = pageSchema(SummarySchema).openapi('GiftCardPage');
const ProductSchema = z
  .object({
    productId: z.string(),
    sku: z.string(),
    name: z.string(),
    priceMinor: z.number().int(),
    active: z.boolean(),
  })
  .openapi('GiftCardProduct');
const CodeParam = z.object({
  code: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .openapi({ description: 'The card code as printed, in any case, with or without spaces or dashes' }),
});
const ListQuery = PageQuerySchema.extend({
  q: z.string().trim().max(40).default('').openapi({ description: 'Start of the card code' }),
});
const ReloadSchema = z
  .strictObject({ amountMinor: signedChange(100_000_000), note: ReasonNote })
  .openapi('GiftCardReload');
const ProductParam = z.object({ productId: z.uuid() });
const ProductBody = z.strictObject({ giftCard: z.boolean() }).openapi('GiftCardProductFlag');

/**
 * /gift-cards: balance and ledger of a card for any staff member; the list, reloads by a manager and the
 * products that sell gift cards. Cards are sold through a sale line and redeemed as a 'gift_card' tender.
 */
export function createGiftCardsApi(cards: GiftCardService): ApiModule {
  const routes = createRouter({ auth: 'authenticated' })
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        tags: ['gift cards'],
        request: { query: ListQuery },
        responses: {
          200: json(PageSchema, 'Cards, latest activity first'),
          ...errorResponses(400, 401, 403),
        },
      }),
      (c) => {
        const { q, limit, offset } = c.req.valid('query');
        return c.json(cards.list(c.get('principal'), q, limit, offset), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/products',
        tags: ['gift cards'],
        responses: {
          200: json(z.array(ProductSchema), 'Products that sell gift cards'),
          ...errorResponses(401),
        },
      }),
      (c) => c.json(cards.products(c.get('principal')), 200),
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/products/{productId}',
        tags: ['gift cards'],
        request: { params: ProductParam, ...body(ProductBody) },
        responses: {
          200: json(z.array(ProductSchema), 'Products that sell gift cards'),
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      (c) =>
        c.json(
          cards.setProduct(c.get('principal'), c.req.valid('param').productId, c.req.valid('json').giftCard),
          200,
        ),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/{code}',
        tags: ['gift cards'],
        summary: 'Balance and ledger of a gift card',
        request: { params: CodeParam },
        responses: {
          200: json(GiftCardSchema, 'The card with its balance'),
          ...errorResponses(400, 401, 404),
        },
      }),
      (c) => c.json(cards.get(c.get('principal'), c.req.valid('param').code), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{code}/reload',
        tags: ['gift cards'],
        summary: 'A manager loads or corrects a card (a new code is issued in the store currency)',
        request: { params: CodeParam, ...body(ReloadSchema) },
        responses: {
          200: json(GiftCardSchema, 'The card after the entry'),
          ...errorResponses(400, 401, 403, 404, 422),
        },
      }),
      (c) => c.json(cards.reload(c.get('principal'), c.req.valid('param').code, c.req.valid('json')), 200),
    );
  return { path: 'gift-cards', routes };
}
