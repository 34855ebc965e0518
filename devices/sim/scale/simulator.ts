import { CAS_ACK, CAS_DC1, CAS_ENQ, encodeCasWeight } from '../../scale/cas.js';
import { decodeNciCommand, encodeNciStatus, encodeNciWeight, NCI_UNKNOWN } from '../../scale/nci.js';
import type { ScaleProtocolName, ScaleRequest } from '../../scale/protocol.js';
import { decodeToledoCommand, encodeToledoStatus, encodeToledoWeight } from '../../scale/toledo8217.js';
import { SerialTransport } from '../../transports/serial.js';

export interface ScaleSimulatorOptions {
  path: string;
  protocol: ScaleProtocolName;
  unit?: 'kg' | 'lb';
  capacityGrams?: number;
  /** Toledo only: send weights without a decimal point (the host then needs impliedDecimals). */
  impliedDecimals?: boolean;
}

/**
 * A POS scale on the far end of a pty, answering the host the way the real protocol does. Tests and the
 * demo move the weight, make it wobble or overload it; zero and tare act on the simulated load cell.
 */
export class ScaleSimulator {
  private transport: SerialTransport;
  private pending = '';
  private gross = 0;
  private zeroOffset = 0;
  private tare = 0;
  private stable = true;
  private forcedOver = false;
  private silent = false;
  /** Requests answered so far, so a test can tell the driver really polled. */
  requests = 0;

  constructor(private readonly options: ScaleSimulatorOptions) {
    this.transport = new SerialTransport({ path: options.path, baudRate: 9600 });
  }

  async start(): Promise<void> {
    await this.transport.open();
    this.transport.on('data', (chunk) => {
      void this.receive(chunk);
    });
  }

  async stop(): Promise<void> {
    this.transport.removeAllListeners();
    await this.transport.close();
  }

  /** Puts `grams` on the platter (gross); `stable: false` makes it sway until setStable(true). */
  setWeight(grams: number, stable = true): void {
    this.gross = grams;
    this.stable = stable;
  }

  setStable(stable: boolean): void {
    this.stable = stable;
  }

  setOverCapacity(over: boolean): void {
    this.forcedOver = over;
  }

  /** A scale that stops answering (cable half out, scale switched off). */
  setSilent(silent: boolean): void {
    this.silent = silent;
  }

  get netGrams(): number {
    return this.gross - this.zeroOffset - this.tare;
  }

  get tareGrams(): number {
    return this.tare;
  }

  private get over(): boolean {
    return this.forcedOver || this.gross > (this.options.capacityGrams ?? 15_000);
  }

  private flags() {
    const net = this.netGrams;
    return { motion: !this.stable, over: this.over, under: net < 0 && !this.over, zero: net === 0 };
  }

  private async receive(chunk: Buffer): Promise<void> {
    if (this.silent) return;
    for (const byte of chunk) {
      const answer = this.answer(byte);
      if (answer) {
        this.requests++;
        await this.transport.write(answer).catch(() => undefined);
      }
    }
  }

  private answer(byte: number): Buffer | null {
    switch (this.options.protocol) {
      case 'toledo8217': {
        const request = decodeToledoCommand(byte);
        return request ? this.toledo(request) : null;
      }
      case 'nci': {
        if (byte !== 0x0d) {
          this.pending += String.fromCharCode(byte);
          return null;
        }
        const request = decodeNciCommand(this.pending);
        this.pending = '';
        return this.nci(request);
      }
      case 'cas':
        if (byte === CAS_ENQ) return CAS_ACK;
        if (byte !== CAS_DC1) return null;
        return encodeCasWeight(this.netGrams, this.unit, this.over ? 'F' : this.stable ? 'S' : 'U');
    }
  }

  private get unit(): 'kg' | 'lb' {
    return this.options.unit ?? 'kg';
  }

  /** Applies zero or tare the way a legal-for-trade scale would: only when stable and in range. */
  private adjust(request: 'zero' | 'tare'): void {
    const f = this.flags();
    if (f.motion || f.over) return;
    if (request === 'zero') {
      this.zeroOffset = this.gross;
      this.tare = 0;
    } else if (this.netGrams > 0) {
      this.tare = this.gross - this.zeroOffset;
    }
  }

  private toledo(request: ScaleRequest): Buffer {
    if (request !== 'weight') this.adjust(request);
    const f = this.flags();
    if (request === 'weight' && !f.motion && !f.over && !f.under) {
      return encodeToledoWeight(
        this.netGrams,
        { unit: this.unit, impliedDecimals: 3 },
        this.options.impliedDecimals,
      );
    }
    return encodeToledoStatus({
      motion: f.motion,
      overCapacity: f.over,
      underZero: f.under,
      centerOfZero: f.zero,
    });
  }

  private nci(request: ScaleRequest | 'status' | null): Buffer {
    if (request === null) return NCI_UNKNOWN;
    if (request === 'zero' || request === 'tare') this.adjust(request);
    if (request === 'weight') return encodeNciWeight(this.netGrams, this.unit, this.flags());
    return encodeNciStatus(this.flags());
  }
}
