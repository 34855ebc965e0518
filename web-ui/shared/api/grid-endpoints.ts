import type { HubApiClient } from './client.js';
import { array, integer, object, optionalString, string } from './decode.js';
import { productHit, type ProductHit } from './sales-endpoints.js';

/** What the till's touch grid shows: the store's favourites, the categories and a category's products. */
export interface GridCategory {
  id: string;
  name: string;
  parentId: string | null;
  sort: number;
}

export async function listFavourites(api: HubApiClient): Promise<ProductHit[]> {
  const o = object(await api.request('/favourites?limit=100'), 'favourites');
  return array(o, 'items', 'favourites').map((item) => productHit(object(item, 'favourite'), 'favourite'));
}

export async function listCategories(api: HubApiClient): Promise<GridCategory[]> {
  const o = object(await api.request('/categories?limit=500'), 'categories');
  return array(o, 'items', 'categories')
    .map((item) => {
      const c = object(item, 'category');
      return {
        id: string(c, 'id', 'category'),
        name: string(c, 'name', 'category'),
        parentId: optionalString(c, 'parentId', 'category'),
        sort: integer(c, 'sort', 'category'),
      };
    })
    .sort((a, b) => a.sort - b.sort || a.name.localeCompare(b.name));
}

/** The products a till can sell from one category: a style is left out (its variants are listed). */
export async function listCategoryProducts(
  api: HubApiClient,
  categoryId: string,
  signal?: AbortSignal,
): Promise<ProductHit[]> {
  const params = new URLSearchParams({ categoryId, limit: '200' });
  const o = object(await api.request(`/products?${params.toString()}`, signal ? { signal } : {}), 'products');
  return array(o, 'items', 'products')
    .map((item) => object(item, 'product'))
    .filter((p) => p.hasVariants !== true)
    .map((p) => productHit(p, 'product'));
}
