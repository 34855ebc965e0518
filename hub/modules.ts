import type { Context } from 'hono';
import type { HubConfig } from './config.js';
import type { HubContext } from './context.js';
import type { Principal } from './contract/principal.js';
import { startDemoStore, type DemoStart } from './demo/demo-store.js';
import type { ApiModule } from './http/app.js';
import type { AppEnv } from './http/env.js';
import { createSystemModules } from './http/routes/system.js';
import { JournalService } from './services/journal/journal-service.js';
import { createAccessModule, type AccessModule } from './services/access/access-module.js';
import { createCashModule } from './services/cash/module.js';
import { createCatalogModule, type CatalogModule } from './services/catalog/catalog-module.js';
import { createCustomersModule } from './services/customers/customers-module.js';
import { NoTerminalAdapter } from './services/payments/no-terminal.js';
import { SimulatedTerminalAdapter } from './services/payments/simulated-terminal.js';
import type { TerminalAdapter } from './services/payments/terminal-adapter.js';
import { createSalesModule, type SalesModule } from './services/sales/module.js';
import { isPresetCountry } from './services/settings/presets.js';
import { createSettingsModule, type SettingsModule } from './services/settings/settings-module.js';
import { createStockModule } from './services/stock/stock-module.js';

/** How often payments left pending or unknown (crash, lost terminal) are asked about again. */
const PAYMENT_RESOLVE_INTERVAL_MS = 30_000;

export interface HubModules {
  api: ApiModule[];
  settings: SettingsModule;
  catalog: CatalogModule;
  access: AccessModule;
  sales: SalesModule;
  terminal: TerminalAdapter;
  resolvePrincipal: (c: Context<AppEnv>, address: string) => Principal;
  /** Set by start() when the hub runs the demo store. */
  demo: DemoStart | null;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Builds every service and its routes from the shared context; nothing starts until start(). */
export function buildModules(
  ctx: HubContext,
  config: HubConfig,
  info: { startedAt: string; demo: boolean },
): HubModules {
  const settings = createSettingsModule(
    ctx,
    isPresetCountry(config.country) ? { defaultCountry: config.country } : {},
  );
  const access = createAccessModule(ctx);
  const catalog = createCatalogModule(ctx, { settings: settings.service });
  const stock = createStockModule(ctx);
  const customers = createCustomersModule(ctx);
  const cash = createCashModule(ctx, { access: access.service, settings: settings.service });
  // The demo takes card payments on the simulator; a real store declines cards until a terminal is set up
  // (device issue), so no card sale is ever recorded as paid without a terminal.
  const terminal: TerminalAdapter = info.demo ? new SimulatedTerminalAdapter() : new NoTerminalAdapter();
  const sales = createSalesModule(ctx, {
    settings: settings.service,
    access: access.service,
    catalog: catalog.service,
    terminal,
  });
  let resolveTimer: NodeJS.Timeout | null = null;

  const resolvePayments = () => {
    sales.payments.resolvePendingPayments().then(
      (result) => {
        if (result.checked > 0) ctx.log('info', 'pending payments asked again', { ...result });
      },
      (error: unknown) => {
        ctx.log('error', 'resolving pending payments failed', { error: String(error) });
      },
    );
  };

  const modules: HubModules = {
    api: [
      ...createSystemModules(
        ctx.db,
        { storeId: config.storeId, startedAt: info.startedAt },
        new JournalService(ctx.tx),
      ),
      ...settings.api,
      ...access.api,
      ...catalog.api,
      ...stock.api,
      ...customers.api,
      ...cash.api,
      ...sales.api,
    ],
    settings,
    catalog,
    access,
    sales,
    terminal,
    resolvePrincipal: access.resolvePrincipal,
    demo: null,
    start: () => {
      settings.service.ensureSetUp();
      access.service.start();
      if (info.demo) modules.demo = startDemoStore(ctx, config.dataDir, { settings, catalog, access });
      resolvePayments();
      resolveTimer = setInterval(resolvePayments, PAYMENT_RESOLVE_INTERVAL_MS);
      resolveTimer.unref();
      return Promise.resolve();
    },
    stop: () => {
      if (resolveTimer) clearInterval(resolveTimer);
      resolveTimer = null;
      return Promise.resolve();
    },
  };
  return modules;
}
