import type { HubContext } from '../../context.js';
import type { ApiModule } from '../../http/app.js';
import { createAuthModule } from '../../http/routes/auth.js';
import { AccessService } from './access-service.js';

export interface AccessModule {
  service: AccessService;
  api: ApiModule[];
}

/** Staff, roles, tills, sessions and the audit log. Call service.start() before serving requests. */
export function createAccessModule(ctx: HubContext): AccessModule {
  const service = new AccessService(ctx);
  return { service, api: [createAuthModule(service)] };
}
