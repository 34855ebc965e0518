import type { HubContext } from '../../context.js';
import type { ApiModule } from '../../http/app.js';
import { createDashboardRoutes } from '../../http/routes/reports/dashboard.js';
import { createReportRoutes } from '../../http/routes/reports/reports.js';
import { DashboardService, type DeviceLister } from './dashboard.js';
import { ReportService } from './report-service.js';

export interface ReportsModule {
  service: ReportService;
  dashboard: DashboardService;
  api: ApiModule[];
  /** Rebuilds the summaries once on a store upgraded with sales already made. */
  start(): void;
}

export interface ReportsDeps {
  /** The store currency, for CSV money columns. */
  currency: () => string;
  devices: DeviceLister;
}

/** Reports and the dashboard. Sales keep the summaries up to date themselves (sale-facts.ts). */
export function createReportsModule(ctx: HubContext, deps: ReportsDeps): ReportsModule {
  const service = new ReportService(ctx);
  const dashboard = new DashboardService(ctx, deps.devices);
  return {
    service,
    dashboard,
    api: [createReportRoutes(service, deps.currency), createDashboardRoutes(dashboard)],
    start: () => {
      service.start();
    },
  };
}
