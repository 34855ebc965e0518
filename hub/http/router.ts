import { OpenAPIHono, z } from '@hono/zod-openapi';
import { ValidationError } from '../errors.js';
import type { AppEnv } from './env.js';

const MAX_REPORTED_ISSUES = 20;

/**
 * Every resource is one OpenAPIHono sub-app made here, so request validation failures everywhere become
 * the same 400 with the zod issues, and the OpenAPI document is generated from the route schemas.
 */
export function createRouter(): OpenAPIHono<AppEnv> {
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
export function errorResponses(...statuses: (400 | 401 | 403 | 404 | 409 | 422 | 423 | 429 | 507)[]) {
  const descriptions: Record<number, string> = {
    400: 'Invalid request',
    401: 'Not authenticated',
    403: 'Not allowed',
    404: 'Not found',
    409: 'Conflicts with the current state',
    422: 'Refused by a business rule',
    423: 'Locked',
    429: 'Too many attempts',
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
export const PageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
