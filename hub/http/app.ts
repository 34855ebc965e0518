import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { secureHeaders } from 'hono/secure-headers';
import type { Principal } from '../contract/principal.js';
import { PayloadTooLargeError } from '../errors.js';
import { newId } from '../ids.js';
import type { AppEnv } from './env.js';
import { createErrorHandler, type Logger } from './error-handler.js';

export const MAX_BODY_BYTES = 1024 * 1024;
export const API_VERSION = '0.1.0';

export interface ApiModule {
  /** Mounted at /api/v1/<path>. */
  path: string;
  routes: OpenAPIHono<AppEnv>;
}

export interface AppOptions {
  log: Logger;
  modules: ApiModule[];
  resolvePrincipal: (c: Context<AppEnv>, address: string) => Principal;
  remoteAddress: (c: Context<AppEnv>) => string;
}

export function createApp(options: AppOptions): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>();
  const onError = createErrorHandler(options.log);
  app.onError(onError);
  app.use('*', secureHeaders());
  app.use('*', async (c, next) => {
    c.set('requestId', newId());
    await next();
  });

  const api = new OpenAPIHono<AppEnv>();
  api.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new PayloadTooLargeError(MAX_BODY_BYTES);
      },
    }),
  );
  api.use(
    '*',
    createMiddleware<AppEnv>(async (c, next) => {
      c.set('principal', options.resolvePrincipal(c, options.remoteAddress(c)));
      await next();
    }),
  );
  for (const module of options.modules) api.route(`/${module.path}`, module.routes);
  api.openAPIRegistry.registerComponent('securitySchemes', 'tillToken', {
    type: 'apiKey',
    in: 'header',
    name: 'X-Till-Token',
    description: 'Device token of a paired till, given once when a manager approves its pairing code',
  });
  api.openAPIRegistry.registerComponent('securitySchemes', 'staffSession', {
    type: 'http',
    scheme: 'bearer',
    description: 'Session of a cashier logged in with a PIN at that till (POST /auth/pin)',
  });
  api.openAPIRegistry.registerComponent('securitySchemes', 'adminSession', {
    type: 'apiKey',
    in: 'cookie',
    name: 'hub_admin',
    description: 'Admin pages session (POST /auth/login); unsafe methods also need the X-CSRF-Token header',
  });
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Store hub API',
      version: API_VERSION,
      description: 'Errors always have the shape {"error":{"code","message","details"}} with a stable code.',
    },
    servers: [{ url: '/api/v1' }],
  });
  api.notFound((c) =>
    c.json({ error: { code: 'NOT_FOUND', message: `No route ${c.req.method} ${c.req.path}` } }, 404),
  );
  api.onError(onError);
  app.route('/api/v1', api);
  return app;
}
