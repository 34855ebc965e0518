import { msg } from '@lit/localize';
import type { AdminRoute } from '../shell/router.js';

export const routes: readonly AdminRoute[] = [
  {
    path: '/promotions',
    group: 'marketing',
    title: () => msg('Promotions'),
    navOrder: 10,
    permission: 'catalog.manage',
    tag: 'promotions-page',
    load: () => import('./promotions-page.js'),
  },
  {
    path: '/promotions/new',
    group: 'marketing',
    title: () => msg('New campaign'),
    permission: 'catalog.manage',
    tag: 'promotion-editor-page',
    load: () => import('./promotion-editor-page.js'),
  },
  {
    path: '/promotions/:id',
    group: 'marketing',
    title: () => msg('Campaign'),
    permission: 'catalog.manage',
    tag: 'promotion-editor-page',
    load: () => import('./promotion-editor-page.js'),
  },
];
