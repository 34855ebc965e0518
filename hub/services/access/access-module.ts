import type { Context } from 'hono';
import type { HubContext } from '../../context.js';
import type { Principal } from '../../contract/principal.js';
import type { ApiModule } from '../../http/app.js';
import type { AppEnv } from '../../http/env.js';
import { createAuditModule } from '../../http/routes/audit.js';
import { createAuthModule } from '../../http/routes/auth.js';
import { principalResolver } from '../../http/routes/principal-resolver.js';
import { createRolesModule } from '../../http/routes/roles.js';
import { createStaffModule } from '../../http/routes/staff.js';
import { createTillsModule } from '../../http/routes/tills.js';
import { AccessService } from './access-service.js';

export interface AccessModule {
  service: AccessService;
  api: ApiModule[];
  /** For createApp: resolves the caller and enforces CSRF on cookie-authenticated unsafe requests. */
  resolvePrincipal: (c: Context<AppEnv>, address: string) => Principal;
}

/**
 * Staff, roles, tills, sessions and the audit log. Call service.start() (seeds builtin roles) before
 * serving requests; the demo uses service.tills.createPairingCodeForDemo / approveTill.
 */
export function createAccessModule(ctx: HubContext): AccessModule {
  const service = new AccessService(ctx);
  return {
    service,
    resolvePrincipal: principalResolver(service),
    api: [
      createAuthModule(service),
      createStaffModule(service),
      createRolesModule(service),
      createTillsModule(service),
      createAuditModule(service),
    ],
  };
}
