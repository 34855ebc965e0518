import { delimitedFinder } from '../transports/serial.js';
import {
  bit,
  CR,
  STX,
  type ScaleAnswer,
  type ScaleProtocol,
  type ScaleProtocolOptions,
  type ScaleRequest,
} from './protocol.js';
import { conditionOf, fromGrams, toGrams, type ScaleReading } from './weight.js';

/**
 * Mettler Toledo 8217 (Ariva-S and scanner-scales in "8217 mode"). The host sends one ASCII letter:
 * W (weight), Z (zero), T (tare). A valid stable weight comes back as <STX>weight<CR>, e.g. "\x0201.234\r";
 * anything else (motion, over capacity, under zero) as a status record <STX>?<status><CR>, and Z/T are
 * always answered with a status record. The frame carries no unit: it comes from the profile.
 *
 * Status byte (bits 5 and 6 always 1, so it is printable):
 *   0 motion, 1 over capacity, 2 under zero, 3 outside zero capture range, 4 center of zero.
 */
export const TOLEDO_STATUS = {
  motion: 0,
  overCapacity: 1,
  underZero: 2,
  outsideZeroRange: 3,
  centerOfZero: 4,
} as const;

const COMMANDS: Record<ScaleRequest, string> = { weight: 'W', zero: 'Z', tare: 'T' };

export function parseToledoStatus(status: number): ScaleReading {
  const motion = bit(status, TOLEDO_STATUS.motion);
  return {
    grams: null,
    stable: !motion,
    condition: conditionOf({
      motion,
      over: bit(status, TOLEDO_STATUS.overCapacity),
      under: bit(status, TOLEDO_STATUS.underZero),
      zero: bit(status, TOLEDO_STATUS.centerOfZero),
    }),
  };
}

export function parseToledoFrame(frame: Buffer, options: ScaleProtocolOptions): ScaleAnswer | null {
  if (frame[0] !== STX || frame[frame.length - 1] !== CR) return null;
  const body = frame.subarray(1, -1).toString('latin1');
  if (body.startsWith('?')) {
    const status = body.charCodeAt(1);
    return Number.isNaN(status) ? null : { kind: 'reading', reading: parseToledoStatus(status) };
  }
  const grams = toGrams(body, options.unit, options.impliedDecimals);
  if (grams === null) return null;
  return { kind: 'reading', reading: { grams, stable: true, condition: grams === 0 ? 'zero' : 'ok' } };
}

export function toledo8217(options: ScaleProtocolOptions): ScaleProtocol {
  return {
    name: 'toledo8217',
    supports: new Set<ScaleRequest>(['weight', 'zero', 'tare']),
    steps: (request) => [Buffer.from(COMMANDS[request], 'latin1')],
    findFrame: delimitedFinder(STX, CR),
    parse: (frame) => parseToledoFrame(frame, options),
  };
}

// ---- the scale's side, for the simulator ----

/** A weight record: kg with 3 decimals as "01.234", lb with 2 as "002.50"; `implied` drops the point. */
export function encodeToledoWeight(grams: number, options: ScaleProtocolOptions, implied = false): Buffer {
  const decimals = options.unit === 'kg' ? 3 : options.unit === 'g' ? 0 : 2;
  const text = fromGrams(grams, options.unit, decimals);
  const body = implied ? text.replace('.', '').padStart(5, '0') : text.padStart(6, '0');
  return Buffer.concat([Buffer.of(STX), Buffer.from(body, 'latin1'), Buffer.of(CR)]);
}

export function encodeToledoStatus(flags: Partial<Record<keyof typeof TOLEDO_STATUS, boolean>>): Buffer {
  let status = 0b0110_0000;
  for (const [name, n] of Object.entries(TOLEDO_STATUS)) {
    if (flags[name as keyof typeof TOLEDO_STATUS]) status |= 1 << n;
  }
  return Buffer.of(STX, 0x3f, status, CR);
}

/** What a Toledo scale reads from the host: single letters, no terminator. */
export function decodeToledoCommand(byte: number): ScaleRequest | null {
  const letter = String.fromCharCode(byte).toUpperCase();
  const found = Object.entries(COMMANDS).find(([, c]) => c === letter);
  return found ? (found[0] as ScaleRequest) : null;
}
