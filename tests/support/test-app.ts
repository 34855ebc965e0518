import { getConnInfo } from '@hono/node-server/conninfo';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { createApp, type ApiModule } from '../../hub/http/app.js';
import type { AppEnv } from '../../hub/http/env.js';
import { createAccessModule } from '../../hub/services/access/access-module.js';
import type { AccessService } from '../../hub/services/access/access-service.js';
import type { TestContext } from './hub-context.js';
import {
  CASHIER_PIN,
  MANAGER_LOGIN,
  MANAGER_PASSWORD,
  SUPERVISOR_PIN,
  type AccessFixture,
  type FixtureTill,
} from './access-fixtures.js';

export interface TestApp {
  app: OpenAPIHono<AppEnv>;
  access: AccessService;
  /** app.request() with a path under /api/v1 and a JSON body. */
  call(
    method: string,
    path: string,
    options?: { body?: unknown; headers?: Record<string, string> },
  ): Promise<Response>;
}

/**
 * The real app with the real principal resolver (and CSRF rule). The access module's own routes (/auth,
 * /staff, /roles, /tills, /audit) are always mounted, so tests can log in over HTTP too; a module passed
 * in with the same path replaces it.
 */
export function buildTestApp(ctx: TestContext, modules: ApiModule[] = []): TestApp {
  const access = createAccessModule(ctx);
  access.service.start();
  const paths = new Set(modules.map((m) => m.path));
  const app = createApp({
    log: ctx.log,
    modules: [...access.api.filter((m) => !paths.has(m.path)), ...modules],
    resolvePrincipal: access.resolvePrincipal,
    remoteAddress: (c) => {
      try {
        return getConnInfo(c).remote.address ?? '127.0.0.1';
      } catch {
        // app.request() has no socket behind it.
        return '127.0.0.1';
      }
    },
  });
  const call: TestApp['call'] = (method, path, options = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    let body: string | undefined;
    if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    return Promise.resolve(app.request(`/api/v1${path}`, { method, headers, body }));
  };
  return { app, access: access.service, call };
}

/** Headers of a paired till with nobody logged in. */
export function tillHeaders(till: FixtureTill): Record<string, string> {
  return { 'x-till-token': till.token };
}

/** Logs a staff member in at a till (through the service, no HTTP) and returns the request headers. */
export function loginAtTill(
  access: AccessService,
  till: FixtureTill,
  staffId: string,
  pin: string,
): Record<string, string> {
  const principal = access.resolvePrincipal({ tillToken: till.token }, '127.0.0.1');
  const { token } = access.sessions.loginPin(principal, { staffId, pin });
  return { 'x-till-token': till.token, authorization: `Bearer ${token}` };
}

/** Logs in to the admin pages and returns the headers an admin page sends: cookie and CSRF token. */
export function loginAdmin(access: AccessService, login: string, password: string): Record<string, string> {
  const result = access.sessions.loginAdmin({ login, password }, '127.0.0.1');
  return { cookie: `hub_admin=${result.token}`, 'x-csrf-token': result.csrfToken };
}

/** The seeded staff's logins on an app (seedAccess): each call logs in afresh and returns the headers. */
export interface SeededLogins {
  /** The cashier at the seeded till (a new login at a till ends the previous one). */
  asCashier(): Record<string, string>;
  /** The supervisor at the seeded till. */
  asSupervisor(): Record<string, string>;
  /** The manager on the admin pages (cookie and CSRF token). */
  asManager(): Record<string, string>;
  /** The supervisor's approval as a request body carries it. */
  supervisorOverride(): { supervisorId: string; pin: string };
}

export function seededLogins(t: TestApp, seed: AccessFixture): SeededLogins {
  return {
    asCashier: () => loginAtTill(t.access, seed.till, seed.cashierId, CASHIER_PIN),
    asSupervisor: () => loginAtTill(t.access, seed.till, seed.supervisorId, SUPERVISOR_PIN),
    asManager: () => loginAdmin(t.access, MANAGER_LOGIN, MANAGER_PASSWORD),
    supervisorOverride: () => ({ supervisorId: seed.supervisorId, pin: SUPERVISOR_PIN }),
  };
}

/** A response's JSON body, typed as the test expects it. */
export async function json<T = Record<string, unknown>>(res: Response): Promise<T> {
  return (await res.json()) as T;
}
