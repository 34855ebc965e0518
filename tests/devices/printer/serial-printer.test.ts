import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSerialPrinterDriver } from '../../../devices/printer/index.js';
import type { DecodedCommand } from '../../../devices/sim/printer/decoder.js';
import { PrinterSimulator } from '../../../devices/sim/printer/simulator.js';
import { SerialTransport } from '../../../devices/transports/serial.js';
import { ptyPool } from '../../support/pty.js';
import { RecordingReporter, until } from './fake-reporter.js';
import { sampleReceipt } from './sample-bytes.js';

const ptys = ptyPool();
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  await ptys.closeAll();
});

describe('a serial receipt printer on a pseudo-terminal pair', () => {
  it('prints, answers DLE EOT over the wire, refuses without paper and remembers printed jobs', async () => {
    const pair = await ptys.open();
    const sim = new PrinterSimulator({ images: false });
    const simPort = new SerialTransport({ path: pair.simPath, baudRate: 38400 });
    await simPort.open();
    simPort.on('data', sim.attach({ write: (bytes) => void simPort.write(bytes) }));
    cleanups.push(() => simPort.close());
    const dir = mkdtempSync(join(tmpdir(), 'serial-printer-'));
    cleanups.push(() => {
      rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    });
    const driver = createSerialPrinterDriver({
      deviceId: 'serial-1',
      model: 'TM-T88VI',
      profile: 'epson-tm-t88vi',
      dataDir: dir,
      pollIntervalMs: 200,
      serial: { path: pair.devicePath, baudRate: 38400 },
    });
    const reporter = new RecordingReporter();
    await driver.open(reporter);
    cleanups.push(() => driver.close());
    expect(reporter.current).toMatchObject({ online: true, status: 'ok' });

    const data = sampleReceipt().toString('base64');
    expect(await driver.execute({ id: 'a', action: 'print', args: { jobId: 'j1', data } })).toMatchObject({
      status: 'ok',
    });
    const [receipt] = await sim.waitForReceipts(1);
    const texts = (receipt?.commands ?? []).flatMap((c: DecodedCommand) => (c.op === 'text' ? [c.text] : []));
    expect(texts).toContain('牛奶 1L');
    expect(await driver.execute({ id: 'b', action: 'print', args: { jobId: 'j1', data } })).toMatchObject({
      data: { duplicate: true },
    });

    sim.setPaper('out');
    expect(await driver.execute({ id: 'c', action: 'print', args: { jobId: 'j2', data } })).toMatchObject({
      error: { code: 'PAPER_OUT' },
    });
    await until(() => reporter.current.status === 'error');
    expect(sim.receipts).toHaveLength(1);
  });
});
