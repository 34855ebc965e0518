// SQL for the store's favourites.
import { stmt } from './catalog-queries.js';
import type { Db } from './connection.js';

export interface FavouriteRow {
  id: string;
  sku: string;
  name: string;
  price_minor: number;
  unit: string;
  weighed: number;
  category_id: string | null;
  position: number;
}

/** The favourites a till can sell now, in order: archived products and styles (sold by variant) drop out. */
export function listFavourites(db: Db): FavouriteRow[] {
  return stmt<[], FavouriteRow>(
    db,
    `SELECT p.id, p.sku, p.name, p.price_minor, p.unit, p.weighed, p.category_id, f.position
         FROM favourites f JOIN products p ON p.id = f.product_id
        WHERE p.active = 1 AND p.has_variants = 0
        ORDER BY f.position`,
  ).all();
}

export function favouriteProductIds(db: Db): string[] {
  return stmt<[], { product_id: string }>(db, 'SELECT product_id FROM favourites ORDER BY position')
    .all()
    .map((r) => r.product_id);
}

export function replaceFavourites(db: Db, productIds: readonly string[], at: string): void {
  stmt(db, 'DELETE FROM favourites').run();
  const insert = stmt<[string, number, string]>(
    db,
    'INSERT INTO favourites (product_id, position, updated_at) VALUES (?, ?, ?)',
  );
  productIds.forEach((id, position) => insert.run(id, position, at));
}
