import { describe, expect, it } from 'vitest';
import { adminHref, adminPath, matchRoute, menu, type AdminRoute } from '../../web-ui/admin/shell/router.js';

function route(path: string, over: Partial<AdminRoute> = {}): AdminRoute {
  return {
    path,
    group: 'catalog',
    title: () => path,
    permission: null,
    tag: 'x-page',
    load: () => Promise.resolve(),
    ...over,
  };
}

const ROUTES = [
  route('/'),
  route('/products', { navOrder: 10, permission: 'catalog.manage' }),
  route('/products/:id'),
  route('/products/import', { navOrder: 20, permission: 'catalog.manage' }),
  route('/tills', { group: 'store', navOrder: 10, permission: 'tills.manage' }),
  route('/reports', { group: 'reports', navOrder: 10, permission: 'reports.view' }),
];

describe('admin routes', () => {
  it('finds the page for an address, literal segments before parameters', () => {
    expect(matchRoute(ROUTES, '/')?.route.path).toBe('/');
    expect(matchRoute(ROUTES, '/products')?.route.path).toBe('/products');
    expect(matchRoute(ROUTES, '/products/import')?.route.path).toBe('/products/import');
    const product = matchRoute(ROUTES, '/products/0190a1b2-aaaa');
    expect(product?.route.path).toBe('/products/:id');
    expect(product?.params).toEqual({ id: '0190a1b2-aaaa' });
    expect(matchRoute(ROUTES, '/products/caf%C3%A9')?.params).toEqual({ id: 'café' });
    expect(matchRoute(ROUTES, '/products/%E0%A4%A')).toBeNull();
    expect(matchRoute(ROUTES, '/nothing/here')).toBeNull();
  });

  it('reads the admin part of a pathname and makes addresses back', () => {
    expect(adminPath('/admin')).toBe('/');
    expect(adminPath('/admin/')).toBe('/');
    expect(adminPath('/admin/tills/')).toBe('/tills');
    expect(adminPath('/administrator')).toBeNull();
    expect(adminPath('/till/')).toBeNull();
    expect(adminHref('/')).toBe('/admin/');
    expect(adminHref('/products', { q: 'mælk & ost' })).toBe('/admin/products?q=m%C3%A6lk+%26+ost');
  });

  it('lists in the menu only the pages the manager may open, by group and order', () => {
    const may = (p: string | null) => p === null || p === 'catalog.manage' || p === 'reports.view';
    const groups = menu(ROUTES, may);
    expect(groups.map((g) => g.group)).toEqual(['catalog', 'reports']);
    expect(groups[0]?.routes.map((r) => r.path)).toEqual(['/products', '/products/import']);
    expect(menu(ROUTES, () => false)).toEqual([]);
  });
});
