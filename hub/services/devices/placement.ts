import type { DeviceKind } from '../../contract/mqtt.js';
import * as q from '../../db/devices-queries.js';
import type { Db } from '../../db/connection.js';
import { BusinessRuleError, ConflictError, ValidationError } from '../../errors.js';
import type { ProfileCatalog } from './profiles.js';
import { KIND_OF_ROLE, SHARED_ROLES, type DeviceRole } from './roles.js';
import { TRANSPORTS_OF_KIND, type Transport } from './transport.js';

/** Everything about where a device sits and how it is reached, checked together before any write. */
export interface Placement {
  kind: DeviceKind;
  profileId: string;
  transport: Transport;
  tillId: string | null;
  role: DeviceRole | null;
}

/**
 * The registry's rules, in one place: the profile fits the kind, the transport fits the kind, a drawer
 * on a printer's kick port names a live printer, a till and a role come together, the role fits the
 * kind, and a till has at most one device per role (kitchen printers excepted). `selfId` is the device
 * being changed, so it does not clash with itself.
 */
export function checkPlacement(db: Db, p: Placement, profiles: ProfileCatalog, selfId: string | null): void {
  const profileProblem = profiles.check(p.profileId, p.kind);
  if (profileProblem !== null) {
    throw new ValidationError(
      `Profile ${p.profileId}: ${profileProblem}`,
      { profileId: p.profileId },
      'BAD_PROFILE',
    );
  }
  if (!TRANSPORTS_OF_KIND[p.kind].includes(p.transport.type)) {
    throw new ValidationError(
      `A ${p.kind} cannot use the ${p.transport.type} transport`,
      { kind: p.kind, transport: p.transport.type, allowed: TRANSPORTS_OF_KIND[p.kind] },
      'BAD_TRANSPORT',
    );
  }
  if (p.transport.type === 'via-printer') checkHostPrinter(db, p.transport.printerDeviceId, selfId);
  if ((p.tillId === null) !== (p.role === null)) {
    throw new ValidationError('A till and a role are assigned together', {}, 'ASSIGNMENT_INCOMPLETE');
  }
  if (p.tillId === null || p.role === null) return;
  if (KIND_OF_ROLE[p.role] !== p.kind) {
    throw new ValidationError(
      `A ${p.kind} cannot be the ${p.role} of a till`,
      { kind: p.kind, role: p.role },
      'ROLE_NOT_FOR_KIND',
    );
  }
  if (!q.tillAssignable(db, p.tillId)) {
    throw new BusinessRuleError('TILL_NOT_ASSIGNABLE', `Till ${p.tillId} does not exist or is revoked`, {
      tillId: p.tillId,
    });
  }
  if (SHARED_ROLES.has(p.role)) return;
  const holder = q.deviceWithRole(db, p.tillId, p.role);
  if (holder && holder.id !== selfId) {
    throw new ConflictError(
      `Till already has a ${p.role}: ${holder.name}`,
      { tillId: p.tillId, role: p.role, deviceId: holder.id },
      'ROLE_TAKEN',
    );
  }
}

function checkHostPrinter(db: Db, printerId: string, selfId: string | null): void {
  const printer = q.getDevice(db, printerId);
  if (printer?.kind !== 'printer' || printer.status === 'revoked' || printer.id === selfId) {
    throw new BusinessRuleError(
      'PRINTER_NOT_FOUND',
      `No registered printer ${printerId} to hang the drawer on`,
      {
        printerDeviceId: printerId,
      },
    );
  }
}
