import { EventEmitter } from 'node:events';
import { SerialPort } from 'serialport';
import type { HealthReport } from '../driver.js';

/**
 * A serial port for drivers and simulators: open/close/write as promises, 'data' and 'close' events, and
 * reopen after the port went away (USB cable pulled). Framing is separate (splitters below) so the same
 * port serves line-based scanners and STX/ETX-framed scales.
 */
export interface SerialOptions {
  path: string;
  baudRate: number;
  dataBits?: 5 | 6 | 7 | 8;
  parity?: 'none' | 'even' | 'odd' | 'mark' | 'space';
  stopBits?: 1 | 1.5 | 2;
}

export interface SerialTransportEvents {
  data: [Buffer];
  /** The port closed without close() being called: unplugged, or the other end went away. */
  lost: [Error];
}

export class SerialTransport extends EventEmitter<SerialTransportEvents> {
  private port: SerialPort | null = null;
  private closing = false;

  constructor(readonly options: SerialOptions) {
    super();
  }

  get isOpen(): boolean {
    return this.port?.isOpen ?? false;
  }

  /** Opens the port; rejects with a message naming the path when it cannot. Safe to call again to reopen. */
  async open(): Promise<void> {
    if (this.port?.isOpen) return;
    this.closing = false;
    const port = new SerialPort({
      path: this.options.path,
      baudRate: this.options.baudRate,
      dataBits: this.options.dataBits ?? 8,
      parity: this.options.parity ?? 'none',
      stopBits: this.options.stopBits ?? 1,
      autoOpen: false,
    });
    await new Promise<void>((resolve, reject) => {
      port.open((err) => {
        if (err) reject(new Error(`cannot open serial port ${this.options.path}: ${err.message}`));
        else resolve();
      });
    });
    port.on('data', (chunk: Buffer) => this.emit('data', chunk));
    // serialport reports an unplug as 'close' with err.disconnected; a read error on a pty whose other
    // end closed arrives as 'error'. Both mean the port is gone until reopened.
    const lost = (err: Error | null) => {
      if (this.port !== port) return;
      this.port = null;
      if (!this.closing) this.emit('lost', err ?? new Error(`serial port ${this.options.path} closed`));
    };
    port.on('close', lost);
    port.on('error', (err: Error) => {
      if (port.isOpen) port.close(() => undefined);
      lost(err);
    });
    this.port = port;
  }

  async write(data: Buffer | string): Promise<void> {
    const port = this.port;
    if (!port?.isOpen) throw new Error(`serial port ${this.options.path} is not open`);
    await new Promise<void>((resolve, reject) => {
      port.write(data, (err) => {
        if (err) reject(err);
        else port.drain((drainErr) => (drainErr ? reject(drainErr) : resolve()));
      });
    });
  }

  async close(): Promise<void> {
    const port = this.port;
    this.closing = true;
    this.port = null;
    if (!port?.isOpen) return;
    await new Promise<void>((resolve) => {
      port.close(() => resolve());
    });
  }
}

/** A serial device's health as its port says it: open, or closed (with the port's path). */
export function serialPortHealth(transport: SerialTransport | null, path: string): HealthReport {
  const open = transport?.isOpen ?? false;
  return { ok: open, detail: open ? 'port open' : `serial port ${path} is closed` };
}

/** What a frame finder reports: the frame bytes and how many buffered bytes it used up (frame + noise). */
export interface FoundFrame {
  frame: Buffer;
  consumed: number;
}

/**
 * Collects chunks and hands out whole frames. Serial data arrives in arbitrary pieces, so a frame may span
 * chunks and one chunk may hold several frames. The buffer is capped so a device spewing garbage without
 * terminators cannot grow memory without bound.
 */
export class FrameSplitter {
  private buffer = Buffer.alloc(0);

  constructor(
    private readonly find: (buffer: Buffer) => FoundFrame | null,
    private readonly maxBuffer = 4096,
  ) {}

  push(chunk: Buffer): Buffer[] {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    const frames: Buffer[] = [];
    for (;;) {
      const found = this.find(this.buffer);
      if (!found) break;
      this.buffer = this.buffer.subarray(found.consumed);
      // Finders report skipped noise and empty lines as empty frames; nobody wants those.
      if (found.frame.length > 0) frames.push(Buffer.from(found.frame));
    }
    if (this.buffer.length > this.maxBuffer) this.buffer = this.buffer.subarray(-this.maxBuffer);
    return frames;
  }

  reset(): void {
    this.buffer = Buffer.alloc(0);
  }
}

export type LineEnding = 'CR' | 'LF' | 'CRLF' | 'any';

const CR = 0x0d;
const LF = 0x0a;

/**
 * Finds one line ended by CR, LF or CRLF. 'any' accepts all three and drops the empty line a CRLF would
 * otherwise leave, which is what a scanner configured by someone else usually needs.
 */
export function lineFinder(ending: LineEnding): (buffer: Buffer) => FoundFrame | null {
  return (buffer) => {
    for (let i = 0; i < buffer.length; i++) {
      const byte = buffer[i];
      if (ending === 'CRLF') {
        if (byte === CR && buffer[i + 1] === LF) return { frame: buffer.subarray(0, i), consumed: i + 2 };
        continue;
      }
      if (ending === 'CR' && byte !== CR) continue;
      if (ending === 'LF' && byte !== LF) continue;
      if (ending === 'any' && byte !== CR && byte !== LF) continue;
      return { frame: buffer.subarray(0, i), consumed: i + 1 };
    }
    return null;
  };
}

/** Finds a frame that starts with `start` and ends with `end` (inclusive); bytes before `start` are noise. */
export function delimitedFinder(start: number, end: number): (buffer: Buffer) => FoundFrame | null {
  return (buffer) => {
    const from = buffer.indexOf(start);
    if (from < 0) return buffer.length > 0 ? { frame: Buffer.alloc(0), consumed: buffer.length } : null;
    const to = buffer.indexOf(end, from + 1);
    if (to < 0) return from > 0 ? { frame: Buffer.alloc(0), consumed: from } : null;
    return { frame: buffer.subarray(from, to + 1), consumed: to + 1 };
  };
}
