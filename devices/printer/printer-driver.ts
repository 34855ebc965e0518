import type { DeviceCommandPayload, DeviceReplyPayload } from '../../hub/contract/mqtt.js';
import type { DeviceDriver, DriverReporter, HealthReport } from '../driver.js';
import { PrintedJobs } from './printed-jobs.js';
import { GS_A, refusal, sameCondition, type PrinterCondition } from './status.js';
import { StatusReader, type ByteLink } from './status-reader.js';

export interface PrinterDriverOptions {
  link: ByteLink;
  model: string;
  profile: string;
  /** DLE EOT polling, or automatic status back (GS a) when the profile says the model sends it. */
  statusMode?: 'poll' | 'asb';
  pollIntervalMs?: number;
  statusTimeoutMs?: number;
  /** Where printed job ids survive a host restart (a file); null keeps them in memory only. */
  printedJobsFile: string | null;
  /** Whether pin 3 high means the drawer is open (most drawers) or closed; null: no drawer sensor. */
  drawerOpenWhenPin3: 'high' | 'low' | null;
  /** Drawer pulse on and off time; ESC p counts in 2 ms units. */
  kickPulseMs?: number;
}

const OFFLINE: PrinterCondition = { online: false, paper: 'ok', coverOpen: false, drawerPin3High: false };

function reply(id: string, data: Record<string, unknown>): DeviceReplyPayload {
  return { id, status: 'ok', data };
}
function fail(id: string, code: string, message: string): DeviceReplyPayload {
  return { id, status: 'error', error: { code, message } };
}

/**
 * An ESC/POS receipt printer over any byte link. Prints hub-rendered bytes idempotently by job id, kicks
 * the drawer, and keeps the device state current from the printer's own status (paper, cover, drawer).
 * A print the printer cannot take now is refused with an error reply so the hub keeps the job queued;
 * nothing is written to a printer that would swallow it.
 */
export class EscPosPrinterDriver implements DeviceDriver {
  readonly kind = 'printer' as const;
  private reporter: DriverReporter | null = null;
  private readonly jobs: PrintedJobs;
  private readonly reader: StatusReader;
  private condition: PrinterCondition | null = null;
  private timer: NodeJS.Timeout | null = null;
  private lock: Promise<unknown> = Promise.resolve();
  private enabled = true;
  private printed = 0;

  constructor(private readonly options: PrinterDriverOptions) {
    this.jobs = new PrintedJobs(options.printedJobsFile);
    this.reader = new StatusReader(options.link, (c) => {
      this.report(c);
    });
    options.link.on('lost', (error) => {
      this.reader.reset();
      this.reporter?.log('warn', 'printer connection lost', { error: error.message });
      this.report(OFFLINE);
    });
  }

  async open(reporter: DriverReporter): Promise<void> {
    this.reporter = reporter;
    reporter.state({ model: this.options.model, profile: this.options.profile, firmware: null });
    // An unreachable printer is not a failed open: jobs wait and the poll keeps trying to reach it.
    await this.exclusive(() => this.refresh());
    const every = this.options.pollIntervalMs ?? 2000;
    this.timer = setInterval(() => {
      void this.exclusive(() => this.refresh());
    }, every);
    this.timer.unref();
  }

  claim(): Promise<boolean> {
    return Promise.resolve(true); // a printer is shared by its till; the hub orders the jobs
  }

  release(): Promise<void> {
    return Promise.resolve();
  }

  setEnabled(enabled: boolean): Promise<void> {
    this.enabled = enabled;
    return Promise.resolve();
  }

  health(): Promise<HealthReport> {
    const c = this.condition;
    const why = c ? refusal(c) : { code: 'OFFLINE', message: 'Not reached yet' };
    return Promise.resolve({ ok: why === null, detail: why?.message ?? 'ready' });
  }

  execute(command: DeviceCommandPayload): Promise<DeviceReplyPayload> {
    return this.exclusive(async () => {
      switch (command.action) {
        case 'print':
          return this.print(command.id, command.args);
        case 'kick':
          return this.kick(command.id, command.args.pin);
        case 'status':
        case 'test': {
          const c = await this.refresh();
          return reply(command.id, { ...c, printed: this.printed });
        }
        default:
          return fail(command.id, 'UNSUPPORTED', `A printer cannot ${command.action}`);
      }
    });
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.exclusive(() => this.options.link.close());
  }

  private async print(id: string, args: { jobId?: unknown; data?: unknown }): Promise<DeviceReplyPayload> {
    const { jobId, data } = args;
    if (typeof jobId !== 'string' || jobId.length === 0 || jobId.length > 64 || typeof data !== 'string') {
      return fail(id, 'BAD_ARGS', 'print needs a jobId and base64 data');
    }
    // A resend of a job we printed (its reply was lost, or the hub restarted): ok, and print nothing.
    if (this.jobs.has(jobId)) return reply(id, { jobId, duplicate: true });
    const bytes = Buffer.from(data, 'base64');
    if (bytes.length === 0) return fail(id, 'BAD_ARGS', 'print data is empty or not base64');
    const c = await this.refresh();
    const why = refusal(c);
    if (why) return fail(id, why.code, why.message);
    try {
      await this.options.link.write(bytes);
    } catch (error) {
      this.report(OFFLINE);
      return fail(id, 'OFFLINE', `Sending to the printer failed: ${String(error)}`);
    }
    // Remembered before the reply: whatever happens to the reply, this job never prints again.
    this.jobs.add(jobId);
    this.printed++;
    this.reporter?.state({ counters: { printed: this.printed } });
    return reply(id, { jobId, duplicate: false, bytes: bytes.length });
  }

  private async kick(id: string, pin: number): Promise<DeviceReplyPayload> {
    if (pin !== 2 && pin !== 5) return fail(id, 'BAD_ARGS', 'pin is 2 or 5');
    const c = await this.refresh();
    if (!this.options.link.isOpen) return fail(id, 'OFFLINE', 'The printer is offline');
    const t = Math.min(255, Math.round((this.options.kickPulseMs ?? 100) / 2));
    // ESC p waits behind buffered print data and is ignored while the printer is offline (paper out,
    // cover open); DLE DC4 fn 1 pulses in real time, so the drawer still opens then.
    const bytes =
      refusal(c) === null
        ? Buffer.from([0x1b, 0x70, pin === 2 ? 0 : 1, t, t])
        : Buffer.from([0x10, 0x14, 1, pin === 2 ? 0 : 1, Math.max(1, Math.round(t / 50))]);
    try {
      await this.options.link.write(bytes);
    } catch (error) {
      return fail(id, 'OFFLINE', `Sending to the printer failed: ${String(error)}`);
    }
    return reply(id, { pin });
  }

  /** Reconnects if needed and reads the status now (polling mode) or the last ASB report. */
  private async refresh(): Promise<PrinterCondition> {
    const link = this.options.link;
    const asb = this.options.statusMode === 'asb';
    if (!link.isOpen) {
      try {
        await link.open();
        if (asb) await link.write(GS_A(0x0f));
      } catch {
        this.report(OFFLINE);
        return OFFLINE;
      }
    }
    if (asb && this.condition) return this.condition;
    const c = (await this.reader.poll(this.options.statusTimeoutMs ?? 1000)) ?? OFFLINE;
    this.report(c);
    return c;
  }

  private report(c: PrinterCondition): void {
    const before = this.condition;
    if (sameCondition(before, c)) return;
    this.condition = c;
    const reporter = this.reporter;
    if (!reporter) return;
    const why = refusal(c);
    const drawerOpen = this.drawerOpen(c);
    reporter.state({
      online: c.online || c.paper === 'out' || c.coverOpen,
      status: !this.options.link.isOpen
        ? 'offline'
        : why
          ? 'error'
          : c.paper === 'near_end'
            ? 'warning'
            : 'ok',
      errors: why ? [why.message] : c.paper === 'near_end' ? ['Paper is running low'] : [],
      detail: { paper: c.paper, coverOpen: c.coverOpen, drawerOpen, reachable: this.options.link.isOpen },
    });
    if (!this.enabled) return;
    const at = new Date().toISOString();
    reporter.event({
      type: 'printer',
      online: c.online,
      paper: c.paper,
      coverOpen: c.coverOpen,
      error: why?.code ?? null,
      at,
    });
    if (drawerOpen !== null && (before === null || this.drawerOpen(before) !== drawerOpen)) {
      reporter.event({ type: 'drawer', open: drawerOpen, at });
    }
  }

  private drawerOpen(c: PrinterCondition): boolean | null {
    const when = this.options.drawerOpenWhenPin3;
    if (when === null || !this.options.link.isOpen) return null;
    return when === 'high' ? c.drawerPin3High : !c.drawerPin3High;
  }

  /** One conversation with the printer at a time: status replies must not interleave with a print. */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.lock.then(fn, fn);
    this.lock = run.catch(() => undefined);
    return run;
  }
}
