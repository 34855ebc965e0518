import { createRoute, z } from '@hono/zod-openapi';
import { requireAuthenticated } from '../../../services/access/guards.js';
import {
  LabelTemplateBodySchema,
  LabelTemplateSchema,
  TemplateIdSchema,
  type LabelTemplateService,
} from '../../../services/catalog/label-template-service.js';
import type { ApiModule } from '../../app.js';
import { createRouter, errorResponses, pageOf } from '../../router.js';
import { body, json } from '../access-helpers.js';
import { actorWith, getByIdRoute, pageListRoute } from '../crud.js';

const IdParam = z.object({ id: TemplateIdSchema });

/** /label-templates: the scale label layouts (price or weight embedded in an EAN-13). */
export function createLabelTemplateRoutes(templates: LabelTemplateService): ApiModule {
  const item = LabelTemplateSchema;
  const routes = createRouter({ auth: 'authenticated' })
    .openapi(pageListRoute({ tag: 'catalog', item, description: 'Templates' }), (c) => {
      requireAuthenticated(c.get('principal'));
      return c.json(pageOf(templates.list(), c.req.valid('query')), 200);
    })
    .openapi(getByIdRoute({ tag: 'catalog', params: IdParam, item, description: 'Template' }), (c) => {
      requireAuthenticated(c.get('principal'));
      return c.json(templates.get(c.req.valid('param').id), 200);
    })
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
        const actor = actorWith(c.get('principal'), 'catalog.manage');
        const result = templates.put(c.req.valid('param').id, c.req.valid('json'), actor);
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
        const actor = actorWith(c.get('principal'), 'catalog.manage');
        templates.delete(c.req.valid('param').id, actor);
        return c.body(null, 204);
      },
    );
  return { path: 'label-templates', routes };
}
