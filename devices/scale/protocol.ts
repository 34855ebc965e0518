import type { FoundFrame } from '../transports/serial.js';
import type { ScaleReading, WeightUnit } from './weight.js';

/**
 * What every scale protocol module provides, so the driver is one piece of code for Toledo, NCI and CAS.
 * A request is a list of steps: send these bytes, wait for one answer frame, go on. Toledo and NCI need one
 * step; CAS needs two (ENQ -> ACK, then DC1 -> weight frame).
 */
export type ScaleRequest = 'weight' | 'zero' | 'tare';

export type ScaleAnswer =
  | { kind: 'reading'; reading: ScaleReading }
  | { kind: 'ack' }
  /** The scale did not understand or refused the request (NCI "?", CAS NAK). */
  | { kind: 'rejected' };

export interface ScaleProtocol {
  readonly name: ScaleProtocolName;
  readonly supports: ReadonlySet<ScaleRequest>;
  steps(request: ScaleRequest): Buffer[];
  /** Finds one answer frame in what the scale sent so far. */
  findFrame(buffer: Buffer): FoundFrame | null;
  /** Null for a frame that is damaged (bad checksum, wrong length): the driver treats it as no answer. */
  parse(frame: Buffer): ScaleAnswer | null;
}

export const SCALE_PROTOCOLS = ['toledo8217', 'nci', 'cas'] as const;
export type ScaleProtocolName = (typeof SCALE_PROTOCOLS)[number];

/** Settings the frame does not carry (Toledo sends no units) and that a firmware profile supplies. */
export interface ScaleProtocolOptions {
  unit: WeightUnit;
  /** Decimals when the scale sends digits without a point (Toledo 8217 in some configurations). */
  impliedDecimals: number;
}

export const STX = 0x02;
export const ETX = 0x03;
export const EOT = 0x04;
export const ENQ = 0x05;
export const ACK = 0x06;
export const LF = 0x0a;
export const CR = 0x0d;
export const SOH = 0x01;
export const DC1 = 0x11;
export const NAK = 0x15;

export function bit(byte: number, n: number): boolean {
  return ((byte >> n) & 1) === 1;
}
