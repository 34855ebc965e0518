import type { HubContext } from '../../context.js';
import type { ApiModule } from '../../http/app.js';
import { createPrintingApi } from '../../http/routes/printing.js';
import { PrintDispatcher, type DispatcherOptions } from './dispatcher.js';
import { DrawerService, type DrawerDeps } from './drawer-service.js';
import { PrintService } from './print-service.js';
import type { ReceiptSource } from './types.js';

export type { DeviceCommander, PrinterDirectory, PrinterTarget, ReceiptSource } from './types.js';
export { BusPrinterStates, forwardPrintStatusToTills } from './printer-states.js';

export interface PrintingDeps extends DrawerDeps {
  receipts: ReceiptSource;
  /** The store setting "print a receipt for every sale"; read at each sale so a change applies at once. */
  autoPrintReceipts: () => boolean;
  dispatcher?: DispatcherOptions;
}

export interface PrintingModule {
  service: PrintService;
  dispatcher: PrintDispatcher;
  drawer: DrawerService;
  /** POST /sales/{id}/print, POST /tills/{id}/drawer/open, GET /print-jobs, POST /print-jobs/{id}/retry. */
  api: ApiModule[];
  start(): void;
  stop(): void;
}

const OWNER = 'printing';

/** Print jobs, their dispatcher and the cash drawer; nothing runs until start(). */
export function createPrintingModule(ctx: HubContext, deps: PrintingDeps): PrintingModule {
  const service = new PrintService(ctx, {
    directory: deps.directory,
    receipts: deps.receipts,
    autoPrintReceipts: deps.autoPrintReceipts,
  });
  const dispatcher = new PrintDispatcher(ctx, service, deps.directory, deps.commander, deps.dispatcher);
  const drawer = new DrawerService(ctx, deps);
  return {
    service,
    dispatcher,
    drawer,
    api: createPrintingApi(service, drawer),
    start: () => {
      dispatcher.start();
      drawer.start();
      ctx.bus.on('sale.completed', OWNER, ({ saleId, tillId }) => {
        try {
          service.queueSaleReceipt(saleId, tillId);
        } catch (error) {
          // The sale is committed whatever happens here; the cashier can reprint from the till.
          ctx.log('error', 'receipt not queued', { saleId, tillId, error: String(error) });
        }
      });
    },
    stop: () => {
      ctx.bus.removeOwner(OWNER);
      drawer.stop();
      dispatcher.stop();
    },
  };
}
