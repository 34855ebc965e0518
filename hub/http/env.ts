import type { Principal } from '../contract/principal.js';

/** Hono context variables set by the middleware in app.ts and read by every route. */
export interface AppEnv {
  Variables: {
    principal: Principal;
    requestId: string;
  };
}
