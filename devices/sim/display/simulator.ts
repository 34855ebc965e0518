import iconv from 'iconv-lite';
import { DISPLAY_CODE_PAGES, type DisplayCodePage } from '../../display/text.js';
import { SerialTransport } from '../../transports/serial.js';

const CODE_PAGE_BY_NUMBER = new Map<number, DisplayCodePage>(
  Object.entries(DISPLAY_CODE_PAGES).map(([name, n]) => [n, name as DisplayCodePage]),
);

/**
 * A 2x20 Epson-style pole display on the far end of a pty. It decodes the command bytes it receives into
 * the characters a customer would see, so tests assert on the visible lines, not on our own encoder.
 */
export class DisplaySimulator {
  private readonly transport: SerialTransport;
  private cells: string[][] = [];
  private row = 0;
  private col = 0;
  private codePage: DisplayCodePage = 'cp437';
  private pending: number[] = [];
  private listeners = new Set<() => void>();

  constructor(
    path: string,
    readonly columns = 20,
    readonly rows = 2,
  ) {
    this.transport = new SerialTransport({ path, baudRate: 9600 });
    this.reset();
  }

  async start(): Promise<void> {
    await this.transport.open();
    this.transport.on('data', (chunk) => {
      for (const byte of chunk) this.feed(byte);
      for (const listener of this.listeners) listener();
    });
  }

  stop(): Promise<void> {
    return this.transport.close();
  }

  get lines(): string[] {
    return this.cells.map((r) => r.join(''));
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private reset(): void {
    this.cells = Array.from({ length: this.rows }, () => Array<string>(this.columns).fill(' '));
    this.row = 0;
    this.col = 0;
  }

  /** Byte-at-a-time decoder: multi-byte commands wait in `pending` until complete. */
  private feed(byte: number): void {
    const p = this.pending;
    if (p.length > 0 || byte === 0x1b || byte === 0x1f) {
      p.push(byte);
      this.command();
      return;
    }
    if (byte === 0x0c) this.reset();
    else if (byte === 0x0d) this.col = 0;
    else if (byte === 0x0a) this.row = Math.min(this.row + 1, this.rows - 1);
    else if (byte === 0x08) this.col = Math.max(this.col - 1, 0);
    else if (byte >= 0x20) this.put(iconv.decode(Buffer.of(byte), this.codePage));
  }

  private command(): void {
    const [first, second, a, b] = this.pending;
    if (this.pending.length < 2) return;
    const done = () => (this.pending = []);
    if (first === 0x1b && second === 0x40) {
      this.reset();
      this.codePage = 'cp437';
      done();
    } else if (first === 0x1b && (second === 0x74 || second === 0x3d)) {
      if (a === undefined) return;
      if (second === 0x74) this.codePage = CODE_PAGE_BY_NUMBER.get(a) ?? this.codePage;
      done();
    } else if (first === 0x1f && second === 0x24) {
      if (a === undefined || b === undefined) return;
      this.col = Math.min(Math.max(a - 1, 0), this.columns - 1);
      this.row = Math.min(Math.max(b - 1, 0), this.rows - 1);
      done();
    } else if (first === 0x1f && (second === 0x43 || second === 0x58)) {
      if (a === undefined) return; // cursor on/off, brightness: nothing visible to model
      done();
    } else {
      done(); // unknown command: a real display ignores it
    }
  }

  private put(char: string): void {
    const line = this.cells[this.row];
    if (line) line[this.col] = char;
    this.col++;
    if (this.col >= this.columns) {
      this.col = 0;
      this.row = Math.min(this.row + 1, this.rows - 1);
    }
  }
}
