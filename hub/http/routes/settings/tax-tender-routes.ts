import { createRoute, z } from '@hono/zod-openapi';
import { requireAuthenticated, requirePermission } from '../../../services/access/guards.js';
import { actorOf } from '../../../services/settings/actor.js';
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
import { createRouter, errorResponses, pageOf, pageSchema, PageQuerySchema } from '../../router.js';
import { body, json } from '../access-helpers.js';

const IdParam = z.object({ id: z.uuid() });

/** /tax-classes: read by any till or staff member, changed with 'settings.manage'. */
export function createTaxClassRoutes(taxClasses: TaxClassService): ApiModule {
  const routes = createRouter({ auth: 'authenticated' })
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        tags: ['settings'],
        request: { query: PageQuerySchema },
        responses: {
          200: json(pageSchema(TaxClassSchema), 'Tax classes'),
          ...errorResponses(400, 401),
        },
      }),
      (c) => {
        requireAuthenticated(c.get('principal'));
        return c.json(pageOf(taxClasses.list(), c.req.valid('query')), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/',
        tags: ['settings'],
        request: body(TaxClassCreateSchema),
        responses: {
          200: json(TaxClassSchema, 'Already existed with this content'),
          201: json(TaxClassSchema, 'Created'),
          ...errorResponses(400, 401, 403, 409),
        },
      }),
      (c) => {
        const principal = c.get('principal');
        requirePermission(principal, 'settings.manage');
        const result = taxClasses.create(c.req.valid('json'), actorOf(principal));
        return result.created ? c.json(result.taxClass, 201) : c.json(result.taxClass, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/{id}',
        tags: ['settings'],
        request: { params: IdParam, ...body(TaxClassPatchSchema) },
        responses: { 200: json(TaxClassSchema, 'Updated'), ...errorResponses(400, 401, 403, 404, 409) },
      }),
      (c) => {
        const principal = c.get('principal');
        requirePermission(principal, 'settings.manage');
        return c.json(
          taxClasses.update(c.req.valid('param').id, c.req.valid('json'), actorOf(principal)),
          200,
        );
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
        const principal = c.get('principal');
        requirePermission(principal, 'settings.manage');
        taxClasses.delete(c.req.valid('param').id, actorOf(principal));
        return c.body(null, 204);
      },
    );
  return { path: 'tax-classes', routes };
}

/** /tenders: ways to pay; never deleted (payments refer to them), disabled instead. */
export function createTenderRoutes(tenders: TenderService): ApiModule {
  const routes = createRouter({ auth: 'authenticated' })
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        tags: ['settings'],
        request: { query: PageQuerySchema },
        responses: {
          200: json(pageSchema(TenderSchema), 'Tenders'),
          ...errorResponses(400, 401),
        },
      }),
      (c) => {
        requireAuthenticated(c.get('principal'));
        return c.json(pageOf(tenders.list(), c.req.valid('query')), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/',
        tags: ['settings'],
        request: body(TenderCreateSchema),
        responses: {
          200: json(TenderSchema, 'Already existed with this content'),
          201: json(TenderSchema, 'Created'),
          ...errorResponses(400, 401, 403, 409),
        },
      }),
      (c) => {
        const principal = c.get('principal');
        requirePermission(principal, 'settings.manage');
        const result = tenders.create(c.req.valid('json'), actorOf(principal));
        return result.created ? c.json(result.tender, 201) : c.json(result.tender, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/{id}',
        tags: ['settings'],
        request: { params: IdParam, ...body(TenderPatchSchema) },
        responses: { 200: json(TenderSchema, 'Updated'), ...errorResponses(400, 401, 403, 404, 422) },
      }),
      (c) => {
        const principal = c.get('principal');
        requirePermission(principal, 'settings.manage');
        return c.json(tenders.update(c.req.valid('param').id, c.req.valid('json'), actorOf(principal)), 200);
      },
    );
  return { path: 'tenders', routes };
}
