import { z } from '@hono/zod-openapi';
import type { HubContext } from '../../context.js';
import { getProduct } from '../../db/catalog-queries.js';
import { favouriteProductIds, listFavourites, replaceFavourites } from '../../db/favourite-queries.js';
import { BusinessRuleError, ValidationError } from '../../errors.js';
import { auditEntry, type Actor } from '../settings/actor.js';
import { parseOrThrow } from '../settings/settings-schema.js';

/** A till screen holds a few rows of buttons; more than this is a second catalog, not favourites. */
export const MAX_FAVOURITES = 48;

export const FavouriteSchema = z
  .object({
    id: z.string(),
    sku: z.string(),
    name: z.string(),
    priceMinor: z.number().int(),
    unit: z.enum(['piece', 'kg', 'l']),
    weighed: z.boolean(),
    categoryId: z.string().nullable(),
  })
  .openapi('Favourite');
export type Favourite = z.output<typeof FavouriteSchema>;

export const FavouritesSchema = z.object({ items: z.array(FavouriteSchema) }).openapi('Favourites');

export const FavouritesPutSchema = z
  .strictObject({ productIds: z.array(z.uuid()).max(MAX_FAVOURITES) })
  .openapi('FavouritesPut');

/**
 * The store's favourites: products a till shows as one-tap buttons, in the order the manager chose. The
 * list is replaced whole (a manager arranges it as one thing); archived products and styles drop out of
 * what tills see but keep their place, so unarchiving brings them back.
 */
export class FavouriteService {
  constructor(private readonly ctx: HubContext) {}

  list(): Favourite[] {
    return this.ctx.tx.read((db) =>
      listFavourites(db).map((r) => ({
        id: r.id,
        sku: r.sku,
        name: r.name,
        priceMinor: r.price_minor,
        unit: r.unit === 'kg' || r.unit === 'l' ? r.unit : 'piece',
        weighed: r.weighed === 1,
        categoryId: r.category_id,
      })),
    );
  }

  replace(input: unknown, actor: Actor): Favourite[] {
    const { productIds } = parseOrThrow(FavouritesPutSchema, input, 'favourites');
    if (new Set(productIds).size !== productIds.length) {
      throw new ValidationError('A product appears twice in the favourites', { productIds });
    }
    this.ctx.tx.write((tx) => {
      for (const id of productIds) {
        const product = getProduct(tx.db, id);
        if (!product || !product.active)
          throw new BusinessRuleError('UNKNOWN_PRODUCT', `No active product ${id}`, { productId: id });
        if (product.hasVariants)
          throw new BusinessRuleError('PRODUCT_IS_STYLE', `${product.name} is sold by its variants`, {
            productId: id,
          });
      }
      const before = favouriteProductIds(tx.db);
      replaceFavourites(tx.db, productIds, tx.at);
      tx.outbox('favourites', 'store', 'upsert', { productIds });
      tx.audit(auditEntry(actor, 'favourites.replace', null, { before, after: productIds }));
    });
    return this.list();
  }
}
