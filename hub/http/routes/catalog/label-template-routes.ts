import { createRoute, z } from '@hono/zod-openapi';
import { requireAuthenticated, requirePermission } from '../../../services/access/guards.js';
import {
  LabelTemplateBodySchema,
  LabelTemplateSchema,
  TemplateIdSchema,
  type LabelTemplateService,
} from '../../../services/catalog/label-template-service.js';
import { actorOf } from '../../../services/settings/actor.js';
import type { ApiModule } from '../../app.js';
import { createRouter, errorResponses, pageOf, pageSchema, PageQuerySchema } from '../../router.js';
import { body, json } from '../access-helpers.js';

const IdParam = z.object({ id: TemplateIdSchema });

/** /label-templates: the scale label layouts (price or weight embedded in an EAN-13). */
export function createLabelTemplateRoutes(templates: LabelTemplateService): ApiModule {
  const routes = createRouter({ auth: 'authenticated' })
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        tags: ['catalog'],
        request: { query: PageQuerySchema },
        responses: {
          200: json(pageSchema(LabelTemplateSchema), 'Templates'),
          ...errorResponses(400, 401),
        },
      }),
      (c) => {
        requireAuthenticated(c.get('principal'));
        return c.json(pageOf(templates.list(), c.req.valid('query')), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/{id}',
        tags: ['catalog'],
        request: { params: IdParam },
        responses: { 200: json(LabelTemplateSchema, 'Template'), ...errorResponses(400, 401, 404) },
      }),
      (c) => {
        requireAuthenticated(c.get('principal'));
        return c.json(templates.get(c.req.valid('param').id), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/{id}',
        tags: ['catalog'],
        summary: 'Create or replace a template; checked for EAN-13 length, verifier and prefix clashes',
        request: { params: IdParam, ...body(LabelTemplateBodySchema) },
        responses: {
          200: json(LabelTemplateSchema, 'Replaced'),
          201: json(LabelTemplateSchema, 'Created'),
          ...errorResponses(400, 401, 403),
        },
      }),
      (c) => {
        const principal = c.get('principal');
        requirePermission(principal, 'catalog.manage');
        const result = templates.put(c.req.valid('param').id, c.req.valid('json'), actorOf(principal));
        return result.created ? c.json(result.template, 201) : c.json(result.template, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/{id}',
        tags: ['catalog'],
        request: { params: IdParam },
        responses: { 204: { description: 'Deleted' }, ...errorResponses(400, 401, 403, 404) },
      }),
      (c) => {
        const principal = c.get('principal');
        requirePermission(principal, 'catalog.manage');
        templates.delete(c.req.valid('param').id, actorOf(principal));
        return c.body(null, 204);
      },
    );
  return { path: 'label-templates', routes };
}
