import type { Principal } from '../../contract/principal.js';
import type { AuditEntry } from '../../db/audit.js';

/** The actor fields of an audit entry for whoever made the request. */
export function auditActor(p: Principal): Pick<AuditEntry, 'actorKind' | 'actorId' | 'tillId'> {
  switch (p.kind) {
    case 'anonymous':
      return { actorKind: 'anonymous', actorId: null, tillId: null };
    case 'till':
      return { actorKind: 'till', actorId: p.tillId, tillId: p.tillId };
    case 'staff':
      return { actorKind: 'staff', actorId: p.staff.id, tillId: p.tillId };
    case 'admin':
      return { actorKind: 'admin', actorId: p.staff.id, tillId: null };
  }
}
