import { createRoute } from '@hono/zod-openapi';
import { requireTillStaff } from '../../services/access/guards.js';
import type { CashReportPrinter } from '../../services/printing/cash-report-printer.js';
import type { ApiModule } from '../app.js';
import { createRouter, errorResponses } from '../router.js';
import { SessionIdParamSchema, ZNumberParamSchema } from './cash-schemas.js';
import { PrintJobSchema } from './printing.js';

/** What both routes share: a POST that queues a job on the calling till's receipt printer. */
const printOnThisTill = {
  method: 'post' as const,
  tags: ['cash', 'printing'],
  responses: {
    202: {
      description: 'The queued print job',
      content: { 'application/json': { schema: PrintJobSchema } },
    },
    ...errorResponses(400, 401, 403, 404, 422, 507),
  },
};

/** Printing cash reports on the calling till's receipt printer. */
export function createCashPrintingApi(printer: CashReportPrinter): ApiModule[] {
  const sessions = createRouter().openapi(
    createRoute({
      ...printOnThisTill,
      path: '/{id}/x-report/print',
      summary: 'Print the session’s X report (figures so far) on this till’s printer',
      request: { params: SessionIdParamSchema },
    }),
    (c) => {
      const { tillId } = requireTillStaff(c.get('principal'));
      return c.json(printer.printX(c.get('principal'), tillId, c.req.valid('param').id), 202);
    },
  );
  const zReports = createRouter().openapi(
    createRoute({
      ...printOnThisTill,
      path: '/{number}/print',
      summary: 'Print a Z report again, marked COPY, on this till’s printer',
      request: { params: ZNumberParamSchema },
    }),
    (c) => {
      const { tillId } = requireTillStaff(c.get('principal'));
      return c.json(printer.reprintZ(c.get('principal'), tillId, c.req.valid('param').number), 202);
    },
  );
  return [
    { path: 'cash-sessions', routes: sessions },
    { path: 'z-reports', routes: zReports },
  ];
}
