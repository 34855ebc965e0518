import { describe, expect, it } from 'vitest';
import { EscPosDecoder, type DecodedCommand } from '../../../devices/sim/printer/decoder.js';
import { code128Text } from '../../../devices/sim/printer/decoder-tables.js';
import { sampleReceipt } from './sample-bytes.js';

function decodeAll(chunks: Buffer[]): DecodedCommand[] {
  const d = new EscPosDecoder('gb18030');
  return [...chunks.flatMap((c) => d.feed(c)), ...d.flush()];
}

describe('ESC/POS decoder', () => {
  it('decodes the same commands whether bytes arrive at once or one by one', () => {
    const bytes = sampleReceipt();
    const whole = decodeAll([bytes]);
    const single = decodeAll([...bytes].map((b) => Buffer.from([b])));
    expect(single).toEqual(whole);
    expect(whole).toContainEqual({ op: 'qr', data: 'https://shop.example/r/R-0001' });
    expect(whole).toContainEqual({ op: 'barcode', system: 69, data: 'R-0001' });
  });

  it('reports what it does not know instead of printing it', () => {
    const commands = decodeAll([Buffer.from([0x1b, 0x7e, 0x41, 0x0a])]);
    expect(commands).toEqual([
      { op: 'unknown', hex: '1b7e' },
      { op: 'text', text: 'A', encoding: 'cp437' },
      { op: 'newline' },
    ]);
  });

  it('reads DLE EOT, a real-time drawer pulse and GS V cuts', () => {
    const commands = decodeAll([
      Buffer.from([0x10, 0x04, 0x04, 0x10, 0x14, 0x01, 0x01, 0x02, 0x1d, 0x56, 0x00, 0x1d, 0x56, 0x41, 0x03]),
    ]);
    expect(commands).toEqual([
      { op: 'status', n: 4 },
      { op: 'kick', pin: 5, onMs: 200, offMs: 200 },
      { op: 'cut', partial: false },
      { op: 'cut', partial: false },
    ]);
  });
});

describe('Code128 as the printer reads it', () => {
  it('drops code set selectors and reads set C digit pairs', () => {
    expect(code128Text(Buffer.from('{BR00100000001', 'latin1'))).toBe('R00100000001');
    expect(code128Text(Buffer.from([0x7b, 0x43, 12, 34, 5]))).toBe('123405');
    expect(code128Text(Buffer.concat([Buffer.from('{BR', 'latin1'), Buffer.from([0x7b, 0x43, 0, 1])]))).toBe(
      'R0001',
    );
    expect(code128Text(Buffer.from('{B{{x', 'latin1'))).toBe('{x');
    expect(code128Text(Buffer.from('PLAIN', 'latin1'))).toBe('PLAIN');
  });
});
