import { createRoute, z } from '@hono/zod-openapi';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AccessService } from '../../services/access/access-service.js';
import { ADMIN_ABSOLUTE_MS, ADMIN_COOKIE } from '../../services/access/policy.js';
import type { ApiModule } from '../app.js';
import { createRouter, errorResponses, pageOf, pageSchema, PageQuerySchema } from '../router.js';
import { body, json } from './access-helpers.js';
import { bearerToken } from './principal-resolver.js';

const StaffSummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    roleId: z.string(),
    permissions: z.array(z.string()),
    discountLimitBp: z.number().int(),
  })
  .openapi('StaffSummary');

const PinLoginSchema = z
  .strictObject({ staffId: z.uuid(), pin: z.string().regex(/^\d{1,12}$/, 'A PIN is digits') })
  .openapi('PinLogin');
const TillLoginSchema = z
  .object({ token: z.string(), expiresAt: z.string(), tillId: z.string(), staff: StaffSummarySchema })
  .openapi('TillLogin');
const PasswordLoginSchema = z
  .strictObject({ login: z.string().trim().min(1).max(100), password: z.string().min(1).max(256) })
  .openapi('PasswordLogin');
const AdminLoginSchema = z
  .object({ csrfToken: z.string(), expiresAt: z.string(), staff: StaffSummarySchema })
  .openapi('AdminLogin');
const LoggedOutSchema = z.object({ loggedOut: z.boolean() }).openapi('LoggedOut');
const SessionSchema = z
  .object({
    kind: z.enum(['anonymous', 'till', 'staff', 'admin']),
    tillId: z.string().optional(),
    staff: StaffSummarySchema.optional(),
    csrfToken: z.string().optional(),
  })
  .openapi('Session');
const LoginStaffSchema = pageSchema(z.object({ id: z.string(), name: z.string(), role: z.string() })).openapi(
  'TillLoginStaff',
);

/**
 * /auth: PIN login at a till (Bearer token bound to the till) and password login for the admin pages
 * (HttpOnly SameSite=Strict cookie plus a CSRF token the page keeps in memory and sends as X-CSRF-Token).
 */
export function createAuthModule(access: AccessService): ApiModule {
  const routes = createRouter({
    auth: 'authenticated',
    publicPaths: ['/session', '/login', '/logout', '/staff', '/pin'],
  })
    .openapi(
      createRoute({
        method: 'get',
        path: '/session',
        tags: ['auth'],
        responses: { 200: json(SessionSchema, 'Who is calling; for an admin also the CSRF token') },
      }),
      (c) => c.json(access.sessions.describe(c.get('principal'), getCookie(c, ADMIN_COOKIE)), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/staff',
        tags: ['auth'],
        request: { query: PageQuerySchema },
        responses: {
          200: json(LoginStaffSchema, 'Who can log in at this till'),
          ...errorResponses(400, 401),
        },
      }),
      (c) => c.json(pageOf(access.sessions.tillLoginStaff(c.get('principal')), c.req.valid('query')), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/pin',
        tags: ['auth'],
        request: body(PinLoginSchema),
        responses: { 200: json(TillLoginSchema, 'Logged in at this till'), ...errorResponses(400, 401, 423) },
      }),
      (c) => c.json(access.sessions.loginPin(c.get('principal'), c.req.valid('json')), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/pin/logout',
        tags: ['auth'],
        responses: {
          200: json(LoggedOutSchema, 'The staff session at this till ended'),
          ...errorResponses(401),
        },
      }),
      (c) =>
        c.json(
          access.sessions.logoutTill(c.get('principal'), bearerToken(c.req.header('authorization'))),
          200,
        ),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/login',
        tags: ['auth'],
        request: {
          body: { content: { 'application/json': { schema: PasswordLoginSchema } }, required: true },
        },
        responses: {
          200: json(AdminLoginSchema, 'Logged in; the session cookie is set'),
          ...errorResponses(400, 401, 403, 429),
        },
      }),
      (c) => {
        const result = access.sessions.loginAdmin(c.req.valid('json'), c.get('principal').address);
        setCookie(c, ADMIN_COOKIE, result.token, {
          httpOnly: true,
          sameSite: 'Strict',
          path: '/',
          secure: new URL(c.req.url).protocol === 'https:',
          maxAge: ADMIN_ABSOLUTE_MS / 1000,
        });
        return c.json({ csrfToken: result.csrfToken, expiresAt: result.expiresAt, staff: result.staff }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/logout',
        tags: ['auth'],
        responses: { 200: json(LoggedOutSchema, 'The admin session ended'), ...errorResponses(403) },
      }),
      (c) => {
        const result = access.sessions.logoutAdmin(c.get('principal'), getCookie(c, ADMIN_COOKIE));
        deleteCookie(c, ADMIN_COOKIE, { path: '/' });
        return c.json(result, 200);
      },
    );
  return { path: 'auth', routes };
}
