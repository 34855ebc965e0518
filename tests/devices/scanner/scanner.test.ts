import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { DeviceEventPayload } from '../../../hub/contract/mqtt.js';
import { splitAim } from '../../../devices/scanner/aim.js';
import { ScannerDriver } from '../../../devices/scanner/driver.js';
import { ScannerSimulator } from '../../../devices/sim/scanner/simulator.js';
import type { LineEnding } from '../../../devices/transports/serial.js';
import { ptyPool } from '../../support/pty.js';

const ptys = ptyPool();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
afterAll(() => ptys.closeAll());

async function rig(suffix: LineEnding, simSuffix: 'CR' | 'LF' | 'CRLF', aim = true) {
  const pair = await ptys.open();
  const sim = new ScannerSimulator({ path: pair.simPath, suffix: simSuffix });
  await sim.start();
  const driver = new ScannerDriver({ serial: { path: pair.devicePath, baudRate: 9600 }, suffix, aim });
  const events: DeviceEventPayload[] = [];
  const states: unknown[] = [];
  await driver.open({ event: (e) => events.push(e), state: (s) => states.push(s), log: () => undefined });
  await driver.setEnabled(true);
  cleanups.push(async () => {
    await driver.close();
    await sim.stop();
  });
  return { sim, driver, events, states };
}

describe('AIM identifiers', () => {
  it('splits the symbology off the data', () => {
    expect(splitAim(']E05901234123457', true)).toEqual({ symbology: ']E0', data: '5901234123457' });
    expect(splitAim(']Q3010950123456789', true)).toEqual({ symbology: ']Q3', data: '010950123456789' });
    expect(splitAim(']E05901234123457', false)).toEqual({ symbology: null, data: ']E05901234123457' });
    expect(splitAim('5901234123457', true)).toEqual({ symbology: null, data: '5901234123457' });
  });
});

describe('scanner driver over a pty', () => {
  it.each([
    ['CR', 'CR'],
    ['LF', 'LF'],
    ['CRLF', 'CRLF'],
    ['any', 'CRLF'],
    ['any', 'CR'],
  ] as const)('suffix %s reads a scanner sending %s', async (suffix, simSuffix) => {
    const { sim, events } = await rig(suffix, simSuffix);
    await sim.scan('5901234123457', ']E0');
    await sim.scan('12345670', ']E4');
    await expect.poll(() => events.length).toBe(2);
    expect(events[0]).toMatchObject({ type: 'scan', symbology: ']E0', data: '5901234123457' });
    expect(events[1]).toMatchObject({ type: 'scan', symbology: ']E4', data: '12345670' });
  });

  it('keeps GS separators of a GS1-128 scan', async () => {
    const { sim, events } = await rig('CR', 'CR');
    await sim.scan('0109501101530003\x1d10ABC123\x1d3103000750', ']C1');
    await expect
      .poll(() => events[0])
      .toMatchObject({
        symbology: ']C1',
        data: '0109501101530003\x1d10ABC123\x1d3103000750',
      });
  });

  it('reassembles a scan split over writes and reads UTF-8 QR text', async () => {
    const { sim, events } = await rig('CR', 'CR');
    await sim.writeRaw(Buffer.from(']Q1https://x.example/ø', 'utf8'));
    await new Promise((r) => setTimeout(r, 50));
    await sim.writeRaw(Buffer.from('?a=1\r'));
    await expect.poll(() => events[0]).toMatchObject({ symbology: ']Q1', data: 'https://x.example/ø?a=1' });
  });

  it('drops and counts scans while disabled, and over-long frames', async () => {
    const { sim, driver, events } = await rig('CR', 'CR');
    await driver.setEnabled(false);
    await sim.scan('111');
    await expect
      .poll(async () => (await driver.execute({ id: 's', action: 'status', args: {} })).data)
      .toMatchObject({ dropped: 1 });
    await driver.setEnabled(true);
    await sim.scan('9'.repeat(300));
    await sim.scan('222');
    await expect.poll(() => events.length).toBe(1);
    expect(events[0]).toMatchObject({ data: '222' });
    expect((await driver.execute({ id: 's', action: 'status', args: {} })).data).toMatchObject({
      invalid: 1,
      scans: 1,
    });
  });
});
