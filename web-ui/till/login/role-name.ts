import { msg } from '@lit/localize';

/** A staff member's role as the till shows it: builtin roles translated, a store's own role as written. */
export function roleName(role: string): string {
  switch (role) {
    case 'cashier':
      return msg('Cashier');
    case 'supervisor':
      return msg('Supervisor');
    case 'manager':
      return msg('Manager');
    case 'technician':
      return msg('Technician');
    case 'owner':
      return msg('Owner');
    default:
      // A custom role: its name is the store's own word, shown as the store wrote it.
      return role;
  }
}
