import {
  NexoTerminalAdapter,
  type NexoTerminalOptions,
  type PaymentStage,
} from '../../../devices/terminal/nexo-adapter.js';
import { isoNow } from '../../clock.js';
import type { TillEventPayload } from '../../contract/mqtt.js';
import type { HubContext } from '../../context.js';
import * as dq from '../../db/devices-queries.js';
import {
  recordPaymentRoute,
  saleOfPayment,
  terminalOfPayment,
  tillOfSale,
} from '../../db/terminal-queries.js';
import { terminalSecrets } from '../devices/terminal-credentials.js';
import { parseStoredTransport } from '../devices/transport.js';
import type {
  TerminalAdapter,
  TerminalOutcome,
  TerminalPaymentRequest,
  TerminalRefundRequest,
  TerminalStatus,
} from './terminal-adapter.js';

export const NO_TERMINAL_REASON = 'No payment terminal is assigned to this till';

const OWNER = 'terminal-router';

export interface TillTerminalRouterOptions {
  /**
   * The nexo SaleID this hub sends with every request. Stable across restarts: a status enquiry names the
   * original request by SaleID and ServiceID.
   */
  saleId: string;
  /** Progress for the till's screen (pos/<store>/tills/<till>/events); best effort, never throws. */
  notifyTill?: ((tillId: string, event: TillEventPayload) => void) | undefined;
  paymentTimeoutMs?: number | undefined;
  requestTimeoutMs?: number | undefined;
  /** Builds the adapter for one terminal; the nexo adapter unless a test wraps it. */
  build?: ((options: NexoTerminalOptions) => TerminalAdapter) | undefined;
}

type Target = { ok: true; deviceId: string; adapter: TerminalAdapter } | { ok: false; reason: string };

const STAGE_MESSAGES: Readonly<Record<PaymentStage, string>> = {
  waiting_for_card: 'Insert, tap or swipe the card',
  processing: 'Processing',
  approved: 'Approved',
  declined: 'Declined',
  cancelled: 'Cancelled',
  unknown: 'No answer from the terminal; asking again',
};

/**
 * Card payments go to the terminal of the till the sale is rung up on: sale -> till -> the till's
 * 'terminal' device in the registry -> a nexo adapter built from its HTTPS transport and its stored
 * credentials. The terminal a payment was sent to is recorded before the call, so a status enquiry or an
 * abort (after a restart too, and after the till was given another terminal) asks the terminal that has
 * the transaction. A till without a terminal gets a decline with a reason, never an unknown; a revoked
 * terminal is never called. Adapters are cached per device and rebuilt when the device, its transport or
 * its credentials change.
 */
export class TillTerminalRouter implements TerminalAdapter {
  private readonly cache = new Map<string, { fingerprint: string; adapter: TerminalAdapter }>();
  /** Payments and refunds running in this process: their sale and till, for progress events. */
  private readonly running = new Map<string, { saleId: string; tillId: string }>();

  constructor(
    private readonly ctx: HubContext,
    private readonly options: TillTerminalRouterOptions,
  ) {}

  /** Drops cached adapters when a device changes or is revoked. */
  start(): void {
    this.ctx.bus.on('device.changed', OWNER, ({ deviceId }) => this.cache.delete(deviceId));
    this.ctx.bus.on('device.revoked', OWNER, ({ deviceId }) => this.cache.delete(deviceId));
  }

  stop(): void {
    this.ctx.bus.removeOwner(OWNER);
    this.cache.clear();
  }

  async startPayment(request: TerminalPaymentRequest): Promise<TerminalOutcome> {
    const tillId = this.ctx.tx.read((db) => tillOfSale(db, request.saleId));
    if (tillId === null) return { status: 'declined', reason: `No sale ${request.saleId}` };
    return this.send(request.paymentId, { saleId: request.saleId, tillId }, (adapter) =>
      adapter.startPayment(request),
    );
  }

  async refund(request: TerminalRefundRequest): Promise<TerminalOutcome> {
    const owner = this.ctx.tx.read((db) => saleOfPayment(db, request.paymentId));
    if (owner === null) return { status: 'declined', reason: `No refund ${request.paymentId}` };
    return this.send(request.paymentId, owner, (adapter) => adapter.refund(request));
  }

  async transactionStatus(paymentId: string): Promise<TerminalStatus> {
    const target = this.targetOfPayment(paymentId);
    if (target === null) return { status: 'not_found' };
    if (!target.ok) return { status: 'unknown', reason: target.reason };
    return target.adapter.transactionStatus(paymentId);
  }

  async cancel(paymentId: string): Promise<void> {
    const target = this.targetOfPayment(paymentId);
    if (target?.ok) await target.adapter.cancel(paymentId);
  }

  /** The adapter of one registered terminal (test payments from the registry); null when it cannot be used. */
  adapterFor(deviceId: string): TerminalAdapter | null {
    const row = this.ctx.tx.read((db) => dq.getDevice(db, deviceId));
    if (!row) return null;
    const target = this.adapterOf(row);
    return target.ok ? target.adapter : null;
  }

  private async send(
    paymentId: string,
    owner: { saleId: string; tillId: string },
    call: (adapter: TerminalAdapter) => Promise<TerminalOutcome>,
  ): Promise<TerminalOutcome> {
    const target = this.terminalOfTill(owner.tillId);
    if (!target.ok) {
      this.publish(owner, paymentId, 'declined', target.reason);
      return { status: 'declined', reason: target.reason };
    }
    // Recorded before the call: whatever happens next, the transaction is asked about where it went.
    this.ctx.tx.write((tx) => {
      recordPaymentRoute(tx.db, paymentId, target.deviceId, tx.at);
    });
    this.running.set(paymentId, owner);
    try {
      return await call(target.adapter);
    } finally {
      this.running.delete(paymentId);
    }
  }

  private terminalOfTill(tillId: string): Target {
    const row = this.ctx.tx.read((db) => dq.deviceWithRole(db, tillId, 'terminal'));
    if (!row) return { ok: false, reason: NO_TERMINAL_REASON };
    return this.adapterOf(row);
  }

  /**
   * Where a payment went (its recorded terminal), else the terminal of its sale's till; null when there is
   * no terminal to ask: nothing was sent, so the terminal cannot have it.
   */
  private targetOfPayment(paymentId: string): Target | null {
    const routed = this.ctx.tx.read((db) => {
      const deviceId = terminalOfPayment(db, paymentId);
      return deviceId === null ? null : { deviceId, row: dq.getDevice(db, deviceId) };
    });
    if (routed !== null) {
      if (!routed.row) return { ok: false, reason: `Terminal ${routed.deviceId} is no longer registered` };
      return this.adapterOf(routed.row);
    }
    const owner = this.ctx.tx.read((db) => saleOfPayment(db, paymentId));
    if (owner === null) return null;
    const target = this.terminalOfTill(owner.tillId);
    return target.ok ? target : null;
  }

  private adapterOf(row: dq.DeviceRow): Target {
    if (row.kind !== 'terminal') return { ok: false, reason: `Device ${row.name} is not a payment terminal` };
    if (row.status === 'revoked') {
      this.cache.delete(row.id);
      return { ok: false, reason: `The payment terminal ${row.name} is revoked` };
    }
    const transport = parseStoredTransport(row.transport);
    if (transport?.type !== 'https') {
      return { ok: false, reason: `The payment terminal ${row.name} has no HTTPS address` };
    }
    const secrets = this.ctx.tx.read((db) => terminalSecrets(db, row.id));
    if (!secrets) {
      return {
        ok: false,
        reason: `The payment terminal ${row.name} has no credentials; set its key and certificate under Devices`,
      };
    }
    // Anything that changes how the terminal is reached rebuilds the adapter, events or not.
    const fingerprint = [row.updated_at, row.status, row.transport, secrets.updatedAt].join('|');
    const cached = this.cache.get(row.id);
    if (cached?.fingerprint === fingerprint) return { ok: true, deviceId: row.id, adapter: cached.adapter };
    const options: NexoTerminalOptions = {
      host: transport.host,
      port: transport.port,
      ca: secrets.ca,
      ...(secrets.servername === null ? {} : { servername: secrets.servername }),
      key: secrets.key,
      saleId: this.options.saleId,
      poiId: transport.poiId,
      ...(this.options.paymentTimeoutMs === undefined
        ? {}
        : { paymentTimeoutMs: this.options.paymentTimeoutMs }),
      ...(this.options.requestTimeoutMs === undefined
        ? {}
        : { requestTimeoutMs: this.options.requestTimeoutMs }),
      onProgress: (paymentId, stage, message) => {
        this.progress(paymentId, stage, message);
      },
    };
    const adapter = this.options.build?.(options) ?? new NexoTerminalAdapter(options);
    this.cache.set(row.id, { fingerprint, adapter });
    return { ok: true, deviceId: row.id, adapter };
  }

  private progress(paymentId: string, stage: PaymentStage, message: string | null): void {
    const owner = this.running.get(paymentId) ?? this.ctx.tx.read((db) => saleOfPayment(db, paymentId));
    // A test payment from the registry belongs to no sale: nothing to show at a till.
    if (!owner) return;
    this.publish(owner, paymentId, stage, message ?? STAGE_MESSAGES[stage]);
  }

  private publish(
    owner: { saleId: string; tillId: string },
    paymentId: string,
    stage: PaymentStage,
    message: string,
  ): void {
    const notify = this.options.notifyTill;
    if (!notify) return;
    const status = stage === 'waiting_for_card' || stage === 'processing' ? 'pending' : stage;
    try {
      notify(owner.tillId, {
        type: 'payment',
        saleId: owner.saleId,
        paymentId,
        status,
        stage,
        message: message.slice(0, 200),
        at: isoNow(this.ctx.clock),
      });
    } catch (error) {
      this.ctx.log('warn', 'payment progress not sent to the till', { paymentId, error: String(error) });
    }
  }
}
