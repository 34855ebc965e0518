import type { HubContext } from '../../context.js';
import { newId } from '../../ids.js';
import type { PrintService } from './print-service.js';
import { TRANSIENT_CODES, type DeviceCommander, type PrinterDirectory } from './types.js';

export interface DispatcherOptions {
  /** How long a printer has to answer a print before the job goes back to the queue. */
  replyTimeoutMs?: number;
  /** How often printers with waiting jobs are looked at again (after a timeout, paper out, offline). */
  sweepMs?: number;
}

/**
 * Sends each printer its jobs one at a time, oldest first, and waits for the reply before the next. A job
 * whose reply does not come goes back to the queue and is sent again later with the same job id, which
 * the printer driver recognises: sent twice, printed once. A printer that is off keeps its jobs queued
 * until it is back. Nothing here writes to the database except through PrintService.
 */
export class PrintDispatcher {
  private readonly draining = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private stopped = true;

  constructor(
    private readonly ctx: HubContext,
    private readonly service: PrintService,
    private readonly directory: PrinterDirectory,
    private readonly commander: DeviceCommander,
    private readonly options: DispatcherOptions = {},
  ) {}

  start(): void {
    this.stopped = false;
    const requeued = this.service.requeueInFlight();
    if (requeued > 0)
      this.ctx.log('info', 'print jobs in flight at the last stop queued again', { requeued });
    this.service.onQueued = (deviceId) => {
      this.poke(deviceId);
    };
    this.sweep();
    this.timer = setInterval(() => {
      this.sweep();
    }, this.options.sweepMs ?? 5000);
    this.timer.unref();
  }

  /**
   * Stops sending. Replies that arrive later are ignored: the job stays 'sent' and the next start queues
   * it again, exactly as after a crash.
   */
  stop(): void {
    // Not waiting for outstanding replies: a hub shutting down must not hang on a silent printer.
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.service.onQueued = () => undefined;
  }

  /** A printer came online or got a new job: send what it has waiting. */
  poke(deviceId: string): void {
    if (this.stopped) return;
    if (this.draining.has(deviceId)) {
      this.again.add(deviceId);
      return;
    }
    const run = this.drain(deviceId)
      .catch((error: unknown) => {
        this.ctx.log('error', 'print dispatch failed', { deviceId, error: String(error) });
      })
      .finally(() => {
        this.draining.delete(deviceId);
        if (this.again.delete(deviceId)) this.poke(deviceId);
      });
    this.draining.set(deviceId, run);
  }

  /** Looks at every printer with work (a safety net for pokes missed while a printer was away). */
  sweep(): void {
    if (this.stopped) return;
    for (const deviceId of this.service.devicesWithWork()) this.poke(deviceId);
  }

  private isStopped(): boolean {
    return this.stopped;
  }

  private async drain(deviceId: string): Promise<void> {
    for (;;) {
      if (this.stopped || !this.directory.isOnline(deviceId)) return;
      const job = this.service.head(deviceId);
      // A 'sent' head is a job of a dispatcher that was stopped mid-flight; start() requeues it.
      if (job?.status !== 'queued') return;
      const data = this.service.payload(job.id).toString('base64');
      this.service.transition(job.id, 'send', null);
      const reply = await this.commander.sendCommand(
        deviceId,
        { id: newId(), action: 'print', args: { jobId: job.id, data } },
        this.options.replyTimeoutMs ?? 15_000,
      );
      // stop() may have run while we waited: leave the job 'sent' for the next start to requeue.
      if (this.isStopped()) return;
      if (reply.status === 'ok') {
        this.service.transition(job.id, 'printed', null);
        continue;
      }
      const code = reply.error?.code ?? 'ERROR';
      const error = `${code}: ${reply.error?.message ?? 'the printer refused the job'}`;
      if (TRANSIENT_CODES.has(code)) {
        // Not now: the job keeps its place at the head of the queue, so receipts never print out of order.
        this.service.transition(job.id, 'requeue', error);
        return;
      }
      this.service.transition(job.id, 'fail', error);
    }
  }
}
