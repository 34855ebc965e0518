import { delimitedFinder } from '../transports/serial.js';
import { bit, CR, ETX, LF, type ScaleAnswer, type ScaleProtocol, type ScaleRequest } from './protocol.js';
import { conditionOf, fromGrams, toGrams, type ScaleReading, type WeightUnit } from './weight.js';

/**
 * NCI / Avery Weigh-Tronix standard scale protocol (SCP-01, "NCI standard"). Commands end with CR:
 * W (weight), Z (zero), T (tare), S (status). Answers:
 *   weight  <LF>0001.25LB<CR><LF><s1><s2>[<s3>]<CR><ETX>
 *   status  <LF><s1><s2>[<s3>]<CR><ETX>          (also the answer to Z and T)
 *   unknown <LF>?<CR><ETX>
 * Status bytes have bits 4 and 5 set (so '0'..'?'); SCP-02 puts an 'S' before them.
 *   byte 1: 0 motion, 1 at zero, 2 RAM error, 3 EEPROM error
 *   byte 2: 0 under capacity, 1 over capacity, 2 ROM error, 3 faulty calibration, 6 another byte follows
 * Over and under capacity blank the weight field (dashes or carets), so those frames carry no number.
 */
const COMMANDS: Record<ScaleRequest, string> = { weight: 'W\r', zero: 'Z\r', tare: 'T\r' };
const UNITS: Record<string, WeightUnit> = { LB: 'lb', KG: 'kg', OZ: 'oz', G: 'g' };

export function parseNciStatus(bytes: string): ScaleReading | null {
  const text = bytes.startsWith('S') ? bytes.slice(1) : bytes;
  if (text.length < 2) return null;
  const s1 = text.charCodeAt(0);
  const s2 = text.charCodeAt(1);
  // Bits 4 and 5 are always 1 in a status byte: anything else is line noise, not a status.
  if ((s1 & 0x30) !== 0x30 || (s2 & 0x30) !== 0x30) return null;
  const motion = bit(s1, 0);
  return {
    grams: null,
    stable: !motion,
    condition: conditionOf({
      motion,
      zero: bit(s1, 1),
      under: bit(s2, 0),
      over: bit(s2, 1),
      error: bit(s1, 2) || bit(s1, 3) || bit(s2, 2) || bit(s2, 3),
    }),
  };
}

export function parseNciFrame(frame: Buffer): ScaleAnswer | null {
  if (frame[0] !== LF || frame[frame.length - 1] !== ETX || frame[frame.length - 2] !== CR) return null;
  const parts = frame.subarray(1, -2).toString('latin1').split('\r\n');
  if (parts.length === 1 && parts[0] === '?') return { kind: 'rejected' };
  const status = parseNciStatus(parts[parts.length - 1] ?? '');
  if (!status) return null;
  if (parts.length === 1) return { kind: 'reading', reading: status };
  const weight = /^(.*?)\s*(LB|KG|OZ|G)$/i.exec(parts[0] ?? '');
  const unit = weight ? UNITS[(weight[2] ?? '').toUpperCase()] : undefined;
  const grams = weight && unit ? toGrams(weight[1] ?? '', unit) : null;
  // A weight field that is not a number (over/under capacity) still leaves a valid status reading.
  return { kind: 'reading', reading: { ...status, grams } };
}

export function nci(): ScaleProtocol {
  return {
    name: 'nci',
    supports: new Set<ScaleRequest>(['weight', 'zero', 'tare']),
    steps: (request) => [Buffer.from(COMMANDS[request], 'latin1')],
    findFrame: delimitedFinder(LF, ETX),
    parse: parseNciFrame,
  };
}

// ---- the scale's side, for the simulator ----

export interface NciFlags {
  motion?: boolean;
  zero?: boolean;
  under?: boolean;
  over?: boolean;
}

export function encodeNciStatusBytes(flags: NciFlags): string {
  const s1 = 0x30 | (flags.motion ? 1 : 0) | (flags.zero ? 2 : 0);
  const s2 = 0x30 | (flags.under ? 1 : 0) | (flags.over ? 2 : 0);
  return String.fromCharCode(s1, s2);
}

export function encodeNciWeight(grams: number, unit: 'kg' | 'lb', flags: NciFlags): Buffer {
  const decimals = unit === 'kg' ? 3 : 2;
  const blank = flags.over === true || flags.under === true;
  const number = blank ? '^'.repeat(7) : fromGrams(grams, unit, decimals).padStart(7, '0');
  const text = `\n${number}${unit.toUpperCase()}\r\n${encodeNciStatusBytes(flags)}\r\x03`;
  return Buffer.from(text, 'latin1');
}

export function encodeNciStatus(flags: NciFlags): Buffer {
  return Buffer.from(`\n${encodeNciStatusBytes(flags)}\r\x03`, 'latin1');
}

export const NCI_UNKNOWN = Buffer.from('\n?\r\x03', 'latin1');

/** What an NCI scale reads from the host: a letter and CR. */
export function decodeNciCommand(line: string): ScaleRequest | 'status' | null {
  const letter = line.trim().toUpperCase();
  if (letter === 'S') return 'status';
  const found = Object.entries(COMMANDS).find(([, c]) => c.trim() === letter);
  return found ? (found[0] as ScaleRequest) : null;
}
