import { createRoute, z } from '@hono/zod-openapi';
import { requireAuthenticated } from '../../../services/access/guards.js';
import {
  TaxClassCreateSchema,
  TaxClassPatchSchema,
  TaxClassSchema,
  type TaxClassService,
} from '../../../services/settings/tax-class-service.js';
import {
  TenderCreateSchema,
  TenderPatchSchema,
  TenderSchema,
  type TenderService,
} from '../../../services/settings/tender-service.js';
import type { ApiModule } from '../../app.js';
import { createRouter, errorResponses, pageOf } from '../../router.js';
import { actorWith, createOrReplayRoute, pageListRoute, patchRoute } from '../crud.js';

const IdParam = z.object({ id: z.uuid() });

/** /tax-classes: read by any till or staff member, changed with 'settings.manage'. */
export function createTaxClassRoutes(taxClasses: TaxClassService): ApiModule {
  const item = TaxClassSchema;
  const routes = createRouter({ auth: 'authenticated' })
    .openapi(pageListRoute({ tag: 'settings', item, description: 'Tax classes' }), (c) => {
      requireAuthenticated(c.get('principal'));
      return c.json(pageOf(taxClasses.list(), c.req.valid('query')), 200);
    })
    .openapi(
      createOrReplayRoute({
        tag: 'settings',
        body: TaxClassCreateSchema,
        item,
        errors: [400, 401, 403, 409],
      }),
      (c) => {
        const actor = actorWith(c.get('principal'), 'settings.manage');
        const result = taxClasses.create(c.req.valid('json'), actor);
        return result.created ? c.json(result.taxClass, 201) : c.json(result.taxClass, 200);
      },
    )
    .openapi(
      patchRoute({
        tag: 'settings',
        params: IdParam,
        body: TaxClassPatchSchema,
        item,
        errors: [400, 401, 403, 404, 409],
      }),
      (c) => {
        const actor = actorWith(c.get('principal'), 'settings.manage');
        return c.json(taxClasses.update(c.req.valid('param').id, c.req.valid('json'), actor), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/{id}',
        tags: ['settings'],
        summary: 'Delete an unused tax class (one in use answers 422 TAX_CLASS_IN_USE: archive it instead)',
        request: { params: IdParam },
        responses: { 204: { description: 'Deleted' }, ...errorResponses(400, 401, 403, 404, 422) },
      }),
      (c) => {
        const actor = actorWith(c.get('principal'), 'settings.manage');
        taxClasses.delete(c.req.valid('param').id, actor);
        return c.body(null, 204);
      },
    );
  return { path: 'tax-classes', routes };
}

/** /tenders: ways to pay; never deleted (payments refer to them), disabled instead. */
export function createTenderRoutes(tenders: TenderService): ApiModule {
  const item = TenderSchema;
  const routes = createRouter({ auth: 'authenticated' })
    .openapi(pageListRoute({ tag: 'settings', item, description: 'Tenders' }), (c) => {
      requireAuthenticated(c.get('principal'));
      return c.json(pageOf(tenders.list(), c.req.valid('query')), 200);
    })
    .openapi(
      createOrReplayRoute({ tag: 'settings', body: TenderCreateSchema, item, errors: [400, 401, 403, 409] }),
      (c) => {
        const actor = actorWith(c.get('principal'), 'settings.manage');
        const result = tenders.create(c.req.valid('json'), actor);
        return result.created ? c.json(result.tender, 201) : c.json(result.tender, 200);
      },
    )
    .openapi(
      patchRoute({
        tag: 'settings',
        params: IdParam,
        body: TenderPatchSchema,
        item,
        errors: [400, 401, 403, 404, 422],
      }),
      (c) => {
        const actor = actorWith(c.get('principal'), 'settings.manage');
        return c.json(tenders.update(c.req.valid('param').id, c.req.valid('json'), actor), 200);
      },
    );
  return { path: 'tenders', routes };
}
