import { describe, expect, it } from 'vitest';
import { casChecksum, encodeCasWeight, findCasFrame, parseCasFrame } from '../../../devices/scale/cas.js';
import { encodeNciWeight, parseNciFrame } from '../../../devices/scale/nci.js';
import {
  encodeToledoStatus,
  encodeToledoWeight,
  parseToledoFrame,
} from '../../../devices/scale/toledo8217.js';
import { fromGrams, toGrams } from '../../../devices/scale/weight.js';
import { FrameSplitter } from '../../../devices/transports/serial.js';

const kg = { unit: 'kg' as const, impliedDecimals: 3 };
const bytes = (s: string) => Buffer.from(s, 'latin1');

describe('weight conversion to integer grams', () => {
  it('reads kg with 3 decimals exactly and converts lb and oz with one rounding', () => {
    expect(toGrams('01.234', 'kg')).toBe(1234);
    expect(toGrams('-0.005', 'kg')).toBe(-5);
    expect(toGrams('01234', 'kg', 3)).toBe(1234);
    // 1 lb = 453.59237 g: 2.50 lb = 1133.980925 g -> 1134; 0.01 lb = 4.5359237 -> 5
    expect(toGrams('2.50', 'lb')).toBe(1134);
    expect(toGrams('0.01', 'lb')).toBe(5);
    expect(toGrams('1', 'oz')).toBe(28);
    expect(toGrams('^^^^', 'kg')).toBeNull();
    expect(toGrams('', 'kg')).toBeNull();
  });

  it('formats grams back for simulators', () => {
    expect(fromGrams(1234, 'kg', 3)).toBe('1.234');
    expect(fromGrams(1134, 'lb', 2)).toBe('2.50');
    expect(fromGrams(-5, 'kg', 3)).toBe('-0.005');
  });
});

describe('Mettler Toledo 8217', () => {
  it('parses a weight record <STX>01.234<CR> as a stable weight', () => {
    expect(parseToledoFrame(bytes('\x0201.234\r'), kg)).toEqual({
      kind: 'reading',
      reading: { grams: 1234, stable: true, condition: 'ok' },
    });
    expect(parseToledoFrame(bytes('\x0201234\r'), kg)).toMatchObject({ reading: { grams: 1234 } });
    expect(parseToledoFrame(bytes('\x0202.50\r'), { unit: 'lb', impliedDecimals: 2 })).toMatchObject({
      reading: { grams: 1134 },
    });
  });

  it('decodes the status byte of <STX>?<status><CR>: motion, over capacity, under zero, center of zero', () => {
    // 0x61 = 0b0110_0001: motion
    expect(parseToledoFrame(bytes('\x02?a\r'), kg)).toMatchObject({
      reading: { stable: false, condition: 'moving' },
    });
    // 0x62: over capacity
    expect(parseToledoFrame(bytes('\x02?b\r'), kg)).toMatchObject({
      reading: { stable: true, condition: 'over_capacity' },
    });
    // 0x64: under zero
    expect(parseToledoFrame(bytes('\x02?d\r'), kg)).toMatchObject({ reading: { condition: 'under_zero' } });
    // 0x70: center of zero, stable
    expect(parseToledoFrame(bytes('\x02?p\r'), kg)).toMatchObject({
      reading: { stable: true, condition: 'zero' },
    });
    expect(encodeToledoStatus({ motion: true, centerOfZero: true })).toEqual(Buffer.of(2, 0x3f, 0x71, 13));
    expect(encodeToledoWeight(1234, kg)).toEqual(bytes('\x0201.234\r'));
  });

  it('rejects frames without STX/CR', () => {
    expect(parseToledoFrame(bytes('01.234\r'), kg)).toBeNull();
  });
});

describe('NCI / Avery Weigh-Tronix', () => {
  it('parses <LF>0001.25LB<CR><LF>00<CR><ETX> (stable, 1.25 lb = 567 g)', () => {
    expect(parseNciFrame(bytes('\n0001.25LB\r\n00\r\x03'))).toEqual({
      kind: 'reading',
      reading: { grams: 567, stable: true, condition: 'ok' },
    });
  });

  it('reads motion, zero, over and under capacity from the status bytes', () => {
    expect(parseNciFrame(bytes('\n01.500KG\r\n10\r\x03'))).toMatchObject({
      reading: { grams: 1500, stable: false, condition: 'moving' },
    });
    expect(parseNciFrame(bytes('\n00.000KG\r\n20\r\x03'))).toMatchObject({
      reading: { grams: 0, condition: 'zero' },
    });
    expect(parseNciFrame(bytes('\n^^^^^^^KG\r\n02\r\x03'))).toMatchObject({
      reading: { grams: null, condition: 'over_capacity' },
    });
    expect(parseNciFrame(bytes('\n01\r\x03'))).toMatchObject({
      reading: { grams: null, condition: 'under_zero' },
    });
    // SCP-02 puts an 'S' before the status bytes
    expect(parseNciFrame(bytes('\n01.500KG\r\nS00\r\x03'))).toMatchObject({
      reading: { grams: 1500, condition: 'ok' },
    });
    expect(parseNciFrame(bytes('\n?\r\x03'))).toEqual({ kind: 'rejected' });
    expect(encodeNciWeight(567, 'lb', {})).toEqual(bytes('\n0001.25LB\r\n00\r\x03'));
  });

  it('treats a RAM error bit as a scale error and noise as no answer', () => {
    expect(parseNciFrame(bytes('\n4 0\r\x03'))).toBeNull();
    expect(parseNciFrame(bytes('\n40\r\x03'))).toMatchObject({ reading: { condition: 'error' } });
  });
});

describe('CAS ECR', () => {
  it('parses <SOH><STX>S 01.234kg<BCC><ETX><EOT> and checks the BCC', () => {
    const frame = encodeCasWeight(1234, 'kg', 'S');
    expect(frame.subarray(0, 12)).toEqual(bytes('\x01\x02S 01.234kg'));
    expect(frame[12]).toBe(casChecksum(bytes('S 01.234kg')));
    expect(parseCasFrame(frame)).toEqual({
      kind: 'reading',
      reading: { grams: 1234, stable: true, condition: 'ok' },
    });
    const damaged = Buffer.from(frame);
    damaged[6] = 0x39;
    expect(parseCasFrame(damaged)).toBeNull();
  });

  it('reads unstable, negative, overload and lb frames', () => {
    expect(parseCasFrame(encodeCasWeight(800, 'kg', 'U'))).toMatchObject({
      reading: { grams: 800, stable: false, condition: 'moving' },
    });
    expect(parseCasFrame(encodeCasWeight(-20, 'kg', 'S'))).toMatchObject({
      reading: { grams: -20, condition: 'under_zero' },
    });
    expect(parseCasFrame(encodeCasWeight(0, 'kg', 'F'))).toMatchObject({
      reading: { condition: 'over_capacity' },
    });
    expect(parseCasFrame(encodeCasWeight(1134, 'lb', 'S'))).toMatchObject({ reading: { grams: 1134 } });
  });

  it('splits ACK and frames out of a byte stream cut anywhere', () => {
    const stream = Buffer.concat([Buffer.of(0x06), bytes('zz'), encodeCasWeight(1234, 'kg', 'S')]);
    const splitter = new FrameSplitter(findCasFrame);
    const frames = [...stream].flatMap((b) => splitter.push(Buffer.of(b)));
    expect(frames.map((f) => parseCasFrame(f)?.kind)).toEqual(['ack', 'reading']);
  });
});
