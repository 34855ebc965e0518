import type { Context } from 'hono';
import type { HubConfig } from './config.js';
import type { HubContext } from './context.js';
import type { Principal } from './contract/principal.js';
import { startDemoStore, type DemoStart } from './demo/demo-store.js';
import type { ApiModule } from './http/app.js';
import type { AppEnv } from './http/env.js';
import { createCashPrintingApi } from './http/routes/cash-printing.js';
import { createDisplaysModule } from './http/routes/displays.js';
import { createSystemModules } from './http/routes/system.js';
import type { BrokerControl, MessageBus } from './mqtt/types.js';
import { createAccessModule, type AccessModule } from './services/access/access-module.js';
import { createCashModule } from './services/cash/module.js';
import { createPromotionRoutes } from './http/routes/promotions.js';
import { createSaleCouponRoutes } from './http/routes/sale-coupons.js';
import { createCatalogModule, type CatalogModule } from './services/catalog/catalog-module.js';
import { PromotionService } from './services/promotions/promotion-service.js';
import { SaleCouponService } from './services/sales/sale-coupons.js';
import { createCustomersModule } from './services/customers/customers-module.js';
import { CustomerDisplayService } from './services/display/display-service.js';
import { getTill } from './db/access-till-queries.js';
import { createDevicesModule, type DevicesModule } from './services/devices/devices-module.js';
import { JournalService } from './services/journal/journal-service.js';
import type { TerminalAdapter } from './services/payments/terminal-adapter.js';
import { TillTerminalRouter } from './services/payments/terminal-router.js';
import {
  BusPrinterStates,
  createPrintingModule,
  forwardPrintStatusToTills,
  type PrintingModule,
} from './services/printing/module.js';
import { CashReportPrinter } from './services/printing/cash-report-printer.js';
import { receiptPrinterOf } from './services/printing/printer-directory.js';
import { createReceiptSource } from './services/printing/receipt-source.js';
import { createEReceiptsModule, type EReceiptsModule } from './services/receipts/module.js';
import { createSalesModule, type SalesModule } from './services/sales/module.js';
import { isPresetCountry } from './services/settings/presets.js';
import { createSettingsModule, type SettingsModule } from './services/settings/settings-module.js';
import { createStockModule } from './services/stock/stock-module.js';
import { createStaffTimeModule } from './services/staff/staff-time-module.js';
import { createReportsModule } from './services/reports/module.js';

/** How often payments left pending or unknown (crash, lost terminal) are asked about again. */
const PAYMENT_RESOLVE_INTERVAL_MS = 30_000;

export interface BuildInfo {
  startedAt: string;
  demo: boolean;
  /**
   * One store-wide card terminal; null: each till's card payments go to the terminal assigned to it in the
   * device registry (a till without one declines cards with a reason the cashier reads).
   */
  terminal: TerminalAdapter | null;
  /** Signs the receipt lookup URLs printed as QR codes. */
  receiptSecret: string;
  /** The e-receipt address when the store set no publicBaseUrl (the demo's LAN URL), else null. */
  fallbackBaseUrl: () => string | null;
}

export interface HubModules {
  api: ApiModule[];
  settings: SettingsModule;
  catalog: CatalogModule;
  access: AccessModule;
  sales: SalesModule;
  devices: DevicesModule;
  printing: PrintingModule;
  receipts: EReceiptsModule;
  terminal: TerminalAdapter;
  resolvePrincipal: (c: Context<AppEnv>, address: string) => Principal;
  /** Set by start() when the hub runs the demo store. */
  demo: DemoStart | null;
  start(): Promise<void>;
  /** Once the broker runs: device registry, printer states, print dispatcher, till forwarding. */
  attachBroker(broker: { bus: MessageBus; control: BrokerControl }): Promise<void>;
  stop(): Promise<void>;
}

/** Builds every service and its routes from the shared context; nothing starts until start(). */
export function buildModules(ctx: HubContext, config: HubConfig, info: BuildInfo): HubModules {
  const settings = createSettingsModule(
    ctx,
    isPresetCountry(config.country) ? { defaultCountry: config.country } : {},
  );
  const access = createAccessModule(ctx);
  const catalog = createCatalogModule(ctx, { settings: settings.service });
  const stock = createStockModule(ctx);
  const customers = createCustomersModule(ctx, { currency: () => settings.service.get().currency });
  const cash = createCashModule(ctx, { access: access.service, settings: settings.service });
  const router = new TillTerminalRouter(ctx, {
    saleId: `store-hub-${config.storeId}`,
    notifyTill: (tillId, event) => {
      devices.service.notifyTill(tillId, event);
    },
  });
  const terminal: TerminalAdapter = info.terminal ?? router;
  const sales = createSalesModule(ctx, {
    settings: settings.service,
    access: access.service,
    catalog: catalog.service,
    terminal,
    tenderLedgers: customers.tenderLedgers,
    completionHooks: customers.completionHooks,
  });
  const devices = createDevicesModule(ctx, {
    storeId: config.storeId,
    access: access.service,
    terminals: (device) => info.terminal ?? router.adapterFor(device.id),
  });
  const reports = createReportsModule(ctx, {
    currency: () => settings.service.get().currency,
    devices: (principal) => devices.service.list(principal, {}, 500, 0).items,
  });
  let printerStates: BusPrinterStates | null = null;
  const receipts = createEReceiptsModule(ctx, {
    sale: (id) => sales.sales.lifecycle.get(id),
    saleByReceipt: (code) => sales.sales.lifecycle.getByReceipt(code),
    store: () => settings.service.get(),
    secret: info.receiptSecret,
    fallbackBaseUrl: info.fallbackBaseUrl,
    printed: (saleId) => printing.service.hasReceipt(saleId),
  });
  const printing = createPrintingModule(ctx, {
    access: access.service,
    cash: cash.service,
    commander: devices.service,
    directory: {
      receiptPrinterOf: (tillId) => receiptPrinterOf(ctx.db, tillId),
      isOnline: (deviceId) => printerStates?.isOnline(deviceId) ?? false,
    },
    receipts: createReceiptSource({
      sale: (id) => sales.sales.lifecycle.get(id),
      store: () => settings.service.get(),
      receiptUrl: (sale) => receipts.service.urlOf(sale),
      logo: () => settings.logo.bitmap(),
    }),
    autoPrintReceipts: () => settings.service.get().autoPrintReceipts,
  });
  const cashReports = new CashReportPrinter(ctx, {
    print: printing.service,
    directory: { receiptPrinterOf: (tillId) => receiptPrinterOf(ctx.db, tillId) },
    cash: cash.service,
    store: () => settings.service.get(),
    tillName: (tillId) => getTill(ctx.db, tillId)?.name ?? null,
  });
  const display = new CustomerDisplayService(ctx, {
    sale: (id) => sales.sales.lifecycle.get(id),
    store: () => settings.service.get(),
    commander: devices.service,
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
      createPromotionRoutes(new PromotionService(ctx), ctx),
      createSaleCouponRoutes(new SaleCouponService(ctx)),
      ...stock.api,
      ...customers.api,
      ...cash.api,
      ...sales.api,
      ...devices.api,
      ...printing.api,
      ...createCashPrintingApi(cashReports),
      ...receipts.api,
      createDisplaysModule({
        displays: access.service.displays,
        store: () => settings.service.get(),
        storeId: config.storeId,
      }),
      ...createStaffTimeModule(ctx, () => settings.service.get()).api,
      ...reports.api,
    ],
    settings,
    catalog,
    access,
    sales,
    devices,
    printing,
    receipts,
    terminal,
    resolvePrincipal: access.resolvePrincipal,
    demo: null,
    start: () => {
      settings.service.ensureSetUp();
      access.service.start();
      reports.start();
      router.start();
      if (info.demo) modules.demo = startDemoStore(ctx, config.dataDir, { settings, catalog, access });
      resolvePayments();
      resolveTimer = setInterval(resolvePayments, PAYMENT_RESOLVE_INTERVAL_MS);
      resolveTimer.unref();
      catalog.start();
      return Promise.resolve();
    },
    attachBroker: async (broker) => {
      await devices.start(broker);
      printerStates = new BusPrinterStates(broker.bus, config.storeId, (deviceId) => {
        printing.dispatcher.poke(deviceId);
      });
      await printerStates.start();
      printing.start();
      cashReports.start();
      display.start();
      forwardPrintStatusToTills(ctx.bus, broker.bus, config.storeId, (message, error) => {
        ctx.log('error', message, { error: String(error) });
      });
    },
    stop: async () => {
      if (resolveTimer) clearInterval(resolveTimer);
      resolveTimer = null;
      await catalog.stop();
      display.stop();
      cashReports.stop();
      printing.stop();
      await printerStates?.stop();
      await devices.stop();
      router.stop();
    },
  };
  return modules;
}
