import { msg } from '@lit/localize';

/**
 * What the cashier asked to do, in words, for the permissions a till can run into. A permission the till
 * does not know yet (a newer hub) is shown by its code, which support can still read.
 */
export function permissionText(permission: string): string {
  switch (permission) {
    case 'sale.remove_line':
      return msg('Remove a line or lower a quantity');
    case 'sale.discount_above_limit':
      return msg('A discount above your limit');
    case 'sale.price_override':
      return msg('Change a price');
    case 'sale.void':
      return msg('Void the sale');
    case 'sale.manual_weight':
      return msg('Type a weight by hand');
    case 'return.refund':
      return msg('Refund a return');
    case 'return.blind':
      return msg('A return without a receipt');
    case 'return.refund_other_tender':
      return msg('Refund to another tender');
    case 'drawer.open':
      return msg('Open the cash drawer');
    case 'cash.session':
      return msg('Cash in or out of the drawer');
    case 'cash.close_session':
      return msg('Close the cash session');
    default:
      return permission;
  }
}
