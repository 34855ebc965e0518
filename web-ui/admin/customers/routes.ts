import { msg } from '@lit/localize';
import type { AdminRoute } from '../shell/router.js';

export const routes: readonly AdminRoute[] = [
  {
    path: '/customers',
    group: 'customers',
    title: () => msg('Customers'),
    navOrder: 10,
    permission: 'customers.manage',
    tag: 'customers-page',
    load: () => import('./customers-page.js'),
  },
  {
    path: '/customers/:id',
    group: 'customers',
    title: () => msg('Customer'),
    permission: 'customers.manage',
    tag: 'customer-profile-page',
    load: () => import('./customer-profile-page.js'),
  },
  {
    path: '/gift-cards',
    group: 'customers',
    title: () => msg('Gift cards'),
    navOrder: 20,
    permission: 'customers.manage',
    tag: 'gift-cards-page',
    load: () => import('./gift-cards-page.js'),
  },
  {
    path: '/loyalty',
    group: 'customers',
    title: () => msg('Loyalty'),
    navOrder: 30,
    permission: 'settings.manage',
    tag: 'loyalty-page',
    load: () => import('./loyalty-page.js'),
  },
];
