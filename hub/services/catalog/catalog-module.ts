import type { HubContext } from '../../context.js';
import type { ApiModule } from '../../http/app.js';
import { createCategoryRoutes, createChangesRoutes } from '../../http/routes/catalog/category-routes.js';
import { createFavouriteRoutes } from '../../http/routes/catalog/favourite-routes.js';
import { createLabelTemplateRoutes } from '../../http/routes/catalog/label-template-routes.js';
import { createExportRoutes, createImportRoutes } from '../../http/routes/catalog/import-routes.js';
import { createPriceChangeRoutes } from '../../http/routes/catalog/price-change-routes.js';
import { createProductRoutes } from '../../http/routes/catalog/product-routes.js';
import type { SettingsService } from '../settings/settings-service.js';
import { CatalogService } from './catalog-service.js';
import { CategoryService } from './category-service.js';
import { FavouriteService } from './favourite-service.js';
import { CatalogImportService } from './import/catalog-import-service.js';
import { LabelTemplateService } from './label-template-service.js';
import { PriceChangeService } from './price-change-service.js';
import { PriceScheduler } from './price-scheduler.js';

export interface CatalogModule {
  service: CatalogService;
  categories: CategoryService;
  labelTemplates: LabelTemplateService;
  favourites: FavouriteService;
  prices: PriceChangeService;
  imports: CatalogImportService;
  /** Starts the price scheduler and fails imports a stopped hub left half-way. */
  start(): void;
  /** Stops the scheduler and waits for a running import to stop between batches. */
  stop(): Promise<void>;
  /** /products, /categories, /catalog (changes), /label-templates, /favourites, /price-changes,
   * /catalog-imports, /catalog-export. */
  api: ApiModule[];
}

/** Catalog: products, categories, label templates, scan lookup, search and the change feed. */
export function createCatalogModule(ctx: HubContext, deps: { settings: SettingsService }): CatalogModule {
  const labelTemplates = new LabelTemplateService(ctx, deps.settings);
  const categories = new CategoryService(ctx);
  const favourites = new FavouriteService(ctx);
  const service = new CatalogService(ctx, { settings: deps.settings, templates: labelTemplates });
  const prices = new PriceChangeService(ctx);
  const priceScheduler = new PriceScheduler(ctx, prices);
  const imports = new CatalogImportService(ctx, { settings: deps.settings, templates: labelTemplates });
  return {
    service,
    categories,
    labelTemplates,
    favourites,
    prices,
    imports,
    start: () => {
      imports.start();
      priceScheduler.start();
    },
    stop: async () => {
      priceScheduler.stop();
      await imports.stop();
    },
    api: [
      createProductRoutes(service),
      createCategoryRoutes(categories),
      createChangesRoutes(service),
      createLabelTemplateRoutes(labelTemplates),
      createFavouriteRoutes(favourites),
      createPriceChangeRoutes(prices),
      createImportRoutes(imports),
      createExportRoutes(ctx.db, deps.settings),
    ],
  };
}
