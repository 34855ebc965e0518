import { createRoute, z } from '@hono/zod-openapi';
import { PERMISSIONS } from '../../contract/permissions.js';
import type { AccessService } from '../../services/access/access-service.js';
import type { ApiModule } from '../app.js';
import { createRouter, errorResponses, pageOf, pageSchema, PageQuerySchema } from '../router.js';
import { body, json } from './access-helpers.js';

const Permission = z.enum(PERMISSIONS);
const RoleSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    permissions: z.array(Permission),
    discountLimitBp: z.number().int(),
    builtin: z.boolean(),
    updatedAt: z.string(),
  })
  .openapi('Role');
const RoleFields = {
  name: z.string().trim().min(1).max(60),
  permissions: z.array(Permission).max(PERMISSIONS.length * 2),
  discountLimitBp: z.number().int().min(0).max(10000),
};
const CreateRoleSchema = z.strictObject({ id: z.uuid().optional(), ...RoleFields }).openapi('RoleCreate');
const UpdateRoleSchema = z
  .strictObject({
    name: RoleFields.name.optional(),
    permissions: RoleFields.permissions.optional(),
    discountLimitBp: RoleFields.discountLimitBp.optional(),
  })
  .openapi('RoleUpdate');
const IdParam = z.object({ id: z.uuid() });

/** /roles: builtin and custom roles, for holders of 'staff.manage'. */
export function createRolesModule(access: AccessService): ApiModule {
  const roles = access.roles;
  const routes = createRouter({ auth: 'authenticated' })
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        tags: ['roles'],
        request: { query: PageQuerySchema },
        responses: {
          200: json(pageSchema(RoleSchema), 'Roles'),
          ...errorResponses(400, 401, 403),
        },
      }),
      (c) => c.json(pageOf(roles.list(c.get('principal')), c.req.valid('query')), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/',
        tags: ['roles'],
        request: body(CreateRoleSchema),
        responses: { 201: json(RoleSchema, 'Created'), ...errorResponses(400, 401, 403, 409) },
      }),
      (c) => c.json(roles.create(c.get('principal'), c.req.valid('json')), 201),
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/{id}',
        tags: ['roles'],
        request: { params: IdParam, ...body(UpdateRoleSchema) },
        responses: { 200: json(RoleSchema, 'Updated'), ...errorResponses(400, 401, 403, 404, 409) },
      }),
      (c) => c.json(roles.update(c.get('principal'), c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/{id}',
        tags: ['roles'],
        request: { params: IdParam },
        responses: { 204: { description: 'Deleted' }, ...errorResponses(400, 401, 403, 404, 409) },
      }),
      (c) => {
        roles.delete(c.get('principal'), c.req.valid('param').id);
        return c.body(null, 204);
      },
    );
  return { path: 'roles', routes };
}
