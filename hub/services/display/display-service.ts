import type { DeviceReplyPayload } from '../../contract/mqtt.js';
import type { HubContext } from '../../context.js';
import type { CommandRequest } from '../devices/command-channel.js';
import { customerDisplayOf, type DisplayTarget } from './display-directory.js';
import { saleLines, welcomeLines, type DisplayLines, type DisplaySale, type DisplayStore } from './layout.js';

export interface CustomerDisplayDeps {
  sale(saleId: string): DisplaySale;
  store(): DisplayStore;
  /** DeviceService: answers every failure as an error reply, never throws. */
  commander: {
    sendCommand(deviceId: string, command: CommandRequest, timeoutMs: number): Promise<DeviceReplyPayload>;
  };
  /** The till's 'customer_display' from the device registry by default. */
  displayOf?: (tillId: string) => DisplayTarget | null;
  /** After a completed sale the thank-you stays this long before the welcome comes back. */
  idleAfterMs?: number;
  /** How long one 'show' may wait for the display's reply before the next state may go. */
  timeoutMs?: number;
}

const OWNER = 'customer-display';

interface TillDisplay {
  /** What to show next: a sale id, null for the welcome, undefined for nothing new. */
  next: string | null | undefined;
  busy: boolean;
  /** The lines the display acknowledged last, so an unchanged state is not sent again. */
  showing: string | null;
  /** The error code of the last failure, logged once until the display answers again. */
  failing: string | null;
  idle: NodeJS.Timeout | null;
}

/**
 * Makes a till's pole display follow its sale from the domain events. Best effort: it never blocks or fails
 * the sale (events arrive after commit; failures are logged). Bursts coalesce: at most one command is in
 * flight per display, and when it returns only the latest state is sent, read fresh from the sale.
 */
export class CustomerDisplayService {
  private readonly tills = new Map<string, TillDisplay>();
  private running = false;
  private readonly displayOf: (tillId: string) => DisplayTarget | null;

  constructor(
    private readonly ctx: HubContext,
    private readonly deps: CustomerDisplayDeps,
  ) {
    this.displayOf = deps.displayOf ?? ((tillId) => customerDisplayOf(ctx, tillId));
  }

  start(): void {
    this.running = true;
    const bus = this.ctx.bus;
    bus.on('sale.updated', OWNER, (e) => this.follow(e.tillId, e.saleId, false));
    bus.on('payment.updated', OWNER, (e) => this.follow(e.tillId, e.saleId, false));
    bus.on('sale.voided', OWNER, (e) => this.follow(e.tillId, e.saleId, false));
    bus.on('sale.completed', OWNER, (e) => this.follow(e.tillId, e.saleId, true));
  }

  stop(): void {
    this.running = false;
    this.ctx.bus.removeOwner(OWNER);
    for (const till of this.tills.values()) if (till.idle) clearTimeout(till.idle);
    this.tills.clear();
  }

  private follow(tillId: string, saleId: string, completed: boolean): void {
    if (!this.running || this.target(tillId) === null) return;
    let till = this.tills.get(tillId);
    if (!till) {
      till = { next: undefined, busy: false, showing: null, failing: null, idle: null };
      this.tills.set(tillId, till);
    }
    if (till.idle) clearTimeout(till.idle);
    till.idle = null;
    till.next = saleId;
    if (completed) {
      const state = till;
      till.idle = setTimeout(() => {
        state.idle = null;
        state.next = null;
        this.pump(tillId, state);
      }, this.deps.idleAfterMs ?? 20_000);
      till.idle.unref();
    }
    this.pump(tillId, till);
  }

  private target(tillId: string): DisplayTarget | null {
    try {
      return this.displayOf(tillId);
    } catch (error) {
      this.ctx.log('error', 'customer display lookup failed', { tillId, error: String(error) });
      return null;
    }
  }

  private pump(tillId: string, till: TillDisplay): void {
    if (!this.running || till.busy || till.next === undefined) return;
    const next = till.next;
    till.next = undefined;
    const target = this.target(tillId);
    if (target === null) return;
    let lines: DisplayLines;
    try {
      const store = this.deps.store();
      lines = next === null ? welcomeLines(store, target) : saleLines(this.deps.sale(next), store, target);
    } catch (error) {
      this.ctx.log('error', 'customer display layout failed', { tillId, saleId: next, error: String(error) });
      return;
    }
    const key = lines.join('\n');
    if (key === till.showing) return;
    till.busy = true;
    void this.send(tillId, till, target, lines)
      .catch((error: unknown) => {
        this.ctx.log('error', 'customer display command failed', { tillId, error: String(error) });
      })
      .finally(() => {
        till.busy = false;
        this.pump(tillId, till);
      });
  }

  private async send(tillId: string, till: TillDisplay, target: DisplayTarget, lines: DisplayLines) {
    const command: CommandRequest = { action: 'show', args: { lines } };
    const reply = await this.deps.commander.sendCommand(
      target.deviceId,
      command,
      this.deps.timeoutMs ?? 3_000,
    );
    if (reply.status === 'ok') {
      till.showing = lines.join('\n');
      if (till.failing !== null) this.ctx.log('info', 'customer display answers again', { tillId });
      till.failing = null;
      return;
    }
    till.showing = null;
    const code = reply.error?.code ?? 'ERROR';
    if (till.failing !== code) {
      this.ctx.log('warn', 'customer display did not show the sale', {
        tillId,
        deviceId: target.deviceId,
        code,
        message: reply.error?.message,
      });
    }
    till.failing = code;
  }
}
