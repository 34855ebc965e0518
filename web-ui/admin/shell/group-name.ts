import { msg } from '@lit/localize';
import type { NavGroup } from './router.js';

/** A menu group's name, translated. */
export function groupName(group: NavGroup): string {
  switch (group) {
    case 'overview':
      return msg('Overview');
    case 'catalog':
      return msg('Catalog');
    case 'stock':
      return msg('Stock');
    case 'customers':
      return msg('Customers');
    case 'marketing':
      return msg('Promotions');
    case 'staff':
      return msg('Staff');
    case 'reports':
      return msg('Reports');
    case 'store':
      return msg('Store');
  }
}
