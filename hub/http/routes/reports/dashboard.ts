import { createRoute, z } from '@hono/zod-openapi';
import { requirePermission } from '../../../services/access/guards.js';
import type { DashboardService } from '../../../services/reports/dashboard.js';
import type { ApiModule } from '../../app.js';
import { createRouter, errorResponses } from '../../router.js';
import { json } from '../access-helpers.js';
import { FiguresSchema, LowStockItemSchema } from './report-schemas.js';

const DashboardSchema = z
  .object({
    date: z.string(),
    today: FiguresSchema,
    lastWeekSoFar: FiguresSchema,
    lastWeekDay: FiguresSchema,
    lowStock: z.object({ total: z.number().int(), items: z.array(LowStockItemSchema) }),
    openSessions: z.array(
      z.object({
        id: z.string(),
        tillId: z.string(),
        tillName: z.string().nullable(),
        openedAt: z.string(),
        openedByName: z.string().nullable(),
        floatMinor: z.number().int(),
        expectedMinor: z.number().int(),
      }),
    ),
    deviceAlerts: z
      .array(
        z.object({
          deviceId: z.string(),
          name: z.string(),
          kind: z.string(),
          tillId: z.string().nullable(),
          problem: z.enum(['offline', 'paper_out', 'paper_low', 'error', 'warning']),
          errors: z.array(z.string()),
          lastSeenAt: z.string().nullable(),
        }),
      )
      .nullable(),
  })
  .openapi('Dashboard');

/** /dashboard: today's sales against a week ago, low stock, open drawers and device alerts. */
export function createDashboardRoutes(dashboard: DashboardService): ApiModule {
  const routes = createRouter({ auth: 'authenticated' }).openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['reports'],
      summary: "The manager's dashboard",
      responses: { 200: json(DashboardSchema, 'Dashboard'), ...errorResponses(401, 403) },
    }),
    (c) => {
      const principal = c.get('principal');
      requirePermission(principal, 'reports.view');
      return c.json(dashboard.get(principal), 200);
    },
  );
  return { path: 'dashboard', routes };
}
