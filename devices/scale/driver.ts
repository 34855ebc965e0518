import type { DeviceCommandPayload, DeviceReplyPayload } from '../../hub/contract/mqtt.js';
import type { DeviceDriver, DriverReporter, HealthReport } from '../driver.js';
import { ClaimLock, sleep } from '../host/claim.js';
import type { SerialOptions } from '../transports/serial.js';
import { ScaleLink } from './link.js';
import type { ScaleProtocolName, ScaleRequest } from './protocol.js';
import { createScaleProtocol } from './protocols.js';
import type { ScaleReading, WeightUnit } from './weight.js';

export interface ScaleDriverOptions {
  serial: SerialOptions;
  protocol: ScaleProtocolName;
  /** Unit of frames that carry none (Toledo 8217); NCI and CAS frames name their own. */
  unit?: WeightUnit;
  impliedDecimals?: number;
  model?: string;
  answerTimeoutMs?: number;
  /** How often the weight is polled for events while enabled, and between tries of a 'read'. */
  pollIntervalMs?: number;
}

type Reply = DeviceReplyPayload;
const ok = (id: string, data: Record<string, unknown> = {}): Reply => ({ id, status: 'ok', data });
const fail = (id: string, code: string, message: string): Reply => ({
  id,
  status: 'error',
  error: { code, message },
});

const CONDITION_ERRORS = {
  moving: ['WEIGHT_UNSTABLE', 'the weight did not settle'],
  over_capacity: ['OVER_CAPACITY', 'the scale is over capacity'],
  under_zero: ['UNDER_ZERO', 'the scale reads below zero'],
  error: ['SCALE_ERROR', 'the scale reports a hardware error'],
} as const;

/**
 * A serial POS scale (Toledo 8217, NCI, CAS). 'read' polls until the weight is stable (or any weight when
 * stableOnly is false) within timeoutMs; 'zero' and 'tare' where the protocol has them. While enabled it
 * polls and emits a weight event whenever weight, stability, condition or tare change.
 */
export class ScaleDriver implements DeviceDriver {
  readonly kind = 'scale' as const;
  private readonly link: ScaleLink;
  private readonly protocolName: ScaleProtocolName;
  private readonly claims = new ClaimLock();
  private reporter: DriverReporter | null = null;
  private pollTimer: NodeJS.Timeout | null = null;
  private lastEventKey = '';
  private lastGrams = 0;
  private tareGrams = 0;
  private readonly pollIntervalMs: number;

  constructor(private readonly options: ScaleDriverOptions) {
    const protocol = createScaleProtocol(options.protocol, {
      unit: options.unit ?? 'kg',
      impliedDecimals: options.impliedDecimals ?? 3,
    });
    this.protocolName = protocol.name;
    this.supports = protocol.supports;
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
    this.link = new ScaleLink(options.serial, protocol, options.answerTimeoutMs ?? 1000, (err) => {
      this.reporter?.state({ online: false, status: 'error', errors: [`serial port lost: ${err.message}`] });
    });
  }

  private readonly supports: ReadonlySet<ScaleRequest>;

  async open(reporter: DriverReporter): Promise<void> {
    this.reporter = reporter;
    await this.link.open();
    reporter.state({
      online: true,
      status: 'ok',
      errors: [],
      model: this.options.model ?? `${this.protocolName} scale`,
      detail: { protocol: this.protocolName, port: this.options.serial.path },
    });
  }

  claim(holder: string, timeoutMs: number): Promise<boolean> {
    return this.claims.acquire(holder, timeoutMs);
  }

  release(holder: string): Promise<void> {
    this.claims.release(holder);
    return Promise.resolve();
  }

  setEnabled(enabled: boolean): Promise<void> {
    if (this.pollTimer) clearInterval(this.pollTimer);
    this.pollTimer = null;
    if (enabled) {
      this.pollTimer = setInterval(() => {
        // Polls are skipped while a command holds the scale; the command reports what it reads anyway.
        if (this.claims.heldBy === null) void this.poll();
      }, this.pollIntervalMs);
    }
    return Promise.resolve();
  }

  async health(): Promise<HealthReport> {
    if (!this.link.isOpen) return { ok: false, detail: `serial port ${this.options.serial.path} is closed` };
    const answer = await this.link.request('weight');
    return answer ? { ok: true, detail: 'answering' } : { ok: false, detail: 'the scale does not answer' };
  }

  async execute(command: DeviceCommandPayload): Promise<DeviceReplyPayload> {
    switch (command.action) {
      case 'read':
        return this.read(command.id, command.args.stableOnly, command.args.timeoutMs);
      case 'zero':
      case 'tare':
        return this.adjust(command.id, command.action);
      case 'status':
      case 'test': {
        const report = await this.health();
        return report.ok
          ? ok(command.id, { detail: report.detail })
          : fail(command.id, 'NO_ANSWER', report.detail);
      }
      case 'print':
      case 'kick':
      case 'show':
      case 'clear':
        return fail(command.id, 'NOT_SUPPORTED', `a scale cannot ${command.action}`);
    }
  }

  async close(): Promise<void> {
    await this.setEnabled(false);
    this.claims.reset();
    await this.link.close();
  }

  private async read(id: string, stableOnly: boolean, timeoutMs: number): Promise<Reply> {
    const deadline = Date.now() + timeoutMs;
    let last: ScaleReading | null = null;
    for (;;) {
      const reading = await this.readOnce();
      if (reading) last = reading;
      if (reading?.grams != null) {
        const settled = reading.stable || !stableOnly;
        const bad = reading.condition === 'over_capacity' || reading.condition === 'under_zero';
        if (settled && !bad && reading.condition !== 'error') {
          return ok(id, { grams: reading.grams, stable: reading.stable, tareGrams: this.tareGrams });
        }
      }
      // A stable over/under reading will not fix itself while the till waits: say so at once.
      if (reading?.stable && reading.condition in CONDITION_ERRORS && reading.condition !== 'moving') break;
      const left = deadline - Date.now();
      if (left <= 0) break;
      await sleep(Math.min(this.pollIntervalMs, left));
    }
    if (!last) return fail(id, 'TIMEOUT', `no answer from the scale within ${timeoutMs} ms`);
    const condition = last.condition === 'ok' || last.condition === 'zero' ? 'moving' : last.condition;
    const [code, message] = CONDITION_ERRORS[condition];
    return fail(id, code, message);
  }

  private async adjust(id: string, action: 'zero' | 'tare'): Promise<Reply> {
    if (!this.supports.has(action)) {
      return fail(id, 'NOT_SUPPORTED', `the ${this.protocolName} protocol has no ${action} command`);
    }
    const before = action === 'tare' ? await this.readOnce() : null;
    const answer = await this.link.request(action);
    if (!answer) return fail(id, 'TIMEOUT', `no answer from the scale to ${action}`);
    if (answer.kind === 'rejected') return fail(id, 'REJECTED', `the scale refused to ${action}`);
    const reading = answer.kind === 'reading' ? answer.reading : null;
    if (reading && reading.condition in CONDITION_ERRORS) {
      const [code, message] = CONDITION_ERRORS[reading.condition as keyof typeof CONDITION_ERRORS];
      return fail(id, code, message);
    }
    // Toledo and NCI answer zero/tare with a status only, so the tare is the net weight just before it.
    this.tareGrams = action === 'zero' ? 0 : this.tareGrams + Math.max(0, before?.grams ?? 0);
    const after = await this.readOnce();
    return ok(id, { tareGrams: this.tareGrams, grams: after?.grams ?? null });
  }

  private async readOnce(): Promise<ScaleReading | null> {
    const answer = await this.link.request('weight');
    if (answer?.kind !== 'reading') return null;
    this.report(answer.reading);
    return answer.reading;
  }

  private async poll(): Promise<void> {
    await this.readOnce();
  }

  private report(reading: ScaleReading): void {
    if (reading.grams !== null) this.lastGrams = reading.grams;
    const event = {
      type: 'weight' as const,
      // A status-only frame (Toledo in motion) has no number: the last weight seen stands in for it.
      grams: reading.grams ?? this.lastGrams,
      stable: reading.stable,
      tareGrams: this.tareGrams,
      condition: reading.condition,
    };
    const key = JSON.stringify(event);
    if (key === this.lastEventKey || !this.pollTimer) return;
    this.lastEventKey = key;
    this.reporter?.event({ ...event, at: new Date().toISOString() });
  }
}
