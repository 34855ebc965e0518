import type { Permission } from '../../contract/permissions.js';
import type { Authorization, OverrideInput, Principal } from '../../contract/principal.js';
import type { HubContext } from '../../context.js';
import { ForbiddenError, PermissionRequiredError } from '../../errors.js';
import { AuditReader } from './audit-reader.js';
import { staffOf } from './guards.js';
import { DisplayPairingService } from './display-pairing.js';
import { checkStaffPin } from './pin-check.js';
import { resolveAdminSession, resolvePrincipal, type CredentialHeaders } from './principal-resolution.js';
import { RoleService } from './role-service.js';
import { toStaffPrincipal } from './roles.js';
import { tokensEqual } from './secrets.js';
import { SessionService } from './session-service.js';
import { StaffService } from './staff-service.js';
import { TillService } from './till-service.js';

export interface RequestCredentials extends CredentialHeaders {
  method: string;
  /** The X-CSRF-Token header. */
  csrfToken?: string | undefined;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Staff, roles, tills and sessions behind one object that other modules depend on. The parts are
 * separate classes so each stays small; this class holds what crosses them: who is calling, and whether
 * they may do a thing.
 */
export class AccessService {
  readonly staff: StaffService;
  readonly roles: RoleService;
  readonly tills: TillService;
  readonly displays: DisplayPairingService;
  readonly sessions: SessionService;
  readonly audit: AuditReader;

  constructor(private readonly ctx: HubContext) {
    this.staff = new StaffService(ctx);
    this.roles = new RoleService(ctx);
    this.tills = new TillService(ctx);
    this.displays = new DisplayPairingService(ctx);
    this.sessions = new SessionService(ctx);
    this.audit = new AuditReader(ctx);
  }

  resolvePrincipal(headers: CredentialHeaders, address: string): Principal {
    return resolvePrincipal(this.ctx, headers, address);
  }

  /**
   * resolvePrincipal plus the CSRF rule: an unsafe request authenticated by the admin cookie must carry
   * the session's CSRF token in X-CSRF-Token. Till requests use header tokens a foreign page cannot
   * send, so they need no CSRF token; anonymous requests have no session to ride on.
   */
  resolveRequest(credentials: RequestCredentials, address: string): Principal {
    const principal = this.resolvePrincipal(credentials, address);
    if (principal.kind !== 'admin' || SAFE_METHODS.has(credentials.method.toUpperCase())) return principal;
    const admin = credentials.cookie === undefined ? null : resolveAdminSession(this.ctx, credentials.cookie);
    const expected = admin?.session.csrf_token ?? null;
    const given = credentials.csrfToken;
    if (expected === null || given === undefined || !tokensEqual(given, expected)) {
      throw new ForbiddenError('Missing or wrong X-CSRF-Token header', undefined, 'CSRF_FAILED');
    }
    return principal;
  }

  /**
   * May the caller do this? If the acting staff member lacks the permission, a supervisor standing next
   * to them may approve it with their PIN (same lockout as login). The caller records approvedBy on what
   * it writes. With an override this commits the attempt log and the audit entry itself, so call it
   * before, not inside, the caller's write transaction.
   */
  authorize(principal: Principal, permission: Permission, override?: OverrideInput | null): Authorization {
    const actor = staffOf(principal);
    const tillId = principal.kind === 'staff' ? principal.tillId : null;
    if (actor.permissions.has(permission)) return { staffId: actor.id, tillId, approvedBy: null };
    if (!override) throw new PermissionRequiredError(permission);

    const supervisorRow = checkStaffPin(this.ctx, {
      staffId: override.supervisorId,
      pin: override.pin,
      kind: 'override',
      tillId,
      address: principal.address,
    });
    const supervisor = toStaffPrincipal(supervisorRow);
    const granted = supervisor.permissions.has(permission);
    this.ctx.tx.write((tx) => {
      tx.audit({
        actorKind: principal.kind === 'admin' ? 'admin' : 'staff',
        actorId: supervisor.id,
        tillId,
        action: 'override.approve',
        target: permission,
        outcome: granted ? 'ok' : 'denied',
        details: { permission, requestedBy: actor.id },
      });
    });
    if (!granted) throw new PermissionRequiredError(permission, { supervisorId: supervisor.id });
    return { staffId: actor.id, tillId, approvedBy: supervisor.id };
  }

  /** Start-up: builtin roles exist before anyone logs in. */
  start(): void {
    this.roles.seedBuiltin();
  }
}
