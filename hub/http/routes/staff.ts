import { createRoute, z } from '@hono/zod-openapi';
import type { AccessService } from '../../services/access/access-service.js';
import { PASSWORD_MAX, PIN_MAX } from '../../services/access/credentials.js';
import type { ApiModule } from '../app.js';
import { createRouter, errorResponses, pageOf, pageSchema, PageQuerySchema } from '../router.js';
import { body, json } from './access-helpers.js';

const StaffSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    roleId: z.string(),
    roleName: z.string(),
    login: z.string().nullable(),
    active: z.boolean(),
    hasPin: z.boolean(),
    hasPassword: z.boolean(),
    lockedUntil: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Staff');
const Name = z.string().trim().min(1).max(100);
const Login = z
  .string()
  .trim()
  .min(3)
  .max(60)
  .regex(/^[\p{L}\p{N}._@-]+$/u, 'Letters, digits and . _ @ - only');
// Shape only here; the service owns the rules (length, weak PINs) so they hold for every caller.
const Pin = z.string().max(PIN_MAX + 4);
const Password = z.string().max(PASSWORD_MAX);
const CreateStaffSchema = z
  .strictObject({
    id: z.uuid().optional(),
    name: Name,
    roleId: z.uuid(),
    login: Login.nullable().optional(),
    pin: Pin.optional(),
    password: Password.optional(),
  })
  .openapi('StaffCreate');
const UpdateStaffSchema = z
  .strictObject({
    name: Name.optional(),
    roleId: z.uuid().optional(),
    login: Login.nullable().optional(),
    active: z.boolean().optional(),
  })
  .openapi('StaffUpdate');
const IdParam = z.object({ id: z.uuid() });
const ListQuery = PageQuerySchema.extend({ includeInactive: z.enum(['true', 'false']).optional() });

/** /staff: staff records and credentials, for holders of 'staff.manage'. */
export function createStaffModule(access: AccessService): ApiModule {
  const staff = access.staff;
  const routes = createRouter({ auth: 'authenticated' })
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        tags: ['staff'],
        request: { query: ListQuery },
        responses: {
          200: json(pageSchema(StaffSchema), 'Staff'),
          ...errorResponses(400, 401, 403),
        },
      }),
      (c) => {
        const query = c.req.valid('query');
        return c.json(pageOf(staff.list(c.get('principal'), query.includeInactive === 'true'), query), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/{id}',
        tags: ['staff'],
        request: { params: IdParam },
        responses: { 200: json(StaffSchema, 'A staff member'), ...errorResponses(400, 401, 403, 404) },
      }),
      (c) => c.json(staff.get(c.get('principal'), c.req.valid('param').id), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/',
        tags: ['staff'],
        request: body(CreateStaffSchema),
        responses: { 201: json(StaffSchema, 'Created'), ...errorResponses(400, 401, 403, 409) },
      }),
      (c) => c.json(staff.create(c.get('principal'), c.req.valid('json')), 201),
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/{id}',
        tags: ['staff'],
        request: { params: IdParam, ...body(UpdateStaffSchema) },
        responses: { 200: json(StaffSchema, 'Updated'), ...errorResponses(400, 401, 403, 404, 409) },
      }),
      (c) => c.json(staff.update(c.get('principal'), c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/{id}/pin',
        tags: ['staff'],
        request: { params: IdParam, ...body(z.strictObject({ pin: Pin })) },
        responses: {
          200: json(StaffSchema, 'PIN set; sessions ended'),
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      (c) => c.json(staff.setPin(c.get('principal'), c.req.valid('param').id, c.req.valid('json').pin), 200),
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/{id}/password',
        tags: ['staff'],
        request: { params: IdParam, ...body(z.strictObject({ password: Password })) },
        responses: {
          200: json(StaffSchema, 'Password set; sessions ended'),
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      (c) =>
        c.json(
          staff.setPassword(c.get('principal'), c.req.valid('param').id, c.req.valid('json').password),
          200,
        ),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/deactivate',
        tags: ['staff'],
        request: { params: IdParam },
        responses: {
          200: json(StaffSchema, 'Deactivated; sessions ended'),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      }),
      (c) => c.json(staff.deactivate(c.get('principal'), c.req.valid('param').id), 200),
    );
  return { path: 'staff', routes };
}
