import type { Principal } from '../../contract/principal.js';
import type { HubContext } from '../../context.js';
import * as q from '../../db/print-jobs-queries.js';
import type { PrintJobKind, PrintJobRow, PrintJobStatus } from '../../db/print-jobs-queries.js';
import type { Tx } from '../../db/transactor.js';
import { BusinessRuleError, ConflictError, NotFoundError } from '../../errors.js';
import { newId } from '../../ids.js';
import { auditActor } from '../access/audit-actor.js';
import { printJobMachine, type PrintJobEvent } from './job-machine.js';
import type { Page, PrintJobView, PrinterDirectory, ReceiptSource } from './types.js';

export interface PrintServiceDeps {
  directory: PrinterDirectory;
  receipts: ReceiptSource;
  /** Whether a completed sale queues its receipt by itself (a store setting the lead passes in). */
  autoPrintReceipts: () => boolean;
}

export function toView(row: PrintJobRow): PrintJobView {
  return {
    id: row.id,
    deviceId: row.device_id,
    tillId: row.till_id,
    saleId: row.sale_id,
    kind: row.kind,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    sentAt: row.sent_at,
    doneAt: row.done_at,
  };
}

/**
 * Print jobs: queued with their bytes in one transaction, moved through the job machine one transition
 * per transaction, with a 'print.job.updated' event after each commit. The dispatcher does the sending;
 * this class owns every write, so the status of a job is only ever changed through the table.
 */
export class PrintService {
  /** Called after a job is queued so the dispatcher looks at that printer at once. */
  onQueued: (deviceId: string) => void = () => undefined;

  constructor(
    private readonly ctx: HubContext,
    private readonly deps: PrintServiceDeps,
  ) {}

  /** Queues raw bytes (reports, test pages) for a printer. */
  enqueue(input: {
    deviceId: string;
    tillId: string | null;
    saleId: string | null;
    kind: PrintJobKind;
    payload: Uint8Array;
    createdBy: string | null;
  }): PrintJobView {
    const id = newId();
    const view = this.ctx.tx.write((tx) => {
      q.insertPrintJob(tx.db, { ...input, id, payload: Buffer.from(input.payload), at: tx.at });
      return this.after(tx, id, null);
    });
    this.onQueued(input.deviceId);
    return view;
  }

  /** The automatic receipt of a completed sale, once per sale; null when the till has no printer. */
  queueSaleReceipt(saleId: string, tillId: string): PrintJobView | null {
    if (!this.deps.autoPrintReceipts()) return null;
    const existing = this.ctx.tx.read((db) => q.selectReceiptJobOfSale(db, saleId));
    if (existing) return toView(existing);
    const printer = this.deps.directory.receiptPrinterOf(tillId);
    if (!printer) {
      this.ctx.log('info', 'no receipt printer for till; receipt not printed', { tillId, saleId });
      return null;
    }
    const payload = this.deps.receipts.renderSale(saleId, { copy: false, profileId: printer.profileId });
    return this.enqueue({
      deviceId: printer.deviceId,
      tillId,
      saleId,
      kind: 'receipt',
      payload,
      createdBy: null,
    });
  }

  /**
   * The cashier asks for the receipt at a till: the original when the sale has never had one (the store
   * prints on request, or the till had no printer when it completed), otherwise a reprint marked COPY.
   */
  printOnRequest(principal: Principal, tillId: string, saleId: string): PrintJobView {
    return this.hasReceipt(saleId)
      ? this.reprint(principal, tillId, saleId)
      : this.queueOnRequest(principal, tillId, saleId, 'receipt');
  }

  /** An explicit reprint at a till: a new job marked COPY, audited. */
  reprint(principal: Principal, tillId: string, saleId: string): PrintJobView {
    return this.queueOnRequest(principal, tillId, saleId, 'copy');
  }

  /** Whether the sale's original receipt was ever queued (so the next print is a COPY). */
  hasReceipt(saleId: string): boolean {
    return this.ctx.tx.read((db) => q.selectReceiptJobOfSale(db, saleId)) !== undefined;
  }

  private queueOnRequest(
    principal: Principal,
    tillId: string,
    saleId: string,
    kind: 'receipt' | 'copy',
  ): PrintJobView {
    const printer = this.deps.directory.receiptPrinterOf(tillId);
    if (!printer) throw new BusinessRuleError('NO_PRINTER', 'This till has no receipt printer', { tillId });
    const copy = kind === 'copy';
    const payload = this.deps.receipts.renderSale(saleId, { copy, profileId: printer.profileId });
    const id = newId();
    const actor = auditActor(principal);
    const view = this.ctx.tx.write((tx) => {
      // Checked again inside the transaction: two taps at once must not make two originals.
      if (!copy && q.selectReceiptJobOfSale(tx.db, saleId)) {
        throw new ConflictError('This receipt was printed meanwhile', { saleId }, 'RECEIPT_PRINTED');
      }
      q.insertPrintJob(tx.db, {
        id,
        deviceId: printer.deviceId,
        tillId,
        saleId,
        kind,
        payload: Buffer.from(payload),
        createdBy: actor.actorId,
        at: tx.at,
      });
      const action = copy ? 'receipt.reprint' : 'receipt.print';
      tx.audit({ ...actor, tillId, action, target: saleId, details: { jobId: id } });
      return this.after(tx, id, null);
    });
    this.onQueued(printer.deviceId);
    return view;
  }

  get(id: string): PrintJobView {
    return toView(this.ctx.tx.read((db) => this.mustGet(db, id)));
  }

  list(filter: q.JobFilter, limit: number, offset: number): Page<PrintJobView> {
    return this.ctx.tx.read((db) => {
      const items = q.listPrintJobs(db, filter, limit, offset).map(toView);
      const total = q.countPrintJobs(db, filter);
      return { items, total, nextOffset: offset + items.length < total ? offset + items.length : null };
    });
  }

  /** A person puts a failed job back in the queue. */
  retry(principal: Principal, id: string): PrintJobView {
    const view = this.ctx.tx.write((tx) => {
      const row = this.mustGet(tx.db, id);
      if (row.status === 'queued') return toView(row); // a double-click, not a conflict
      const result = this.move(tx, row, 'retry', row.last_error, {});
      tx.audit({
        ...auditActor(principal),
        action: 'print.retry',
        target: id,
        details: { from: row.status },
      });
      return result;
    });
    this.onQueued(view.deviceId);
    return view;
  }

  // ---- for the dispatcher ----

  head(deviceId: string): PrintJobRow | undefined {
    return this.ctx.tx.read((db) => q.selectHeadJob(db, deviceId));
  }

  payload(id: string): Buffer {
    const bytes = this.ctx.tx.read((db) => q.selectPayload(db, id));
    if (!bytes) throw new NotFoundError('print job', id);
    return bytes;
  }

  devicesWithWork(): string[] {
    return this.ctx.tx.read((db) => q.selectDevicesWithWork(db));
  }

  /** Jobs left 'sent' by a previous run: their reply can never come now, so they go back to the queue. */
  requeueInFlight(): number {
    return this.ctx.tx.write((tx) => {
      const rows = q.listPrintJobs(tx.db, { status: 'sent', tillId: null, deviceId: null }, 10_000, 0);
      for (const row of rows)
        this.move(tx, row, 'requeue', 'The hub restarted before the printer replied', {});
      return rows.length;
    });
  }

  transition(id: string, event: PrintJobEvent, error: string | null): PrintJobView {
    return this.ctx.tx.write((tx) => {
      const row = this.mustGet(tx.db, id);
      const attempts = event === 'send' ? row.attempts + 1 : row.attempts;
      const stamps = event === 'send' ? { sentAt: tx.at } : event === 'printed' ? { doneAt: tx.at } : {};
      return this.move(tx, row, event, error, { attempts, ...stamps });
    });
  }

  private move(
    tx: Tx,
    row: PrintJobRow,
    event: PrintJobEvent,
    error: string | null,
    extra: { attempts?: number; sentAt?: string; doneAt?: string },
  ): PrintJobView {
    const next = printJobMachine.next(row.status, event);
    if (!next.ok) {
      throw new ConflictError(
        `A ${row.status} print job cannot ${event}`,
        { jobId: row.id, status: row.status },
        'PRINT_JOB_STATE',
      );
    }
    q.updatePrintJob(tx.db, {
      id: row.id,
      status: next.to,
      attempts: extra.attempts ?? row.attempts,
      lastError: error,
      at: tx.at,
      sentAt: extra.sentAt ?? null,
      doneAt: extra.doneAt ?? null,
    });
    return this.after(tx, row.id, error);
  }

  private after(tx: Tx, id: string, error: string | null): PrintJobView {
    const view = toView(this.mustGet(tx.db, id));
    tx.outbox('print_job', id, 'upsert', view);
    tx.emit({
      name: 'print.job.updated',
      payload: {
        jobId: id,
        deviceId: view.deviceId,
        tillId: view.tillId,
        saleId: view.saleId,
        kind: view.kind,
        status: view.status satisfies PrintJobStatus,
        error,
      },
    });
    return view;
  }

  private mustGet(db: HubContext['db'], id: string): PrintJobRow {
    const row = q.selectPrintJob(db, id);
    if (!row) throw new NotFoundError('print job', id);
    return row;
  }
}
