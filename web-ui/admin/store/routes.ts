import { msg } from '@lit/localize';
import type { AdminRoute } from '../shell/router.js';

export const routes: readonly AdminRoute[] = [
  {
    path: '/tills',
    group: 'store',
    title: () => msg('Tills'),
    navOrder: 10,
    permission: 'tills.manage',
    tag: 'tills-page',
    load: () => import('./tills-page.js'),
  },
];
