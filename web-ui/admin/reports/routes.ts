import { msg } from '@lit/localize';
import type { AdminRoute } from '../shell/router.js';

const report = (
  path: string,
  navOrder: number,
  title: () => string,
  tag: string,
  load: () => Promise<unknown>,
): AdminRoute => ({
  path: `/reports/${path}`,
  group: 'reports',
  title,
  navOrder,
  permission: 'reports.view',
  tag,
  load,
});

/** One page per report family; every one needs 'reports.view'. */
export const routes: readonly AdminRoute[] = [
  report(
    'sales',
    10,
    () => msg('Sales by period'),
    'report-sales-page',
    () => import('./sales-page.js'),
  ),
  report(
    'products',
    20,
    () => msg('Best and worst sellers'),
    'report-products-page',
    () => import('./products-page.js'),
  ),
  report(
    'categories',
    30,
    () => msg('Sales by category'),
    'report-categories-page',
    () => import('./categories-page.js'),
  ),
  report(
    'margin',
    40,
    () => msg('Gross margin'),
    'report-margin-page',
    () => import('./margin-page.js'),
  ),
  report(
    'payments',
    50,
    () => msg('Payment methods'),
    'report-payments-page',
    () => import('./payments-page.js'),
  ),
  report(
    'discounts',
    60,
    () => msg('Discounts and voids'),
    'report-discounts-page',
    () => import('./discounts-page.js'),
  ),
  report(
    'refunds',
    70,
    () => msg('Refunds'),
    'report-refunds-page',
    () => import('./refunds-page.js'),
  ),
  report(
    'tax',
    80,
    () => msg('Tax by rate'),
    'report-tax-page',
    () => import('./tax-page.js'),
  ),
  report(
    'cash-sessions',
    90,
    () => msg('Cash sessions and Z reports'),
    'report-cash-sessions-page',
    () => import('./cash-sessions-page.js'),
  ),
  report(
    'low-stock',
    100,
    () => msg('Low stock'),
    'report-low-stock-page',
    () => import('./low-stock-page.js'),
  ),
];
