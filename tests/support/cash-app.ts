import type { DeviceCommandPayload } from '../../hub/contract/mqtt.js';
import type { ApiModule } from '../../hub/http/app.js';
import { AccessService } from '../../hub/services/access/access-service.js';
import type { CashService } from '../../hub/services/cash/cash-service.js';
import { createCashModule } from '../../hub/services/cash/module.js';
import {
  createPrintingModule,
  type PrinterDirectory,
  type PrintingModule,
} from '../../hub/services/printing/module.js';
import { SettingsService } from '../../hub/services/settings/settings-service.js';
import { fakeReceipt } from '../services/printing/rig.js';
import { seedAccess, type AccessFixture } from './access-fixtures.js';
import { createTestContext, type TestContext } from './hub-context.js';
import { buildTestApp, seededLogins, type SeededLogins, type TestApp } from './test-app.js';

/** A Danish store with staff, its settings set up, and the cash module: what cash and printing build on. */
export interface CashStore {
  ctx: TestContext;
  seed: AccessFixture;
  settings: SettingsService;
  access: AccessService;
  cash: { service: CashService; api: ApiModule[] };
}

export function cashStore(): CashStore {
  const ctx = createTestContext();
  const seed = seedAccess(ctx);
  const settings = new SettingsService(ctx);
  settings.ensureSetUp();
  const access = new AccessService(ctx);
  const cash = createCashModule(ctx, { access, settings });
  return { ctx, seed, settings, access, cash };
}

/** A store and the app serving `modules` (the access routes besides), with the seeded staff's logins. */
export interface CashApp extends CashStore, SeededLogins {
  t: TestApp;
}

export function cashApp(store: CashStore, modules: ApiModule[]): CashApp {
  const t = buildTestApp(store.ctx, modules);
  return { ...store, t, ...seededLogins(t, store.seed) };
}

/** Printing for a store whose tills print on 'printer-1' (an Epson TM-T20III, drawer on pin 2), offline. */
export interface OfflinePrinting {
  printing: PrintingModule;
  directory: PrinterDirectory;
  /** Every command sent to a printer (none while it is offline, except a drawer kick). */
  sent: { deviceId: string; command: DeviceCommandPayload }[];
  /** Every receipt rendered for a print job. */
  rendered: { saleId: string; copy: boolean }[];
}

/**
 * The printing module, started, for the tills `hasPrinter` says have the printer (by default the seeded
 * till). The printer is offline, so jobs stay queued and a test reads exactly what was queued; commands
 * are answered 'ok' and receipts rendered as fakeReceipt(). printing.stop() when done.
 */
export function offlinePrinting(
  store: CashStore,
  hasPrinter: (tillId: string) => boolean = (tillId) => tillId === store.seed.till.tillId,
): OfflinePrinting {
  const sent: OfflinePrinting['sent'] = [];
  const rendered: OfflinePrinting['rendered'] = [];
  const directory: PrinterDirectory = {
    receiptPrinterOf: (tillId) =>
      hasPrinter(tillId) ? { deviceId: 'printer-1', profileId: 'epson-tm-t20iii', drawerPin: 2 } : null,
    isOnline: () => false,
  };
  const printing = createPrintingModule(store.ctx, {
    access: store.access,
    cash: store.cash.service,
    directory,
    commander: {
      sendCommand: (deviceId, command) => {
        sent.push({ deviceId, command });
        return Promise.resolve({ id: command.id, status: 'ok', data: {} });
      },
    },
    receipts: {
      renderSale: (saleId, o) => {
        rendered.push({ saleId, copy: o.copy });
        return fakeReceipt(saleId, o.copy);
      },
    },
    autoPrintReceipts: () => true,
  });
  printing.start();
  return { printing, directory, sent, rendered };
}
