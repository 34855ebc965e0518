import { msg } from '@lit/localize';
import type { AdminRoute } from '../shell/router.js';

const page = (
  path: string,
  title: () => string,
  tag: string,
  load: () => Promise<unknown>,
  navOrder?: number,
): AdminRoute => ({
  path,
  group: 'stock',
  title,
  permission: 'stock.manage',
  tag,
  load,
  ...(navOrder === undefined ? {} : { navOrder }),
});

export const routes: readonly AdminRoute[] = [
  // Not '/stock': a listed path that prefixes the others would light up in the menu on their pages too.
  page(
    '/stock/levels',
    () => msg('Stock on hand'),
    'stock-levels-page',
    () => import('./stock-levels-page.js'),
    10,
  ),
  page(
    '/stock/receive',
    () => msg('Receive stock'),
    'stock-receive-page',
    () => import('./receive-page.js'),
    20,
  ),
  page(
    '/stock/adjust',
    () => msg('Adjust stock'),
    'stock-adjust-page',
    () => import('./adjust-page.js'),
    30,
  ),
  page(
    '/stock/counts',
    () => msg('Stock counts'),
    'stock-counts-page',
    () => import('./counts-page.js'),
    40,
  ),
  page(
    '/stock/counts/:id',
    () => msg('Stock count'),
    'stock-count-sheet-page',
    () => import('./count-sheet-page.js'),
  ),
  page(
    '/stock/orders',
    () => msg('Purchase orders'),
    'stock-orders-page',
    () => import('./orders-page.js'),
    50,
  ),
  page(
    '/stock/orders/:id',
    () => msg('Purchase order'),
    'stock-order-page',
    () => import('./order-page.js'),
  ),
  page(
    '/stock/reorder',
    () => msg('Reorder suggestions'),
    'stock-reorder-page',
    () => import('./reorder-page.js'),
    60,
  ),
  page(
    '/stock/suppliers',
    () => msg('Suppliers'),
    'stock-suppliers-page',
    () => import('./suppliers-page.js'),
    70,
  ),
  page(
    '/stock/valuation',
    () => msg('Inventory valuation'),
    'stock-valuation-page',
    () => import('./valuation-page.js'),
    80,
  ),
];
