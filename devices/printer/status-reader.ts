import { DLE_EOT, fromAsb, fromDleEot, isAsbHeader, isDleEotReply, type PrinterCondition } from './status.js';

/** The byte link a printer driver talks over: TcpTransport and SerialTransport both fit. */
export interface ByteLink {
  readonly isOpen: boolean;
  open(): Promise<void>;
  write(data: Buffer): Promise<void>;
  close(): Promise<void>;
  on(event: 'data', listener: (chunk: Buffer) => void): unknown;
  on(event: 'lost', listener: (error: Error) => void): unknown;
}

/**
 * Reads what a printer sends back: one-byte DLE EOT replies (asked for, in order) and 4-byte automatic
 * status back packets (unasked). Bytes that are neither are dropped, so line noise on a serial cable
 * cannot wedge the reader.
 */
export class StatusReader {
  private waiting: { resolve: (byte: number) => void; timer: NodeJS.Timeout }[] = [];
  private asb: Buffer | null = null;

  constructor(
    private readonly link: ByteLink,
    private readonly onAsb: (condition: PrinterCondition) => void,
  ) {
    link.on('data', (chunk) => {
      this.take(chunk);
    });
  }

  /** DLE EOT 1, 2 and 4 in turn; null when the printer does not answer in time. */
  async poll(timeoutMs: number): Promise<PrinterCondition | null> {
    const printer = await this.ask(1, timeoutMs);
    if (printer === null) return null;
    const offline = await this.ask(2, timeoutMs);
    const paper = offline === null ? null : await this.ask(4, timeoutMs);
    if (offline === null || paper === null) return null;
    return fromDleEot(printer, offline, paper);
  }

  /** Forgets half-read packets and pending questions (after the link dropped). */
  reset(): void {
    this.asb = null;
    for (const w of this.waiting) {
      clearTimeout(w.timer);
      w.resolve(-1);
    }
    this.waiting = [];
  }

  private async ask(n: 1 | 2 | 4, timeoutMs: number): Promise<number | null> {
    const answer = new Promise<number>((resolve) => {
      const entry = {
        resolve,
        timer: setTimeout(() => {
          this.waiting = this.waiting.filter((w) => w !== entry);
          resolve(-1);
        }, timeoutMs),
      };
      this.waiting.push(entry);
    });
    try {
      await this.link.write(DLE_EOT(n));
    } catch {
      this.reset();
    }
    const byte = await answer;
    return byte < 0 ? null : byte;
  }

  private take(chunk: Buffer): void {
    for (const byte of chunk) {
      if (this.asb) {
        this.asb = Buffer.concat([this.asb, Buffer.from([byte])]);
        if (this.asb.length === 4) {
          const packet = this.asb;
          this.asb = null;
          this.onAsb(fromAsb(packet));
        }
      } else if (isDleEotReply(byte) && this.waiting.length > 0) {
        const w = this.waiting.shift();
        if (w) {
          clearTimeout(w.timer);
          w.resolve(byte);
        }
      } else if (isAsbHeader(byte)) {
        this.asb = Buffer.from([byte]);
      }
    }
  }
}
