import { createRoute, z } from '@hono/zod-openapi';
import { ValidationError } from '../../../errors.js';
import { requirePermission } from '../../../services/access/guards.js';
import { reportCsv } from '../../../services/reports/report-csv.js';
import type { ReportService } from '../../../services/reports/report-service.js';
import type { ApiModule } from '../../app.js';
import { createRouter, errorResponses } from '../../router.js';
import { json } from '../access-helpers.js';
import * as s from './report-schemas.js';

const get = (path: string, query: z.ZodType, schema: z.ZodType, summary: string) =>
  createRoute({
    method: 'get',
    path,
    tags: ['reports'],
    summary,
    request: { query: query as typeof s.ReportFilterSchema },
    responses: { 200: json(schema, summary), ...errorResponses(400, 401, 403) },
  });

/** What a filter query means to the service: absent ids are "all". */
function filterOf(q: z.infer<typeof s.ReportFilterSchema>) {
  return { from: q.from, to: q.to, tillId: q.tillId, staffId: q.staffId, categoryId: q.categoryId };
}

/** /reports: every report needs 'reports.view'; dates are local to the store. */
export function createReportRoutes(reports: ReportService, currency: () => string): ApiModule {
  const routes = createRouter({ auth: 'authenticated' })
    .openapi(
      createRoute({
        method: 'get',
        path: '/sales',
        tags: ['reports'],
        summary: 'Sales by hour of day, day, week, month or year, with the period before',
        request: { query: s.SalesQuerySchema },
        responses: { 200: json(s.SalesReportSchema, 'Sales by period'), ...errorResponses(400, 401, 403) },
      }),
      (c) => {
        requirePermission(c.get('principal'), 'reports.view');
        const q = c.req.valid('query');
        return c.json(reports.sales(filterOf(q), q.granularity), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/products',
        tags: ['reports'],
        summary: 'Best or worst sellers by revenue before tax, quantity or margin',
        request: { query: s.ProductsQuerySchema },
        responses: { 200: json(s.ProductsReportSchema, 'Products ranked'), ...errorResponses(400, 401, 403) },
      }),
      (c) => {
        requirePermission(c.get('principal'), 'reports.view');
        const q = c.req.valid('query');
        return c.json(reports.products(filterOf(q), q.sort, q.order, q.limit, q.offset), 200);
      },
    )
    .openapi(
      get('/categories', s.ReportFilterSchema, s.CategoriesReportSchema, 'Sales and margin by category'),
      (c) => {
        requirePermission(c.get('principal'), 'reports.view');
        return c.json(reports.categories(filterOf(c.req.valid('query'))), 200);
      },
    )
    .openapi(get('/payments', s.ReportFilterSchema, s.PaymentsReportSchema, 'Payment method mix'), (c) => {
      requirePermission(c.get('principal'), 'reports.view');
      return c.json(reports.payments(filterOf(c.req.valid('query'))), 200);
    })
    .openapi(
      get('/discounts', s.ReportFilterSchema, s.DiscountsReportSchema, 'Discounts, voids and removed lines'),
      (c) => {
        requirePermission(c.get('principal'), 'reports.view');
        return c.json(reports.discounts(filterOf(c.req.valid('query'))), 200);
      },
    )
    .openapi(
      get('/refunds', s.ReportFilterSchema, s.RefundsReportSchema, 'Returns by day, reason and tender'),
      (c) => {
        requirePermission(c.get('principal'), 'reports.view');
        return c.json(reports.refunds(filterOf(c.req.valid('query'))), 200);
      },
    )
    .openapi(get('/tax', s.ReportFilterSchema, s.TaxReportSchema, 'Tax by rate'), (c) => {
      requirePermission(c.get('principal'), 'reports.view');
      return c.json(reports.tax(filterOf(c.req.valid('query'))), 200);
    })
    .openapi(
      createRoute({
        method: 'get',
        path: '/cash-sessions',
        tags: ['reports'],
        summary: 'Cash sessions opened in the range, with their Z reports',
        request: { query: s.PagedReportQuerySchema },
        responses: {
          200: json(s.CashSessionsReportSchema, 'Cash sessions'),
          ...errorResponses(400, 401, 403),
        },
      }),
      (c) => {
        requirePermission(c.get('principal'), 'reports.view');
        const q = c.req.valid('query');
        return c.json(reports.cashSessions(filterOf(q), q.limit, q.offset), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/low-stock',
        tags: ['reports'],
        summary: 'Active products at or below their reorder point',
        request: { query: s.LowStockQuerySchema },
        responses: { 200: json(s.LowStockReportSchema, 'Low stock'), ...errorResponses(400, 401, 403) },
      }),
      (c) => {
        requirePermission(c.get('principal'), 'reports.view');
        const q = c.req.valid('query');
        return c.json(reports.lowStock(q.categoryId ?? null, q.limit, q.offset), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/export/{report}',
        tags: ['reports'],
        summary: 'One report as CSV (money as decimals of the store currency)',
        request: { params: z.object({ report: s.ReportNameSchema }), query: s.ExportQuerySchema },
        responses: {
          200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } },
          ...errorResponses(400, 401, 403),
        },
      }),
      (c) => {
        requirePermission(c.get('principal'), 'reports.view');
        const { report } = c.req.valid('param');
        const q = c.req.valid('query');
        if (report !== 'low-stock' && (q.from === undefined || q.to === undefined)) {
          throw new ValidationError('This report needs a from and a to date', { report });
        }
        const csv = reportCsv(
          reports,
          report,
          {
            from: q.from ?? '',
            to: q.to ?? '',
            tillId: q.tillId,
            staffId: q.staffId,
            categoryId: q.categoryId,
          },
          { granularity: q.granularity, sort: q.sort, order: q.order, currency: currency() },
        );
        const name = `${report}${q.from === undefined ? '' : `-${q.from}-${q.to ?? ''}`}.csv`;
        return c.body(csv, 200, {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="${name}"`,
        });
      },
    );
  return { path: 'reports', routes };
}
