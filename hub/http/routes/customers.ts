import { createRoute, z } from '@hono/zod-openapi';
import type { CustomerExportService } from '../../services/customers/customer-export.js';
import type { CustomerMergeService } from '../../services/customers/customer-merge.js';
import type { CustomerService } from '../../services/customers/customer-service.js';
import type { ApiModule } from '../app.js';
import { PageQuerySchema, createRouter, errorResponses } from '../router.js';
import { body, json } from './access-helpers.js';

const CustomerSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    taxId: z.string().nullable(),
    notes: z.string(),
    marketingConsent: z.boolean(),
    consentAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Customer');
// Free text without control characters: it ends up on receipts and printers.
const Text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .regex(/^[^\p{Cc}]*$/u, 'No control characters');
const Fields = {
  name: Text(120).min(1),
  phone: z.string().trim().max(32).nullable().optional(),
  email: z.email().max(254).nullable().optional(),
  taxId: Text(32).nullable().optional(),
  notes: z.string().trim().max(2000).optional(),
  marketingConsent: z.boolean().optional(),
};
const CreateSchema = z.strictObject({ id: z.uuid().optional(), ...Fields }).openapi('CustomerCreate');
const UpdateSchema = z.strictObject({ ...Fields, name: Fields.name.optional() }).openapi('CustomerUpdate');
const IdParam = z.object({ id: z.uuid() });
const SearchQuery = PageQuerySchema.extend({
  q: z.string().trim().max(120).optional().openapi({ description: 'Name, email or phone prefix' }),
});
const PurchaseSchema = z.object({
  saleId: z.string(),
  kind: z.enum(['sale', 'return']),
  tillId: z.string(),
  receiptCode: z.string().nullable(),
  currency: z.string(),
  totalMinor: z.number().int(),
  completedAt: z.string(),
});
const HistorySchema = z
  .object({
    items: z.array(PurchaseSchema),
    total: z.number().int(),
    nextOffset: z.number().int().nullable(),
    totals: z.array(
      z.object({
        currency: z.string(),
        salesCount: z.number().int(),
        salesMinor: z.number().int(),
        returnsCount: z.number().int(),
        returnsMinor: z.number().int(),
        netMinor: z.number().int(),
      }),
    ),
  })
  .openapi('CustomerHistory');
const PageSchema = z
  .object({
    items: z.array(CustomerSchema),
    total: z.number().int(),
    nextOffset: z.number().int().nullable(),
  })
  .openapi('CustomerPage');

const ExportQuery = z.strictObject({
  consent: z
    .enum(['all', 'given'])
    .default('all')
    .openapi({ description: "'given': only customers who consented to marketing" }),
});
const MergeSchema = z.strictObject({ duplicateId: z.uuid() }).openapi('CustomerMerge');
const MergeResultSchema = z
  .object({
    customer: CustomerSchema,
    mergedId: z.string(),
    moved: z.record(z.string(), z.number().int()),
  })
  .openapi('CustomerMergeResult');
const MergeRecordSchema = z.object({
  mergedId: z.string(),
  mergedName: z.string(),
  moved: z.record(z.string(), z.number().int()),
  at: z.string(),
});

export interface CustomerAdmin {
  merges: CustomerMergeService;
  export: CustomerExportService;
}

/**
 * /customers: lookup for tills and staff, create/edit by staff; delete, merge and export with
 * 'customers.manage'.
 */
export function createCustomersApi(customers: CustomerService, admin: CustomerAdmin): ApiModule {
  const routes = createRouter({ auth: 'authenticated' })
    .openapi(
      createRoute({
        method: 'get',
        path: '/export',
        tags: ['customers'],
        summary: 'Every customer with points and lifetime value, as CSV',
        request: { query: ExportQuery },
        responses: {
          200: { description: 'One row per customer', content: { 'text/csv': { schema: z.string() } } },
          ...errorResponses(400, 401, 403),
        },
      }),
      (c) => {
        const csv = admin.export.csv(c.get('principal'), c.req.valid('query').consent === 'given');
        return c.body(csv, 200, {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': 'attachment; filename="customers.csv"',
        });
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        tags: ['customers'],
        request: { query: SearchQuery },
        responses: { 200: json(PageSchema, 'Matching customers'), ...errorResponses(400, 401) },
      }),
      (c) => {
        const { q, limit, offset } = c.req.valid('query');
        return c.json(customers.search(c.get('principal'), q, limit, offset), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/{id}',
        tags: ['customers'],
        request: { params: IdParam },
        responses: { 200: json(CustomerSchema, 'A customer'), ...errorResponses(400, 401, 404) },
      }),
      (c) => c.json(customers.get(c.get('principal'), c.req.valid('param').id), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/{id}/purchases',
        tags: ['customers'],
        request: { params: IdParam, query: PageQuerySchema },
        responses: {
          200: json(HistorySchema, 'Completed sales and returns, newest first'),
          ...errorResponses(400, 401, 404),
        },
      }),
      (c) => {
        const { limit, offset } = c.req.valid('query');
        return c.json(customers.history(c.get('principal'), c.req.valid('param').id, limit, offset), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/',
        tags: ['customers'],
        request: body(CreateSchema),
        responses: { 201: json(CustomerSchema, 'Created'), ...errorResponses(400, 401, 403, 409) },
      }),
      (c) => c.json(customers.create(c.get('principal'), c.req.valid('json')), 201),
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/{id}',
        tags: ['customers'],
        request: { params: IdParam, ...body(UpdateSchema) },
        responses: { 200: json(CustomerSchema, 'Updated'), ...errorResponses(400, 401, 403, 404) },
      }),
      (c) => c.json(customers.update(c.get('principal'), c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/merge',
        tags: ['customers'],
        summary: 'Merge a duplicate into this customer: sales and points move, the duplicate is deleted',
        request: { params: IdParam, ...body(MergeSchema) },
        responses: {
          200: json(MergeResultSchema, 'The customer kept, and what moved'),
          ...errorResponses(400, 401, 403, 404, 422),
        },
      }),
      (c) =>
        c.json(
          admin.merges.merge(c.get('principal'), c.req.valid('param').id, c.req.valid('json').duplicateId),
          200,
        ),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/{id}/merges',
        tags: ['customers'],
        request: { params: IdParam },
        responses: {
          200: json(z.array(MergeRecordSchema), 'Customers merged into this one, newest first'),
          ...errorResponses(400, 401, 403),
        },
      }),
      (c) => c.json(admin.merges.mergesInto(c.get('principal'), c.req.valid('param').id), 200),
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/{id}',
        tags: ['customers'],
        request: { params: IdParam },
        responses: { 204: { description: 'Deleted' }, ...errorResponses(400, 401, 403, 404, 409) },
      }),
      (c) => {
        customers.delete(c.get('principal'), c.req.valid('param').id);
        return c.body(null, 204);
      },
    );
  return { path: 'customers', routes };
}
