import { SerialTransport } from '../../transports/serial.js';

export interface ScannerSimulatorOptions {
  path: string;
  suffix?: 'CR' | 'LF' | 'CRLF';
}

const SUFFIX = { CR: '\r', LF: '\n', CRLF: '\r\n' } as const;

/** A barcode scanner on the far end of a pty: scan() writes what a real one sends for a read. */
export class ScannerSimulator {
  private readonly transport: SerialTransport;

  constructor(private readonly options: ScannerSimulatorOptions) {
    this.transport = new SerialTransport({ path: options.path, baudRate: 9600 });
  }

  start(): Promise<void> {
    return this.transport.open();
  }

  stop(): Promise<void> {
    return this.transport.close();
  }

  /** `symbology` is an AIM identifier such as ']E0'; GS1 data may contain GS (\x1d) separators. */
  scan(data: string, symbology?: string): Promise<void> {
    return this.transport.write(
      Buffer.from(`${symbology ?? ''}${data}${SUFFIX[this.options.suffix ?? 'CR']}`, 'utf8'),
    );
  }

  /** Raw bytes, for scanners that split a frame over several writes or send garbage. */
  writeRaw(bytes: Buffer): Promise<void> {
    return this.transport.write(bytes);
  }
}
