import type { Context } from 'hono';
import type { HubConfig } from './config.js';
import type { HubContext } from './context.js';
import type { Principal } from './contract/principal.js';
import type { ApiModule } from './http/app.js';
import type { AppEnv } from './http/env.js';
import { createSystemModules } from './http/routes/system.js';

export interface HubModules {
  api: ApiModule[];
  resolvePrincipal: (c: Context<AppEnv>, address: string) => Principal;
  start(options: { demo: boolean; fresh: boolean }): Promise<void>;
  stop(): Promise<void>;
}

/** Builds every service and its routes from the shared context; nothing starts until start(). */
export function buildModules(ctx: HubContext, config: HubConfig, info: { startedAt: string }): HubModules {
  return {
    api: [...createSystemModules(ctx.db, { storeId: config.storeId, startedAt: info.startedAt })],
    resolvePrincipal: (_c, address) => ({ kind: 'anonymous', address }),
    start: () => Promise.resolve(),
    stop: () => Promise.resolve(),
  };
}
