import type { Principal } from '../../contract/principal.js';
import type { AuditEntry } from '../../db/audit.js';

/** Who made a change, as the audit log records it. Services take this, not the HTTP principal. */
export interface Actor {
  kind: 'staff' | 'admin' | 'till' | 'system';
  id: string | null;
  tillId: string | null;
}

/** Changes made by the hub itself: first-start setup, the demo seed. */
export const SYSTEM_ACTOR: Actor = { kind: 'system', id: null, tillId: null };

export function actorOf(p: Principal): Actor {
  switch (p.kind) {
    case 'staff':
      return { kind: 'staff', id: p.staff.id, tillId: p.tillId };
    case 'admin':
      return { kind: 'admin', id: p.staff.id, tillId: null };
    case 'till':
      return { kind: 'till', id: null, tillId: p.tillId };
    case 'anonymous':
      // Guards run first, so an anonymous caller never gets here; recorded as system rather than lost.
      return SYSTEM_ACTOR;
  }
}

/** An audit entry for `action` by `actor`; details say what changed (ids, old and new values). */
export function auditEntry(
  actor: Actor,
  action: string,
  target: string | null,
  details?: Record<string, unknown>,
): AuditEntry {
  return {
    actorKind: actor.kind,
    actorId: actor.id,
    tillId: actor.tillId,
    action,
    target,
    ...(details === undefined ? {} : { details }),
  };
}
