import type { HubContext } from '../../context.js';
import type { ApiModule } from '../../http/app.js';
import { createSettingsRoutes } from '../../http/routes/settings/settings-routes.js';
import { createTaxClassRoutes, createTenderRoutes } from '../../http/routes/settings/tax-tender-routes.js';
import { SettingsService, type SettingsOptions } from './settings-service.js';
import { TaxClassService } from './tax-class-service.js';
import { TenderService } from './tender-service.js';

export interface SettingsModule {
  service: SettingsService;
  taxClasses: TaxClassService;
  tenders: TenderService;
  /** /settings, /tax-classes, /tenders. */
  api: ApiModule[];
}

/** Store settings, tax classes and tenders. Call `service.ensureSetUp()` once at start-up. */
export function createSettingsModule(ctx: HubContext, options: SettingsOptions = {}): SettingsModule {
  const service = new SettingsService(ctx, options);
  const taxClasses = new TaxClassService(ctx);
  const tenders = new TenderService(ctx);
  return {
    service,
    taxClasses,
    tenders,
    api: [createSettingsRoutes(service), createTaxClassRoutes(taxClasses), createTenderRoutes(tenders)],
  };
}
