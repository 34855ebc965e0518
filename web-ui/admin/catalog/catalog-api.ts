// The hub's catalog endpoints the admin pages use: products, categories and tax classes.
import type { HubApiClient } from '../../shared/api/client.js';
import { array, integer, object, oneOf, optionalString, string, type Json } from '../../shared/api/decode.js';
import { decodePage, type Page } from '../components/paged-list.js';

export const UNITS = ['piece', 'kg', 'l'] as const;
export type Unit = (typeof UNITS)[number];

export interface Barcode {
  code: string;
  kind: 'gtin' | 'code' | 'plu';
  display: string;
}

export interface Product {
  id: string;
  parentId: string | null;
  sku: string;
  name: string;
  description: string;
  attributes: Record<string, string>;
  categoryId: string | null;
  taxClassId: string;
  unit: Unit;
  weighed: boolean;
  priceMinor: number;
  costMinor: number;
  active: boolean;
  hasVariants: boolean;
  reorderPoint: number | null;
  barcodes: Barcode[];
}

export interface Category {
  id: string;
  name: string;
  parentId: string | null;
  sort: number;
  active: boolean;
}

export interface TaxClass {
  id: string;
  code: string | null;
  name: string;
  rateBp: number;
  active: boolean;
}

function attributesOf(o: Json): Record<string, string> {
  const value = o.attributes;
  if (typeof value !== 'object' || value === null) return {};
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).filter(
      (e): e is [string, string] => typeof e[1] === 'string',
    ),
  );
}

export function decodeProduct(value: unknown): Product {
  const o = object(value, 'product');
  return {
    id: string(o, 'id', 'product'),
    parentId: optionalString(o, 'parentId', 'product'),
    sku: string(o, 'sku', 'product'),
    name: string(o, 'name', 'product'),
    description: string(o, 'description', 'product'),
    attributes: attributesOf(o),
    categoryId: optionalString(o, 'categoryId', 'product'),
    taxClassId: string(o, 'taxClassId', 'product'),
    unit: oneOf(o, 'unit', UNITS, 'product'),
    weighed: o.weighed === true,
    priceMinor: integer(o, 'priceMinor', 'product'),
    costMinor: integer(o, 'costMinor', 'product'),
    active: o.active === true,
    hasVariants: o.hasVariants === true,
    reorderPoint: typeof o.reorderPoint === 'number' ? o.reorderPoint : null,
    barcodes: array(o, 'barcodes', 'product').map((b) => {
      const bo = object(b, 'barcode');
      return {
        code: string(bo, 'code', 'barcode'),
        kind: oneOf(bo, 'kind', ['gtin', 'code', 'plu'], 'barcode'),
        display: string(bo, 'display', 'barcode'),
      };
    }),
  };
}

function decodeCategory(value: unknown): Category {
  const o = object(value, 'category');
  return {
    id: string(o, 'id', 'category'),
    name: string(o, 'name', 'category'),
    parentId: optionalString(o, 'parentId', 'category'),
    sort: integer(o, 'sort', 'category'),
    active: o.active === true,
  };
}

function decodeTaxClass(value: unknown): TaxClass {
  const o = object(value, 'tax class');
  return {
    id: string(o, 'id', 'tax class'),
    code: optionalString(o, 'code', 'tax class'),
    name: string(o, 'name', 'tax class'),
    rateBp: integer(o, 'rateBp', 'tax class'),
    active: o.active === true,
  };
}

export interface ProductFilter {
  q: string;
  categoryId: string;
  status: 'active' | 'archived' | 'all';
  parentId?: string;
}

export async function listProducts(
  api: HubApiClient,
  filter: ProductFilter,
  limit: number,
  offset: number,
  signal?: AbortSignal,
): Promise<Page<Product>> {
  const query = new URLSearchParams({ limit: String(limit), offset: String(offset), status: filter.status });
  if (filter.q !== '') query.set('q', filter.q);
  if (filter.categoryId !== '') query.set('categoryId', filter.categoryId);
  if (filter.parentId !== undefined) query.set('parentId', filter.parentId);
  return decodePage(
    await api.request(`/products?${query.toString()}`, signal ? { signal } : {}),
    decodeProduct,
    'products',
  );
}

export async function getProduct(api: HubApiClient, id: string): Promise<Product> {
  return decodeProduct(await api.request(`/products/${encodeURIComponent(id)}`));
}

export async function saveProduct(
  api: HubApiClient,
  id: string | null,
  body: Record<string, unknown>,
): Promise<Product> {
  const answer =
    id === null
      ? await api.request('/products', { method: 'POST', body })
      : await api.request(`/products/${encodeURIComponent(id)}`, { method: 'PATCH', body });
  return decodeProduct(answer);
}

export async function setProductActive(api: HubApiClient, id: string, active: boolean): Promise<Product> {
  const action = active ? 'unarchive' : 'archive';
  return decodeProduct(
    await api.request(`/products/${encodeURIComponent(id)}/${action}`, { method: 'POST' }),
  );
}

/** Every category (archived ones too when asked); a store has tens or hundreds. */
export async function listCategories(api: HubApiClient, archived = false): Promise<Category[]> {
  const all: Category[] = [];
  for (let offset = 0; ;) {
    const page = decodePage(
      await api.request(`/categories?limit=500&offset=${offset}&archived=${String(archived)}`),
      decodeCategory,
      'categories',
    );
    all.push(...page.items);
    if (page.nextOffset === null) return all;
    offset = page.nextOffset;
  }
}

export async function saveCategory(
  api: HubApiClient,
  id: string | null,
  body: Record<string, unknown>,
): Promise<Category> {
  const answer =
    id === null
      ? await api.request('/categories', { method: 'POST', body })
      : await api.request(`/categories/${encodeURIComponent(id)}`, { method: 'PATCH', body });
  return decodeCategory(answer);
}

export async function setCategoryActive(api: HubApiClient, id: string, active: boolean): Promise<Category> {
  const action = active ? 'unarchive' : 'archive';
  return decodeCategory(
    await api.request(`/categories/${encodeURIComponent(id)}/${action}`, { method: 'POST' }),
  );
}

export async function listTaxClasses(api: HubApiClient): Promise<TaxClass[]> {
  const page = decodePage(await api.request('/tax-classes?limit=500'), decodeTaxClass, 'tax classes');
  return page.items;
}

export async function saveTaxClass(
  api: HubApiClient,
  id: string | null,
  body: Record<string, unknown>,
): Promise<TaxClass> {
  const answer =
    id === null
      ? await api.request('/tax-classes', { method: 'POST', body })
      : await api.request(`/tax-classes/${encodeURIComponent(id)}`, { method: 'PATCH', body });
  return decodeTaxClass(answer);
}

/** "Food > Dairy" for each category id, for selects and tables. */
export function categoryPaths(categories: readonly Category[]): Map<string, string> {
  const byId = new Map(categories.map((c) => [c.id, c]));
  const out = new Map<string, string>();
  for (const c of categories) {
    const names: string[] = [];
    for (let at: Category | undefined = c, depth = 0; at && depth < 16; depth += 1) {
      names.unshift(at.name);
      at = at.parentId === null ? undefined : byId.get(at.parentId);
    }
    out.set(c.id, names.join(' > '));
  }
  return out;
}
