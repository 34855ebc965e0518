import { msg } from '@lit/localize';
import type { AdminRoute } from '../shell/router.js';

const staffEdit = () => import('./staff-edit-page.js');
const roleEdit = () => import('./role-edit-page.js');

export const routes: readonly AdminRoute[] = [
  {
    path: '/staff',
    group: 'staff',
    title: () => msg('Staff'),
    navOrder: 10,
    permission: 'staff.manage',
    tag: 'staff-list-page',
    load: () => import('./staff-list-page.js'),
  },
  {
    path: '/staff/new',
    group: 'staff',
    title: () => msg('Add a staff member'),
    permission: 'staff.manage',
    tag: 'staff-edit-page',
    load: staffEdit,
  },
  {
    path: '/staff/:id',
    group: 'staff',
    title: () => msg('Staff member'),
    permission: 'staff.manage',
    tag: 'staff-edit-page',
    load: staffEdit,
  },
  {
    path: '/roles',
    group: 'staff',
    title: () => msg('Roles'),
    navOrder: 20,
    permission: 'staff.manage',
    tag: 'roles-page',
    load: () => import('./roles-page.js'),
  },
  {
    path: '/roles/new',
    group: 'staff',
    title: () => msg('New role'),
    permission: 'staff.manage',
    tag: 'role-edit-page',
    load: roleEdit,
  },
  {
    path: '/roles/:id',
    group: 'staff',
    title: () => msg('Role'),
    permission: 'staff.manage',
    tag: 'role-edit-page',
    load: roleEdit,
  },
  {
    path: '/timesheets',
    group: 'staff',
    title: () => msg('Timesheets'),
    navOrder: 30,
    permission: 'staff.manage',
    tag: 'timesheets-page',
    load: () => import('./timesheets-page.js'),
  },
  {
    path: '/timesheets/:staffId',
    group: 'staff',
    title: () => msg('Shifts'),
    permission: 'staff.manage',
    tag: 'shifts-page',
    load: () => import('./shifts-page.js'),
  },
  {
    path: '/staff-performance',
    group: 'staff',
    title: () => msg('Staff performance'),
    navOrder: 40,
    permission: 'reports.view',
    tag: 'performance-page',
    load: () => import('./performance-page.js'),
  },
];
