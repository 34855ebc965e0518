import { getPrinterProfile } from '../../../firmware-profiles/index.js';
import type { Principal } from '../../contract/principal.js';
import type { HubContext } from '../../context.js';
import { BusinessRuleError } from '../../errors.js';
import { auditActor } from '../access/audit-actor.js';
import type { CashService } from '../cash/cash-service.js';
import type { XReport, ZReport } from '../cash/types.js';
import { receiptToEscpos, renderCashReport } from '../receipts/index.js';
import type { StoreSettings } from '../settings/settings-schema.js';
import type { PrintService } from './print-service.js';
import type { PrinterDirectory, PrinterTarget, PrintJobView } from './types.js';

const OWNER = 'printing.cash-reports';

export interface CashReportPrinterDeps {
  print: Pick<PrintService, 'enqueue'>;
  directory: Pick<PrinterDirectory, 'receiptPrinterOf'>;
  cash: Pick<CashService, 'xReport' | 'getZReport' | 'readZReport'>;
  store: () => StoreSettings;
  /** The till's display name for the report header; null prints its id. */
  tillName: (tillId: string) => string | null;
}

/**
 * X and Z reports on the till's receipt printer. The Z report prints by itself when a session closes
 * (the 'cash.session.closed' event, after the close committed), so every Z reaches paper without the till
 * having to ask; an X report prints when the cashier asks, and a Z again only as a COPY.
 */
export class CashReportPrinter {
  constructor(
    private readonly ctx: HubContext,
    private readonly deps: CashReportPrinterDeps,
  ) {}

  start(): void {
    this.ctx.bus.on('cash.session.closed', OWNER, ({ tillId, zNumber }) => {
      try {
        const printer = this.deps.directory.receiptPrinterOf(tillId);
        if (!printer) {
          this.ctx.log('info', 'no receipt printer for till; Z report not printed', { tillId, zNumber });
          return;
        }
        const report = this.deps.cash.readZReport(zNumber);
        this.queue(printer, report, false, report.closedBy);
      } catch (error) {
        // The close is committed whatever happens here; the till can print a copy.
        this.ctx.log('error', 'Z report not queued', { tillId, zNumber, error: String(error) });
      }
    });
  }

  stop(): void {
    this.ctx.bus.removeOwner(OWNER);
  }

  /** The session's figures so far on this till's printer (the cash service checks the session is the till's). */
  printX(principal: Principal, tillId: string, sessionId: string): PrintJobView {
    const report = this.deps.cash.xReport(principal, sessionId);
    return this.queue(this.printerOf(tillId), report, false, auditActor(principal).actorId);
  }

  /** A Z report again, marked COPY (the original is printed once, at close), audited. */
  reprintZ(principal: Principal, tillId: string, number: number): PrintJobView {
    const report = this.deps.cash.getZReport(principal, number);
    const actor = auditActor(principal);
    const job = this.queue(this.printerOf(tillId), report, true, actor.actorId);
    this.ctx.tx.write((tx) => {
      tx.audit({ ...actor, action: 'z_report.reprint', target: String(number), details: { jobId: job.id } });
    });
    return job;
  }

  private printerOf(tillId: string): PrinterTarget {
    const printer = this.deps.directory.receiptPrinterOf(tillId);
    if (!printer) throw new BusinessRuleError('NO_PRINTER', 'This till has no receipt printer', { tillId });
    return printer;
  }

  private queue(
    printer: PrinterTarget,
    report: XReport | ZReport,
    copy: boolean,
    createdBy: string | null,
  ): PrintJobView {
    const profile = getPrinterProfile(printer.profileId);
    const tillName = this.deps.tillName(report.tillId);
    const document = renderCashReport(report, this.deps.store(), {
      copy,
      profile,
      ...(tillName === null ? {} : { tillName }),
    });
    return this.deps.print.enqueue({
      deviceId: printer.deviceId,
      tillId: report.tillId,
      saleId: null,
      kind: 'report',
      payload: receiptToEscpos(document, profile),
      createdBy,
    });
  }
}
