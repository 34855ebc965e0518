import { EventEmitter } from 'node:events';
import { Socket } from 'node:net';

/**
 * Raw TCP to a network device (a receipt printer on port 9100). The same shape as SerialTransport
 * (open/write/close, 'data' and 'lost'), so a driver does not care which wire its printer is on.
 */
export interface TcpOptions {
  host: string;
  port?: number;
  /** How long a connect may take before the printer counts as unreachable. */
  connectTimeoutMs?: number;
  /**
   * Reconnect in the background after the connection drops, waiting this long and doubling up to
   * maxBackoffMs. 0 leaves reconnecting to whoever calls open() next.
   */
  reconnectMs?: number;
  maxBackoffMs?: number;
}

export interface TcpTransportEvents {
  data: [Buffer];
  lost: [Error];
  /** A background reconnect succeeded. */
  reconnected: [];
}

export class TcpTransport extends EventEmitter<TcpTransportEvents> {
  private socket: Socket | null = null;
  private opening: Promise<void> | null = null;
  private closing = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private backoffMs: number;

  constructor(readonly options: TcpOptions) {
    super();
    this.backoffMs = options.reconnectMs ?? 0;
  }

  get isOpen(): boolean {
    return this.socket !== null && !this.socket.destroyed;
  }

  get address(): string {
    return `${this.options.host}:${this.options.port ?? 9100}`;
  }

  /** Connects (or returns at once when connected); concurrent callers share one attempt. */
  open(): Promise<void> {
    this.closing = false;
    if (this.isOpen) return Promise.resolve();
    this.opening ??= this.connect().finally(() => {
      this.opening = null;
    });
    return this.opening;
  }

  /** Writes and waits until the kernel has taken the bytes, so a slow printer pushes back on us. */
  async write(data: Buffer): Promise<void> {
    const socket = this.socket;
    if (!socket || socket.destroyed) throw new Error(`printer at ${this.address} is not connected`);
    await new Promise<void>((resolve, reject) => {
      const onError = (error: Error) => {
        reject(error);
      };
      socket.once('error', onError);
      const flushed = socket.write(data, (error) => {
        socket.off('error', onError);
        if (error) reject(error);
        else if (flushed) resolve();
      });
      if (!flushed) {
        socket.once('drain', () => {
          socket.off('error', onError);
          resolve();
        });
      }
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const socket = this.socket;
    this.socket = null;
    if (!socket || socket.destroyed) return;
    await new Promise<void>((resolve) => {
      socket.once('close', () => resolve());
      socket.end();
      // A printer that never answers FIN must not hold close() forever.
      setTimeout(() => socket.destroy(), 500).unref();
    });
  }

  private connect(): Promise<void> {
    const socket = new Socket();
    const timeoutMs = this.options.connectTimeoutMs ?? 3000;
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new Error(`printer at ${this.address} did not answer within ${timeoutMs} ms`));
      }, timeoutMs);
      socket.once('error', (error) => {
        clearTimeout(timer);
        reject(new Error(`cannot connect to printer at ${this.address}: ${error.message}`));
      });
      socket.connect(this.options.port ?? 9100, this.options.host, () => {
        clearTimeout(timer);
        socket.removeAllListeners('error');
        socket.setNoDelay(true);
        socket.setKeepAlive(true, 10_000);
        this.attach(socket);
        this.backoffMs = this.options.reconnectMs ?? 0;
        resolve();
      });
    });
  }

  private attach(socket: Socket): void {
    this.socket = socket;
    socket.on('data', (chunk: Buffer) => this.emit('data', chunk));
    let reported = false;
    const lost = (error: Error) => {
      if (reported || this.socket !== socket) return;
      reported = true;
      this.socket = null;
      socket.destroy();
      if (this.closing) return;
      this.emit('lost', error);
      this.scheduleReconnect();
    };
    socket.on('error', lost);
    socket.on('close', () => lost(new Error(`printer at ${this.address} closed the connection`)));
  }

  private scheduleReconnect(): void {
    if (this.backoffMs <= 0 || this.retryTimer) return;
    const wait = this.backoffMs;
    this.backoffMs = Math.min(wait * 2, this.options.maxBackoffMs ?? 30_000);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.closing) return;
      this.open().then(
        () => this.emit('reconnected'),
        () => this.scheduleReconnect(),
      );
    }, wait);
    this.retryTimer.unref();
  }
}
