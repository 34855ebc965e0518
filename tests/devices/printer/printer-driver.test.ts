import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTcpPrinterDriver, type EscPosPrinterDriver } from '../../../devices/printer/index.js';
import type { DecodedCommand } from '../../../devices/sim/printer/decoder.js';
import { PrinterSimulator } from '../../../devices/sim/printer/simulator.js';
import { RecordingReporter, until } from './fake-reporter.js';
import { sampleReceipt } from './sample-bytes.js';

let dir: string;
let sim: PrinterSimulator;
const drivers: EscPosPrinterDriver[] = [];

async function driverFor(
  s: PrinterSimulator,
  extra: { statusMode?: 'poll' | 'asb' } = {},
): Promise<{ driver: EscPosPrinterDriver; reporter: RecordingReporter }> {
  const driver = createTcpPrinterDriver({
    deviceId: 'printer-1',
    model: 'TM-T20III',
    profile: 'epson-tm-t20iii',
    dataDir: join(dir, 'host'),
    host: '127.0.0.1',
    port: s.port,
    connectTimeoutMs: 500,
    pollIntervalMs: 100,
    ...extra,
  });
  const reporter = new RecordingReporter();
  await driver.open(reporter);
  drivers.push(driver);
  return { driver, reporter };
}

const print = (jobId: string, data = sampleReceipt()) =>
  ({ id: `cmd-${jobId}`, action: 'print', args: { jobId, data: data.toString('base64') } }) as const;

const texts = (commands: DecodedCommand[]) =>
  commands.flatMap((c) => (c.op === 'text' ? [{ text: c.text, encoding: c.encoding }] : []));

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'printer-'));
  sim = new PrinterSimulator({ dataDir: join(dir, 'sim'), cjk: 'gb18030' });
  await sim.start();
});

afterEach(async () => {
  for (const d of drivers.splice(0)) await d.close();
  await sim.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('ESC/POS printer driver against the TCP simulator', () => {
  it('prints a receipt whose code page switches, CJK text, QR, barcode and cut decode back', async () => {
    const { driver, reporter } = await driverFor(sim);
    const result = await driver.execute(print('job-1'));
    expect(result).toMatchObject({ status: 'ok', data: { jobId: 'job-1', duplicate: false } });
    const [receipt] = await sim.waitForReceipts(1);
    const commands = receipt?.commands ?? [];
    expect(commands.filter((c) => c.op === 'codepage')).toEqual([
      { op: 'codepage', n: 5, encoding: 'cp865' },
      { op: 'codepage', n: 17, encoding: 'cp866' },
    ]);
    expect(texts(commands)).toContainEqual({ text: '牛奶 1L', encoding: 'gb18030' });
    expect(texts(commands).map((t) => t.text)).toContain('Rødgrød med fløde      12,50');
    expect(texts(commands).map((t) => t.text)).toContain('Молоко 1 л             2,10');
    expect(commands).toContainEqual({ op: 'cjk', on: true });
    expect(commands.at(-1)).toEqual({ op: 'cut', partial: true });
    expect(receipt?.qr).toEqual(['https://shop.example/r/R-0001']);
    expect(receipt?.barcodes).toEqual(['R-0001']);
    expect(commands).toContainEqual({ op: 'raster', widthDots: 16, heightDots: 3 });
    expect(commands.some((c) => c.op === 'unknown')).toBe(false);
    expect(reporter.current).toMatchObject({ online: true, status: 'ok', detail: { paper: 'ok' } });
    // A person can look at it: text and image under the simulator's data dir (the image a little later).
    await sim.waitForImages(1);
    const files = readdirSync(join(dir, 'sim'));
    expect(files).toEqual(['receipt-00001.png', 'receipt-00001.txt']);
    expect(readFileSync(join(dir, 'sim', 'receipt-00001.txt'), 'utf8')).toContain('牛奶 1L');
  });

  it('decodes Big5 on a Taiwan model', async () => {
    const tw = new PrinterSimulator({ cjk: 'big5' });
    await tw.start();
    try {
      const { driver } = await driverFor(tw);
      await driver.execute(print('job-tw', sampleReceipt('big5')));
      const [receipt] = await tw.waitForReceipts(1);
      expect(texts(receipt?.commands ?? [])).toContainEqual({ text: '牛奶 1L', encoding: 'big5' });
    } finally {
      await tw.stop();
    }
  });

  it('prints a job once: a resend, even to a restarted driver host, replies ok without printing', async () => {
    const first = await driverFor(sim);
    await first.driver.execute(print('job-once'));
    expect(await first.driver.execute(print('job-once'))).toMatchObject({
      status: 'ok',
      data: { duplicate: true },
    });
    await first.driver.close();
    expect(existsSync(join(dir, 'host', 'printers', 'printer-1.jobs.json'))).toBe(true);
    const restarted = await driverFor(sim);
    expect(await restarted.driver.execute(print('job-once'))).toMatchObject({
      status: 'ok',
      data: { duplicate: true },
    });
    await restarted.driver.execute(print('job-two'));
    await sim.waitForReceipts(2);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sim.receipts).toHaveLength(2);
  });

  it('kicks the drawer on the pin asked for and reports the sensor', async () => {
    const { driver, reporter } = await driverFor(sim);
    expect(await driver.execute({ id: 'k1', action: 'kick', args: { pin: 5 } })).toMatchObject({
      status: 'ok',
    });
    await until(() => sim.kicks.length === 1);
    expect(sim.kicks).toEqual([5]);
    expect(sim.commands).toContainEqual({ op: 'kick', pin: 5, onMs: 100, offMs: 100 });
    await until(() => reporter.events.some((e) => e.type === 'drawer' && e.open));
    expect(reporter.current.detail).toMatchObject({ drawerOpen: true });
    sim.setDrawerOpen(false);
    await until(() => reporter.events.some((e) => e.type === 'drawer' && !e.open));
  });

  it('refuses a print when out of paper or the cover is open, and reports it as state', async () => {
    const { driver, reporter } = await driverFor(sim);
    sim.setPaper('out');
    expect(await driver.execute(print('job-p'))).toMatchObject({
      status: 'error',
      error: { code: 'PAPER_OUT' },
    });
    expect(reporter.current).toMatchObject({ status: 'error', detail: { paper: 'out' } });
    expect(reporter.events).toContainEqual(expect.objectContaining({ type: 'printer', paper: 'out' }));
    sim.setPaper('near_end');
    sim.setCoverOpen(true);
    expect(await driver.execute(print('job-p'))).toMatchObject({ error: { code: 'COVER_OPEN' } });
    sim.setCoverOpen(false);
    expect(await driver.execute(print('job-p'))).toMatchObject({ status: 'ok' });
    expect(reporter.current).toMatchObject({ status: 'warning', detail: { paper: 'near_end' } });
    await sim.waitForReceipts(1);
    expect(sim.discardedCommands).toBe(0);
  });

  it('replies OFFLINE while the printer is off and prints once it is back', async () => {
    const { driver, reporter } = await driverFor(sim);
    await sim.setOffline(true);
    expect(await driver.execute(print('job-o'))).toMatchObject({ error: { code: 'OFFLINE' } });
    expect(reporter.current).toMatchObject({ online: false, status: 'offline' });
    await sim.setOffline(false);
    await until(() => reporter.current.online === true);
    expect(await driver.execute(print('job-o'))).toMatchObject({ status: 'ok' });
    await sim.waitForReceipts(1);
  });

  it('follows automatic status back when the profile asks for it', async () => {
    const { driver, reporter } = await driverFor(sim, { statusMode: 'asb' });
    await until(() => reporter.current.status === 'ok');
    sim.setPaper('out');
    await until(() => reporter.current.status === 'error');
    expect(await driver.execute(print('job-a'))).toMatchObject({ error: { code: 'PAPER_OUT' } });
    sim.setPaper('ok');
    await until(() => reporter.current.status === 'ok');
    expect(await driver.execute(print('job-a'))).toMatchObject({ status: 'ok' });
  });
});
