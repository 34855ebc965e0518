import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import { ValidationError } from '../errors.js';
import { requireAuthenticated } from '../services/access/guards.js';
import type { AppEnv } from './env.js';

const MAX_REPORTED_ISSUES = 20;

/**
 * Every resource is one OpenAPIHono sub-app made here, so request validation failures everywhere become
 * the same 400 with the zod issues, and the OpenAPI document is generated from the route schemas.
 */
export interface RouterOptions {
  /**
   * 'authenticated': an anonymous caller gets 401 on every route of this router before its input is
   * validated (so a stranger learns nothing from a 400 about what the route expects), except on
   * `publicPaths`. Handlers still call their guard: this is the first check, not the only one.
   */
  auth?: 'authenticated';
  /** Paths as declared in this router ('/pair', '/pair/status') that an anonymous caller may use. */
  publicPaths?: readonly string[];
}

export function createRouter(options: RouterOptions = {}): OpenAPIHono<AppEnv> {
  const router = newRouter();
  if (options.auth === 'authenticated') {
    router.use('*', requireAuthenticatedMiddleware(options.publicPaths ?? []));
  }
  return router;
}

/**
 * 401 for anonymous callers, except on the given paths. The middleware is mounted as '<prefix>/*', so
 * the path within this router is the request path after that prefix.
 */
export function requireAuthenticatedMiddleware(publicPaths: readonly string[]): MiddlewareHandler<AppEnv> {
  const open = new Set(publicPaths.map((p) => p.replace(/\/+$/, '') || '/'));
  return async (c, next) => {
    if (c.get('principal').kind === 'anonymous') {
      const prefix = routePath(c).replace(/\/?\*$/, '');
      const local = c.req.path.startsWith(prefix) ? c.req.path.slice(prefix.length) : c.req.path;
      if (!open.has(local.replace(/\/+$/, '') || '/')) requireAuthenticated(c.get('principal'));
    }
    await next();
  };
}

function newRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const issues = result.error.issues;
        throw new ValidationError('The request is not valid', {
          // A bad 500-line cart would otherwise echo 500 issues; the first ones say what is wrong.
          issues: issues.slice(0, MAX_REPORTED_ISSUES).map((issue) => ({
            path: issue.path.map(String).join('.'),
            message: issue.message,
          })),
          issueCount: issues.length,
        });
      }
    },
  });
}

export const ErrorResponseSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'NOT_FOUND' }),
      message: z.string(),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  })
  .openapi('Error');

/** Standard error responses to list on a route, so the OpenAPI document tells clients what to expect. */
export function errorResponses(...statuses: (400 | 401 | 403 | 404 | 409 | 422 | 423 | 429 | 503 | 507)[]) {
  const descriptions: Record<number, string> = {
    400: 'Invalid request',
    401: 'Not authenticated',
    403: 'Not allowed',
    404: 'Not found',
    409: 'Conflicts with the current state',
    422: 'Refused by a business rule',
    423: 'Locked',
    429: 'Too many attempts',
    503: 'Storage read-only or busy (STORAGE_READ_ONLY, STORAGE_BUSY): nothing was saved, try again later',
    507: 'Storage full',
  };
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: descriptions[status] ?? 'Error',
        content: { 'application/json': { schema: ErrorResponseSchema } },
      },
    ]),
  );
}

/** Pagination shared by every list endpoint: opaque-free, a limit and an offset or an after-cursor. */
export const PageQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});

/** The answer of a paginated list: one page, how many there are in all, and where the next page starts. */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    nextOffset: z.number().int().nullable(),
  });
}

/**
 * One page of a list the service returns whole: the small tables (roles, tax classes, tenders, tills,
 * categories, label templates, staff) that a store keeps in the tens or hundreds.
 */
export function pageOf<T>(
  all: readonly T[],
  page: { limit: number; offset: number },
): { items: T[]; total: number; nextOffset: number | null } {
  const items = all.slice(page.offset, page.offset + page.limit);
  const end = page.offset + items.length;
  return { items, total: all.length, nextOffset: end < all.length ? end : null };
}
