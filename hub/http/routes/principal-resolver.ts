import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Principal } from '../../contract/principal.js';
import type { AccessService } from '../../services/access/access-service.js';
import { ADMIN_COOKIE } from '../../services/access/policy.js';
import type { AppEnv } from '../env.js';

/** The Bearer token of an Authorization header, if it has that form. */
export function bearerToken(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return match?.[1];
}

/**
 * What createApp calls for every API request. It also enforces CSRF for cookie-authenticated unsafe
 * requests (AccessService.resolveRequest), so every module is covered without a middleware of its own.
 */
export function principalResolver(access: AccessService): (c: Context<AppEnv>, address: string) => Principal {
  return (c, address) =>
    access.resolveRequest(
      {
        method: c.req.method,
        tillToken: c.req.header('x-till-token'),
        bearer: bearerToken(c.req.header('authorization')),
        cookie: getCookie(c, ADMIN_COOKIE),
        csrfToken: c.req.header('x-csrf-token'),
      },
      address,
    );
}
