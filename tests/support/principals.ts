import type { Permission } from '../../hub/contract/permissions.js';
import type { Principal } from '../../hub/contract/principal.js';

/** A manager on the admin pages holding exactly these permissions (services check the set, not the role). */
export function adminWith(permissions: Permission[]): Principal {
  return {
    kind: 'admin',
    staff: {
      id: 'manager-1',
      name: 'M',
      roleId: 'manager',
      permissions: new Set(permissions),
      discountLimitBp: 0,
    },
    address: '127.0.0.1',
  };
}
