import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findReceiptFonts } from '../../../devices/sim/printer/fonts.js';
import { receiptPng } from '../../../devices/sim/printer/render-png.js';
import { PrinterSimulator } from '../../../devices/sim/printer/simulator.js';
import { sampleReceipt } from './sample-bytes.js';

let dir: string;
let sim: PrinterSimulator;
const sink = { write: () => undefined };

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'printer-images-'));
  sim = new PrinterSimulator({ dataDir: join(dir, 'sim'), cjk: 'gb18030' });
});

afterEach(async () => {
  await sim.stop();
  rmSync(dir, { recursive: true, force: true });
});

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngSize(file: string): { width: number; height: number } {
  const png = readFileSync(file);
  expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** A long receipt of Chinese lines: many glyphs from the big CJK font, so the render takes a while. */
function chineseReceipt(lines: number): Buffer {
  const parts: Buffer[] = [Buffer.from([0x1b, 0x40, 0x1c, 0x26])];
  for (let i = 0; i < lines; i++)
    parts.push(iconv.encode('谢谢惠顾欢迎再次光临乌龙茶牛奶面包鸡蛋苹果香蕉\n', 'gb18030'));
  parts.push(Buffer.from([0x1c, 0x2e, 0x1d, 0x56, 0x00]));
  return Buffer.concat(parts);
}

describe('receipt images (rendered in the simulator worker)', () => {
  it('writes the .txt at the cut and the .png once the worker has rendered it', async () => {
    sim.attach(sink)(sampleReceipt());
    expect(sim.receipts).toHaveLength(1);
    const base = join(dir, 'sim', 'receipt-00001');
    expect(readFileSync(`${base}.txt`, 'utf8')).toContain('牛奶 1L');
    expect(await sim.waitForImages()).toEqual([`${base}.png`]);
    expect(sim.images).toEqual([`${base}.png`]);
    expect(pngSize(`${base}.png`).width).toBe(48 * 12 + 32);
  });

  it('renders receipts in order, and stop() writes what is queued before ending the worker', async () => {
    const feed = sim.attach(sink);
    for (let i = 0; i < 3; i++) feed(sampleReceipt('gb18030', `R-000${i + 1}`));
    await sim.stop();
    const paths = [1, 2, 3].map((n) => join(dir, 'sim', `receipt-0000${n}.png`));
    expect(sim.images).toEqual(paths);
    for (const path of paths) expect(existsSync(path)).toBe(true);
    // A later receipt starts a fresh worker.
    feed(sampleReceipt('gb18030', 'R-0004'));
    expect(await sim.waitForImages(4)).toHaveLength(4);
  });

  it('does not block the event loop while a receipt image renders', async () => {
    let last = performance.now();
    let maxGap = 0;
    const ticker = setInterval(() => {
      const now = performance.now();
      maxGap = Math.max(maxGap, now - last);
      last = now;
    }, 10);
    const started = performance.now();
    try {
      sim.attach(sink)(chineseReceipt(20));
      await sim.waitForImages(1);
    } finally {
      clearInterval(ticker);
    }
    const inWorkerMs = performance.now() - started;
    // The same render on this thread, for scale: it holds the event loop for all of it.
    const receipt = sim.receipts[0];
    if (!receipt) throw new Error('no receipt');
    const t0 = performance.now();
    receiptPng(receipt, 48, findReceiptFonts());
    const onThreadMs = performance.now() - t0;
    expect(maxGap).toBeLessThan(500);
    expect(maxGap).toBeLessThan(Math.max(onThreadMs / 2, 50));
    expect(inWorkerMs).toBeGreaterThan(0);
  });
});

describe('receipt fonts', () => {
  it('picks a monospace Latin and a CJK font (regular and bold) and no system fonts', () => {
    const fonts = join(dir, 'fonts');
    mkdirSync(join(fonts, 'truetype', 'dejavu'), { recursive: true });
    mkdirSync(join(fonts, 'opentype', 'noto'), { recursive: true });
    for (const file of ['DejaVuSansMono.ttf', 'DejaVuSansMono-Bold.ttf', 'DejaVuSans.ttf'])
      writeFileSync(join(fonts, 'truetype', 'dejavu', file), '');
    for (const file of ['NotoSansCJK-Regular.ttc', 'NotoSansCJK-Bold.ttc', 'NotoSerifCJK-Regular.ttc'])
      writeFileSync(join(fonts, 'opentype', 'noto', file), '');
    const found = findReceiptFonts([fonts, join(dir, 'missing')]);
    expect(found.files.map((f) => f.slice(fonts.length + 1)).sort()).toEqual([
      'opentype/noto/NotoSansCJK-Bold.ttc',
      'opentype/noto/NotoSansCJK-Regular.ttc',
      'truetype/dejavu/DejaVuSansMono-Bold.ttf',
      'truetype/dejavu/DejaVuSansMono.ttf',
    ]);
    expect(found.loadSystemFonts).toBe(false);
    expect(found.latinFamily.startsWith("'DejaVu Sans Mono', ")).toBe(true);
    expect(found.cjkFamily.startsWith("'Noto Sans Mono CJK SC', ")).toBe(true);
  });

  it('falls back to every system font when it finds none it knows', () => {
    const found = findReceiptFonts([join(dir, 'nothing-here')]);
    expect(found).toMatchObject({ files: [], loadSystemFonts: true });
  });
});
