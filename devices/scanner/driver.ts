import {
  DeviceEventSchema,
  type DeviceCommandPayload,
  type DeviceReplyPayload,
} from '../../hub/contract/mqtt.js';
import type { DeviceDriver, DriverReporter, HealthReport } from '../driver.js';
import { ClaimLock } from '../host/claim.js';
import {
  FrameSplitter,
  lineFinder,
  serialPortHealth,
  SerialTransport,
  type LineEnding,
  type SerialOptions,
} from '../transports/serial.js';
import { parseScanFrame } from './aim.js';

export interface ScannerDriverOptions {
  serial: SerialOptions;
  /** The suffix the scanner is programmed with; 'any' accepts CR, LF and CRLF. */
  suffix?: LineEnding;
  /** Split a leading AIM identifier (]E0, ]C1 ...) off the data. */
  aim?: boolean;
  model?: string;
}

/**
 * A CDC (USB serial) or RS-232 barcode scanner. It only talks: each line is one scan, sent as a scan event
 * while enabled. Scans while disabled are dropped and counted, because a scan replayed later at a till
 * that has moved on would add the wrong item.
 */
export class ScannerDriver implements DeviceDriver {
  readonly kind = 'scanner' as const;
  private transport: SerialTransport | null = null;
  private readonly claims = new ClaimLock();
  private enabled = false;
  private reporter: DriverReporter | null = null;
  private readonly counters = { scans: 0, dropped: 0, invalid: 0 };

  constructor(private readonly options: ScannerDriverOptions) {}

  async open(reporter: DriverReporter): Promise<void> {
    this.reporter = reporter;
    const transport = new SerialTransport(this.options.serial);
    await transport.open();
    const splitter = new FrameSplitter(lineFinder(this.options.suffix ?? 'any'));
    transport.on('data', (chunk) => {
      for (const frame of splitter.push(chunk)) this.onFrame(frame);
    });
    transport.on('lost', (err) => {
      reporter.state({ online: false, status: 'error', errors: [`serial port lost: ${err.message}`] });
    });
    this.transport = transport;
    reporter.state({
      online: true,
      status: 'ok',
      errors: [],
      model: this.options.model ?? 'serial scanner',
      detail: { port: this.options.serial.path },
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
    this.enabled = enabled;
    return Promise.resolve();
  }

  health(): Promise<HealthReport> {
    return Promise.resolve(serialPortHealth(this.transport, this.options.serial.path));
  }

  async execute(command: DeviceCommandPayload): Promise<DeviceReplyPayload> {
    if (command.action === 'status' || command.action === 'test') {
      const report = await this.health();
      return report.ok
        ? { id: command.id, status: 'ok', data: { ...this.counters } }
        : { id: command.id, status: 'error', error: { code: 'NO_ANSWER', message: report.detail } };
    }
    return {
      id: command.id,
      status: 'error',
      error: { code: 'NOT_SUPPORTED', message: `a scanner cannot ${command.action}` },
    };
  }

  async close(): Promise<void> {
    this.enabled = false;
    this.claims.reset();
    const transport = this.transport;
    this.transport = null;
    transport?.removeAllListeners();
    await transport?.close();
  }

  private onFrame(frame: Buffer): void {
    if (!this.enabled) {
      this.counters.dropped++;
      this.reporter?.state({ counters: { ...this.counters } });
      return;
    }
    const scan = parseScanFrame(frame, this.options.aim ?? true);
    const event = DeviceEventSchema.safeParse({ type: 'scan', ...scan, at: new Date().toISOString() });
    if (!event.success) {
      this.counters.invalid++;
      this.reporter?.log('warn', 'scan dropped: not a valid scan', { bytes: frame.length });
      this.reporter?.state({ counters: { ...this.counters } });
      return;
    }
    this.counters.scans++;
    this.reporter?.event(event.data);
  }
}
