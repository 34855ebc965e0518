import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import type { CjkEncoding } from './codepages.js';
import { EscPosDecoder } from './decoder.js';
import type { DecodedCommand } from './decoder-types.js';
import { ReceiptBuilder, receiptText, type SimReceipt } from './receipt.js';
import { PngRenderer } from './png-renderer.js';
import { asbBytes, dleEotReply, type SimCondition } from './status-bytes.js';

/** Where the printer's replies (status bytes) go: a TCP socket or a serial port. */
export interface Sink {
  write(bytes: Buffer): unknown;
}

export interface PrinterSimOptions {
  host?: string;
  /** 0 picks a free port (tests); 9100 is what a real printer listens on. */
  port?: number;
  /** Where each receipt is written as .txt and .png; null keeps them in memory only. */
  dataDir?: string | null;
  /**
   * Whether each receipt under dataDir is also drawn as a .png (default true). The images are rendered in
   * a worker thread, after the .txt is written; waitForImages() waits for them.
   */
  images?: boolean;
  /** The two-byte encoding of the simulated model after FS &: GB18030 (mainland) or Big5 (Taiwan). */
  cjk?: CjkEncoding;
  /** Chinese-market firmware: two-byte mode is on at power-on and after ESC @. */
  cjkDefaultOn?: boolean;
  columns?: number;
  /** Whether the model has a drawer sensor; a kick then opens the drawer until setDrawerOpen(false). */
  drawerSensor?: boolean;
}

/**
 * A network receipt printer on raw TCP: decodes what it receives with our ESC/POS decoder, answers
 * DLE EOT and automatic status back from its simulated sensors, and keeps every receipt (split at the
 * cut) in memory and under dataDir. Controls let a test pull the paper, open the cover or switch it off.
 */
export class PrinterSimulator {
  readonly receipts: SimReceipt[] = [];
  readonly commands: DecodedCommand[] = [];
  readonly kicks: (2 | 5)[] = [];
  /** Printable bytes that arrived while the printer could not print (paper out, cover open). */
  discardedCommands = 0;
  private readonly condition: SimCondition = { paper: 'ok', coverOpen: false, drawerOpen: false };
  private readonly decoder: EscPosDecoder;
  private readonly builder = new ReceiptBuilder();
  private readonly sockets = new Set<Socket>();
  private readonly asbSinks = new Set<Sink>();
  private server: Server | null = null;
  private boundPort = 0;
  private waiters: (() => void)[] = [];
  private readonly pngs = new PngRenderer();

  constructor(private readonly options: PrinterSimOptions = {}) {
    this.decoder = new EscPosDecoder(options.cjk ?? 'gb18030', options.cjkDefaultOn ?? false);
  }

  get port(): number {
    return this.boundPort;
  }

  get columns(): number {
    return this.options.columns ?? 48;
  }

  async start(): Promise<number> {
    const server = createServer((socket) => {
      this.accept(socket);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.boundPort || (this.options.port ?? 0), this.options.host ?? '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    const address = server.address();
    this.boundPort = typeof address === 'object' && address ? address.port : 0;
    this.server = server;
    return this.boundPort;
  }

  /** Closes the port, lets the images already queued be written, and ends the rendering worker. */
  async stop(): Promise<void> {
    await this.closeServer();
    await this.pngs.close();
  }

  private async closeServer(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Switched off: connections are refused until it is switched on again on the same port. */
  async setOffline(offline: boolean): Promise<void> {
    if (offline) await this.closeServer();
    else if (!this.server) await this.start();
  }

  setPaper(paper: SimCondition['paper']): void {
    this.condition.paper = paper;
    this.statusChanged();
  }

  setCoverOpen(open: boolean): void {
    this.condition.coverOpen = open;
    this.statusChanged();
  }

  setDrawerOpen(open: boolean): void {
    this.condition.drawerOpen = open;
    this.statusChanged();
  }

  get drawerOpen(): boolean {
    return this.condition.drawerOpen;
  }

  /** Resolves once at least count receipts have been cut (or rejects after timeoutMs). */
  async waitForReceipts(count: number, timeoutMs = 5000): Promise<SimReceipt[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.receipts.length < count) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`expected ${count} receipts, got ${this.receipts.length}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.receipts;
  }

  /** Paths of the .png files written so far, in receipt order. */
  get images(): readonly string[] {
    return this.pngs.written;
  }

  /**
   * Resolves with the .png paths once at least count images are written (by default every image queued
   * so far); rejects if a render failed or after timeoutMs. The .txt of a receipt is there at its cut,
   * its .png a little later: tests that look at images wait here.
   */
  async waitForImages(
    count = this.pngs.written.length + this.pngs.queued,
    timeoutMs = 30_000,
  ): Promise<string[]> {
    const check = () => {
      const error = this.pngs.errors[0];
      if (error) throw error;
      return this.pngs.written.length >= count;
    };
    if (check()) return [...this.pngs.written];
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        done = true;
        reject(new Error(`expected ${count} receipt images, got ${this.pngs.written.length}`));
      }, timeoutMs);
      let done = false;
      this.pngs.onSettled(() => {
        if (done) return true;
        try {
          if (!check()) return false;
          resolve();
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
        clearTimeout(timer);
        done = true;
        return true;
      });
    });
    return [...this.pngs.written];
  }

  /**
   * Feeds bytes that arrived on another wire (a serial port opened on a pty): the same printer, with
   * replies written back through sink. Returns the function to call with each chunk.
   */
  attach(sink: Sink): (chunk: Buffer) => void {
    return (chunk) => {
      for (const command of this.decoder.feed(chunk)) this.handle(command, sink);
    };
  }

  private accept(socket: Socket): void {
    this.sockets.add(socket);
    const sink: Sink = { write: (bytes) => socket.write(bytes) };
    socket.on('data', this.attach(sink));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      this.sockets.delete(socket);
      this.asbSinks.delete(sink);
    });
  }

  private get ready(): boolean {
    return this.condition.paper !== 'out' && !this.condition.coverOpen;
  }

  private handle(command: DecodedCommand, socket: Sink): void {
    if (command.op === 'status') {
      // Real-time commands are answered even when the printer cannot print.
      socket.write(Buffer.from([command.n > 0xff ? 0x00 : dleEotReply(command.n, this.condition)]));
      return;
    }
    if (command.op === 'asb') {
      if (command.mask === 0) this.asbSinks.delete(socket);
      else {
        this.asbSinks.add(socket);
        socket.write(asbBytes(this.condition));
      }
      return;
    }
    this.commands.push(command);
    if (command.op === 'kick') {
      this.kicks.push(command.pin);
      if (this.options.drawerSensor ?? true) this.setDrawerOpen(true);
      return;
    }
    if (!this.ready && command.op !== 'init') {
      this.discardedCommands++;
      return;
    }
    if (command.op === 'cut' && !this.builder.hasContent) return;
    const receipt = this.builder.add(command);
    if (receipt) this.keep(receipt);
  }

  private keep(receipt: SimReceipt): void {
    this.receipts.push(receipt);
    const dir = this.options.dataDir;
    if (dir) {
      mkdirSync(dir, { recursive: true });
      const base = join(dir, `receipt-${String(receipt.index).padStart(5, '0')}`);
      writeFileSync(`${base}.txt`, `${receiptText(receipt, this.columns)}\n`);
      if (this.options.images ?? true) this.pngs.render(`${base}.png`, receipt, this.columns);
    }
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  private statusChanged(): void {
    for (const sink of this.asbSinks) sink.write(asbBytes(this.condition));
  }
}
