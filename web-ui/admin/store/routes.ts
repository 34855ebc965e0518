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
  {
    path: '/devices',
    group: 'store',
    title: () => msg('Devices'),
    navOrder: 20,
    permission: 'devices.manage',
    tag: 'devices-page',
    load: () => import('./devices-page.js'),
  },
  {
    path: '/settings',
    group: 'store',
    title: () => msg('Settings'),
    navOrder: 30,
    permission: 'settings.manage',
    tag: 'settings-page',
    load: () => import('./settings-page.js'),
  },
];
