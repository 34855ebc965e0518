import { createRoute } from '@hono/zod-openapi';
import type { Principal } from '../../contract/principal.js';
import { requirePermission, requireTill, requireTillStaff, staffOf } from '../../services/access/guards.js';
import type { CashService } from '../../services/cash/cash-service.js';
import type { ApiModule } from '../app.js';
import { createRouter, errorResponses, PageQuerySchema } from '../router.js';
import {
  CashDenominationsSchema,
  CashMovementSchema,
  CashSessionSchema,
  CloseSessionBodySchema,
  CurrentSessionSchema,
  MovementBodySchema,
  OpenSessionBodySchema,
  SessionIdParamSchema,
  XReportSchema,
  ZNumberParamSchema,
  ZReportPageSchema,
  ZReportSchema,
} from './cash-schemas.js';

const json = <T>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

/** Reports: a cashier at their own till (the service checks the till), or the admin pages with reports.view. */
function requireCashReader(p: Principal): void {
  if (p.kind === 'admin') requirePermission(p, 'reports.view');
  else staffOf(p);
}

export function createCashApi(service: CashService): ApiModule[] {
  const sessions = createRouter({ auth: 'authenticated' })
    .openapi(
      createRoute({
        method: 'post',
        path: '/',
        tags: ['cash'],
        request: {
          body: { required: true, content: { 'application/json': { schema: OpenSessionBodySchema } } },
        },
        responses: {
          201: json(CashSessionSchema, 'The open session (the same one again for a retried request)'),
          ...errorResponses(400, 401, 403, 409, 423, 429, 507),
        },
      }),
      (c) => {
        const { tillId } = requireTillStaff(c.get('principal'));
        return c.json(service.open(c.get('principal'), tillId, c.req.valid('json')), 201);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/current',
        tags: ['cash'],
        responses: {
          200: json(CurrentSessionSchema, 'The till’s open session, or null'),
          ...errorResponses(401),
        },
      }),
      (c) => {
        const { tillId } = requireTill(c.get('principal'));
        return c.json({ session: service.current(tillId) }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/denominations',
        tags: ['cash'],
        summary: 'The notes and coins of the store currency, largest first, for counting a drawer',
        responses: {
          200: json(CashDenominationsSchema, 'The store currency and its denominations'),
          ...errorResponses(401),
        },
      }),
      (c) => {
        requireTill(c.get('principal'));
        return c.json(service.denominations(), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/{id}',
        tags: ['cash'],
        request: { params: SessionIdParamSchema },
        responses: { 200: json(CashSessionSchema, 'A cash session'), ...errorResponses(400, 401, 403, 404) },
      }),
      (c) => {
        requireCashReader(c.get('principal'));
        return c.json(service.get(c.get('principal'), c.req.valid('param').id), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/movements',
        tags: ['cash'],
        request: {
          params: SessionIdParamSchema,
          body: { required: true, content: { 'application/json': { schema: MovementBodySchema } } },
        },
        responses: {
          201: json(CashMovementSchema, 'The recorded movement (the same one again for a retried request)'),
          ...errorResponses(400, 401, 403, 404, 409, 423, 429, 507),
        },
      }),
      (c) => {
        requireTillStaff(c.get('principal'));
        const movement = service.recordMovement(
          c.get('principal'),
          c.req.valid('param').id,
          c.req.valid('json'),
        );
        return c.json(movement, 201);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/{id}/x-report',
        tags: ['cash'],
        request: { params: SessionIdParamSchema },
        responses: {
          200: json(XReportSchema, 'Figures so far (not numbered)'),
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      (c) => {
        requireCashReader(c.get('principal'));
        return c.json(service.xReport(c.get('principal'), c.req.valid('param').id), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/close',
        tags: ['cash'],
        request: {
          params: SessionIdParamSchema,
          body: { required: true, content: { 'application/json': { schema: CloseSessionBodySchema } } },
        },
        responses: {
          200: json(
            ZReportSchema,
            'The Z report (the same one again for a retried close with the same count)',
          ),
          ...errorResponses(400, 401, 403, 404, 409, 423, 429, 507),
        },
      }),
      (c) => {
        staffOf(c.get('principal'));
        return c.json(service.close(c.get('principal'), c.req.valid('param').id, c.req.valid('json')), 200);
      },
    );

  const zReports = createRouter({ auth: 'authenticated' })
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        tags: ['cash'],
        request: { query: PageQuerySchema },
        responses: {
          200: json(ZReportPageSchema, 'Z reports, newest first'),
          ...errorResponses(400, 401, 403),
        },
      }),
      (c) => {
        requireCashReader(c.get('principal'));
        const { limit, offset } = c.req.valid('query');
        return c.json(service.listZReports(c.get('principal'), limit, offset), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/{number}',
        tags: ['cash'],
        request: { params: ZNumberParamSchema },
        responses: { 200: json(ZReportSchema, 'One Z report'), ...errorResponses(400, 401, 403, 404) },
      }),
      (c) => {
        requireCashReader(c.get('principal'));
        return c.json(service.getZReport(c.get('principal'), c.req.valid('param').number), 200);
      },
    );

  return [
    { path: 'cash-sessions', routes: sessions },
    { path: 'z-reports', routes: zReports },
  ];
}
