import type { FoundFrame } from '../transports/serial.js';
import {
  ACK,
  DC1,
  ENQ,
  EOT,
  ETX,
  NAK,
  SOH,
  STX,
  type ScaleAnswer,
  type ScaleProtocol,
  type ScaleRequest,
} from './protocol.js';
import { fromGrams, toGrams, type ScaleReading } from './weight.js';

/**
 * CAS "ECR" protocol (CAS PD-II, ER and AP scales set to ECR type). A handshake, then a fixed frame:
 *   host ENQ -> scale ACK;  host DC1 -> scale
 *   <SOH><STX><STA><SIGN><W1..W6><U1><U2><BCC><ETX><EOT>
 * STA 'S' stable, 'U' unstable, 'F' overload; SIGN ' ' or '-'; six weight characters with the point
 * ("01.234"); units "kg" or "lb"; BCC the XOR of STA through U2. The ECR type offers no zero or tare:
 * those stay on the scale's keys, so the driver answers them NOT_SUPPORTED.
 */
const FRAME_LENGTH = 15;

export function casChecksum(bytes: Buffer): number {
  let bcc = 0;
  for (const byte of bytes) bcc ^= byte;
  return bcc;
}

export function findCasFrame(buffer: Buffer): FoundFrame | null {
  for (let i = 0; i < buffer.length; i++) {
    const byte = buffer[i];
    if (byte === ACK || byte === NAK) return { frame: buffer.subarray(i, i + 1), consumed: i + 1 };
    if (byte !== SOH) continue;
    const end = buffer.indexOf(EOT, i + 1);
    if (end < 0) return i > 0 ? { frame: Buffer.alloc(0), consumed: i } : null;
    return { frame: buffer.subarray(i, end + 1), consumed: end + 1 };
  }
  return buffer.length > 0 ? { frame: Buffer.alloc(0), consumed: buffer.length } : null;
}

export function parseCasFrame(frame: Buffer): ScaleAnswer | null {
  if (frame.length === 1 && frame[0] === ACK) return { kind: 'ack' };
  if (frame.length === 1 && frame[0] === NAK) return { kind: 'rejected' };
  if (frame.length !== FRAME_LENGTH || frame[1] !== STX || frame[13] !== ETX) return null;
  if (casChecksum(frame.subarray(2, 12)) !== frame[12]) return null;
  const text = frame.subarray(2, 12).toString('latin1');
  const sta = text[0];
  const sign = text[1] === '-' ? '-' : '';
  const unitText = text.slice(8, 10).toLowerCase();
  if (unitText !== 'kg' && unitText !== 'lb') return null;
  const grams = toGrams(`${sign}${text.slice(2, 8)}`, unitText);
  const reading: ScaleReading =
    sta === 'F' || grams === null
      ? // Overload is a steady state, not motion: stable lets the driver report it at once.
        { grams: null, stable: true, condition: 'over_capacity' }
      : {
          grams,
          stable: sta === 'S',
          condition: sta !== 'S' ? 'moving' : grams < 0 ? 'under_zero' : grams === 0 ? 'zero' : 'ok',
        };
  return { kind: 'reading', reading };
}

export function cas(): ScaleProtocol {
  return {
    name: 'cas',
    supports: new Set<ScaleRequest>(['weight']),
    steps: () => [Buffer.of(ENQ), Buffer.of(DC1)],
    findFrame: findCasFrame,
    parse: parseCasFrame,
  };
}

// ---- the scale's side, for the simulator ----

export function encodeCasWeight(grams: number, unit: 'kg' | 'lb', state: 'S' | 'U' | 'F'): Buffer {
  const decimals = unit === 'kg' ? 3 : 2;
  const magnitude = state === 'F' ? '  OL  ' : fromGrams(Math.abs(grams), unit, decimals).padStart(6, '0');
  const body = Buffer.from(`${state}${grams < 0 ? '-' : ' '}${magnitude}${unit}`, 'latin1');
  return Buffer.concat([Buffer.of(SOH, STX), body, Buffer.of(casChecksum(body), ETX, EOT)]);
}

export const CAS_ACK = Buffer.of(ACK);
export const CAS_NAK = Buffer.of(NAK);
export { ENQ as CAS_ENQ, DC1 as CAS_DC1 };
