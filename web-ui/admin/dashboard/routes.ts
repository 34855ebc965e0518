import { msg } from '@lit/localize';
import type { AdminRoute } from '../shell/router.js';

export const routes: readonly AdminRoute[] = [
  {
    path: '/',
    group: 'overview',
    title: () => msg('Dashboard'),
    navOrder: 0,
    permission: null,
    tag: 'dashboard-page',
    load: () => import('./dashboard-page.js'),
  },
];
