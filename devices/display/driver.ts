import type { DeviceCommandPayload, DeviceReplyPayload } from '../../hub/contract/mqtt.js';
import type { DeviceDriver, DriverReporter, HealthReport } from '../driver.js';
import { ClaimLock } from '../host/claim.js';
import { serialPortHealth, SerialTransport, type SerialOptions } from '../transports/serial.js';
import { clear, initialize, showLines, type DisplayCodePageSetting } from './epson.js';
import { DISPLAY_CODE_PAGES, type DisplayCodePage } from './text.js';

export interface DisplayDriverOptions {
  serial: SerialOptions;
  columns?: number;
  rows?: number;
  /** From the firmware profile: a code page the display has, by name (standard ESC t table) or explicit. */
  codePage?: DisplayCodePage | DisplayCodePageSetting;
  model?: string;
}

const MAX_TEXT = 200;

/** A 2x20 pole display speaking Epson's line-display commands: 'show' two lines, 'clear'. */
export class DisplayDriver implements DeviceDriver {
  readonly kind = 'display' as const;
  private transport: SerialTransport | null = null;
  private readonly claims = new ClaimLock();
  private readonly columns: number;
  private readonly rows: number;
  private readonly codePage: DisplayCodePageSetting;

  constructor(private readonly options: DisplayDriverOptions) {
    this.columns = options.columns ?? 20;
    this.rows = options.rows ?? 2;
    const page = options.codePage ?? 'cp437';
    this.codePage = typeof page === 'string' ? { name: page, table: DISPLAY_CODE_PAGES[page] } : page;
  }

  async open(reporter: DriverReporter): Promise<void> {
    const transport = new SerialTransport(this.options.serial);
    await transport.open();
    transport.on('lost', (err) => {
      reporter.state({ online: false, status: 'error', errors: [`serial port lost: ${err.message}`] });
    });
    this.transport = transport;
    // A display that was power-cycled keeps no settings: initialise and pick the code page on every open.
    await transport.write(Buffer.concat([initialize(this.codePage), clear()]));
    reporter.state({
      online: true,
      status: 'ok',
      errors: [],
      model: this.options.model ?? 'Epson line display',
      detail: { port: this.options.serial.path, codePage: this.codePage.name, columns: this.columns },
    });
  }

  claim(holder: string, timeoutMs: number): Promise<boolean> {
    return this.claims.acquire(holder, timeoutMs);
  }

  release(holder: string): Promise<void> {
    this.claims.release(holder);
    return Promise.resolve();
  }

  setEnabled(): Promise<void> {
    // A display only listens: there are no events to start or stop.
    return Promise.resolve();
  }

  health(): Promise<HealthReport> {
    return Promise.resolve(serialPortHealth(this.transport, this.options.serial.path));
  }

  async execute(command: DeviceCommandPayload): Promise<DeviceReplyPayload> {
    const transport = this.transport;
    const error = (code: string, message: string): DeviceReplyPayload => ({
      id: command.id,
      status: 'error',
      error: { code, message },
    });
    if (!transport?.isOpen) return error('NO_ANSWER', 'the display port is closed');
    switch (command.action) {
      case 'show': {
        const lines = command.args.lines.slice(0, this.rows).map((l) => l.slice(0, MAX_TEXT));
        while (lines.length < this.rows) lines.push('');
        await transport.write(showLines(lines, this.columns, this.codePage.name));
        return { id: command.id, status: 'ok', data: {} };
      }
      case 'clear':
        await transport.write(clear());
        return { id: command.id, status: 'ok', data: {} };
      case 'status':
      case 'test':
        return { id: command.id, status: 'ok', data: { codePage: this.codePage.name } };
      case 'print':
      case 'kick':
      case 'read':
      case 'zero':
      case 'tare':
        return error('NOT_SUPPORTED', `a display cannot ${command.action}`);
    }
  }

  async close(): Promise<void> {
    this.claims.reset();
    const transport = this.transport;
    this.transport = null;
    transport?.removeAllListeners();
    await transport?.close();
  }
}
