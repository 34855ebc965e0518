import type { HubContext } from '../../context.js';
import type { ApiModule } from '../../http/app.js';
import { createSettingsRoutes } from '../../http/routes/settings/settings-routes.js';
import { createLogoRoutes } from '../../http/routes/settings/logo-routes.js';
import { createTaxClassRoutes, createTenderRoutes } from '../../http/routes/settings/tax-tender-routes.js';
import { ReceiptLogoService } from './receipt-logo.js';
import { SettingsService, type SettingsOptions } from './settings-service.js';
import { TaxClassService } from './tax-class-service.js';
import { TenderService } from './tender-service.js';

export interface SettingsModule {
  service: SettingsService;
  taxClasses: TaxClassService;
  tenders: TenderService;
  logo: ReceiptLogoService;
  /** /settings, /settings/logo, /tax-classes, /tenders. */
  api: ApiModule[];
}

/** Store settings, tax classes and tenders. Call `service.ensureSetUp()` once at start-up. */
export function createSettingsModule(ctx: HubContext, options: SettingsOptions = {}): SettingsModule {
  const service = new SettingsService(ctx, options);
  const taxClasses = new TaxClassService(ctx);
  const tenders = new TenderService(ctx);
  const logo = new ReceiptLogoService(ctx);
  return {
    service,
    taxClasses,
    tenders,
    logo,
    api: [
      createSettingsRoutes(service),
      createLogoRoutes(logo),
      createTaxClassRoutes(taxClasses),
      createTenderRoutes(tenders),
    ],
  };
}
