import { describe, expect, it } from 'vitest';
import { EscPosDecoder, type DecodedCommand } from '../../../devices/sim/printer/decoder.js';
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
