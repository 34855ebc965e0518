import { createRoute, z } from '@hono/zod-openapi';
import type { PerformanceService } from '../../services/staff/performance-service.js';
import type { ApiModule } from '../app.js';
import { createRouter, errorResponses } from '../router.js';
import { json } from './access-helpers.js';
import { LocalDate, PerformanceSchema } from './time-clock-schemas.js';

/** /staff-performance: sales, transactions, refunds, voids and discounts per person ('reports.view'). */
export function createStaffPerformanceModule(performance: PerformanceService): ApiModule {
  const routes = createRouter({ auth: 'authenticated' }).openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['staff'],
      request: { query: z.strictObject({ from: LocalDate, to: LocalDate }) },
      responses: { 200: json(PerformanceSchema, 'Per-employee figures'), ...errorResponses(400, 401, 403) },
    }),
    (c) => c.json(performance.report(c.get('principal'), c.req.valid('query')), 200),
  );
  return { path: 'staff-performance', routes };
}
