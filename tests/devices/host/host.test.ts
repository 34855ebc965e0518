import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startDemoSerialDevices, type DemoSerialDevices } from '../../../devices/host/demo-serial.js';
import { DriverHost } from '../../../devices/host/driver-host.js';
import { ScannerSimulator } from '../../../devices/sim/scanner/simulator.js';
import { ptyPool, requireSocat } from '../../support/pty.js';
import { freePort } from '../../support/hub-process.js';
import { startHostBroker } from './broker.js';

const CREDS = { 'scale-1': 'secret-scale', 'scanner-1': 'secret-scanner', 'display-1': 'secret-display' };
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
const ptys = ptyPool();
afterAll(() => ptys.closeAll());

async function demoRig() {
  requireSocat();
  const broker = await startHostBroker(CREDS);
  const demo: DemoSerialDevices = await startDemoSerialDevices();
  const host = new DriverHost({
    brokerUrl: broker.url,
    store: 'store-1',
    devices: (['scale', 'scanner', 'display'] as const).map((kind) =>
      demo.deviceConfig(kind, { id: `${kind}-1`, secret: CREDS[`${kind}-1`] }),
    ),
    healthIntervalMs: 200,
    backoff: { initialMs: 50, maxMs: 400 },
  });
  host.start();
  cleanups.push(
    () => broker.close(),
    () => demo.close(),
    () => host.stop(),
  );
  for (const id of Object.keys(CREDS)) {
    await expect
      .poll(() => broker.lastState(id), { timeout: 10_000 })
      .toMatchObject({ online: true, status: 'ok' });
  }
  return { broker, demo, host };
}

describe('driver host against the hub broker', () => {
  it('publishes retained state from the profile, events from the devices and replies to commands', async () => {
    const { broker, demo } = await demoRig();
    // Retained: a subscriber arriving now still gets the state.
    const late: unknown[] = [];
    await broker.broker.messageBus.subscribe('pos/store-1/devices/scale-1/state', 'late', (_t, payload) =>
      late.push(JSON.parse(payload.toString('utf8'))),
    );
    expect(late[0]).toMatchObject({ online: true, status: 'ok' });
    expect(broker.lastState('scale-1')).toMatchObject({
      profile: 'mettler-toledo-ariva-s',
      model: 'Mettler Toledo Ariva-S',
    });

    await demo.scanner.sim.scan('5901234123457', ']E0');
    await expect
      .poll(() => broker.on('scanner-1', 'event'))
      .toContainEqual(expect.objectContaining({ type: 'scan', data: '5901234123457', symbology: ']E0' }));

    demo.scale.sim.setWeight(1234);
    await broker.command('scale-1', {
      id: 'r1',
      action: 'read',
      args: { stableOnly: true, timeoutMs: 2000, holder: 'till-1' },
    });
    await expect
      .poll(() => broker.on('scale-1', 'reply'))
      .toContainEqual({ id: 'r1', status: 'ok', data: { grams: 1234, stable: true, tareGrams: 0 } });
    await expect
      .poll(() => broker.on('scale-1', 'event'))
      .toContainEqual(expect.objectContaining({ type: 'weight', grams: 1234, stable: true }));

    await broker.command('display-1', {
      id: 'd1',
      action: 'show',
      args: { lines: ['Bananas', 'TOTAL 2.40'] },
    });
    await expect
      .poll(() => demo.display.sim.lines.map((l) => l.trimEnd()))
      .toEqual(['Bananas', 'TOTAL 2.40']);
    expect(broker.on('display-1', 'reply')).toContainEqual({ id: 'd1', status: 'ok', data: {} });
  });

  it('answers malformed commands that carry an id, drops and counts the rest, and keeps serving', async () => {
    const { broker, host } = await demoRig();
    await broker.command('display-1', { id: 'bad', action: 'show', args: { lines: 'nope' } });
    await broker.command('display-1', { action: 'show' });
    await broker.broker.messageBus.publish('pos/store-1/devices/display-1/cmd', Buffer.from('{{{'));
    await broker.command('display-1', { id: 'unknown-action', action: 'explode', args: {} });
    await broker.command('display-1', { id: 'ok', action: 'clear', args: {} });
    await expect
      .poll(() => broker.on('display-1', 'reply').map((r) => [r.id, r.status]))
      .toEqual([
        ['bad', 'error'],
        ['unknown-action', 'error'],
        ['ok', 'ok'],
      ]);
    expect(broker.on('display-1', 'reply')[0]).toMatchObject({ error: { code: 'BAD_COMMAND' } });
    expect(host.states()['display-1']?.counters).toMatchObject({ malformedCommands: 2 });
    await broker.command('scanner-1', { id: 'not-for-scanner', action: 'read', args: {} });
    await expect
      .poll(() => broker.on('scanner-1', 'reply'))
      .toContainEqual(
        expect.objectContaining({
          id: 'not-for-scanner',
          error: { code: 'NOT_SUPPORTED', message: 'a scanner cannot read' },
        }),
      );
  });

  it('reconnects with backoff after the broker restarts and republishes its retained state', async () => {
    const { broker } = await demoRig();
    const port = broker.port;
    await broker.close();
    // A new broker on the same port knows no retained messages: any state it holds was republished.
    const again = await startHostBroker(CREDS, port);
    cleanups.push(() => again.close());
    for (const id of Object.keys(CREDS)) {
      await expect
        .poll(() => again.lastState(id), { timeout: 15_000 })
        .toMatchObject({ online: true, status: 'ok' });
    }
    expect(
      Number((again.lastState('scale-1')?.counters as Record<string, number>).reconnects),
    ).toBeGreaterThan(0);
    // and it is subscribed again
    await again.command('display-1', { id: 'after', action: 'clear', args: {} });
    await expect
      .poll(() => again.on('display-1', 'reply'))
      .toContainEqual({ id: 'after', status: 'ok', data: {} });
  });

  it('reports a serial port that disappears and reopens it with backoff when it is back', async () => {
    const broker = await startHostBroker(CREDS);
    const dir = mkdtempSync(join(tmpdir(), 'host-serial-'));
    const link = join(dir, 'ttyScanner');
    const host = new DriverHost({
      brokerUrl: broker.url,
      store: 'store-1',
      devices: [
        {
          id: 'scanner-1',
          secret: CREDS['scanner-1'],
          kind: 'scanner',
          profile: 'honeywell-voyager-1450g',
          transport: { type: 'serial', path: link },
        },
      ],
      healthIntervalMs: 100,
      backoff: { initialMs: 50, maxMs: 300 },
    });
    host.start();
    cleanups.push(
      () => {
        rmSync(dir, { recursive: true, force: true });
        return Promise.resolve();
      },
      () => broker.close(),
      () => host.stop(),
    );
    await expect.poll(() => broker.lastState('scanner-1')).toMatchObject({ online: false, status: 'error' });
    expect(String((broker.lastState('scanner-1')?.errors as string[])[0])).toContain(link);

    const first = await ptys.open();
    symlinkSync(first.devicePath, link);
    await expect
      .poll(() => broker.lastState('scanner-1'), { timeout: 10_000 })
      .toMatchObject({ online: true, status: 'ok' });

    // Unplugged: the pty vanishes.
    rmSync(link);
    await first.close();
    await expect
      .poll(() => broker.lastState('scanner-1'), { timeout: 10_000 })
      .toMatchObject({ online: false, status: 'error' });

    const second = await ptys.open();
    symlinkSync(second.devicePath, link);
    await expect
      .poll(() => broker.lastState('scanner-1'), { timeout: 10_000 })
      .toMatchObject({ online: true, status: 'ok' });
    const sim = new ScannerSimulator({ path: second.simPath });
    await sim.start();
    cleanups.push(() => sim.stop());
    await sim.scan('after-replug');
    await expect
      .poll(() => broker.on('scanner-1', 'event'))
      .toContainEqual(expect.objectContaining({ data: 'after-replug' }));
    expect(
      Number((broker.lastState('scanner-1')?.counters as Record<string, number>).reopens),
    ).toBeGreaterThan(0);
  });

  it('gives the weighing till the scale to itself: another till waits for it', async () => {
    const { broker, demo } = await demoRig();
    demo.scale.sim.setWeight(800, false);
    await broker.command('scale-1', {
      id: 'w1',
      action: 'read',
      args: { stableOnly: true, timeoutMs: 600, holder: 'till-1' },
    });
    await broker.command('scale-1', { id: 'z2', action: 'zero', args: { holder: 'till-2' } });
    setTimeout(() => demo.scale.sim.setStable(true), 300);
    await expect.poll(() => broker.on('scale-1', 'reply').map((r) => r.id)).toEqual(['w1', 'z2']);
    expect(broker.on('scale-1', 'reply')[0]).toMatchObject({ status: 'ok', data: { grams: 800 } });
  });

  it('keeps trying when the broker is not there yet and connects once it is', async () => {
    const port = await freePort();
    const demo = await startDemoSerialDevices();
    const host = new DriverHost({
      brokerUrl: `mqtt://127.0.0.1:${port}`,
      store: 'store-1',
      devices: [demo.deviceConfig('display', { id: 'display-1', secret: CREDS['display-1'] })],
      backoff: { initialMs: 50, maxMs: 200 },
    });
    host.start();
    cleanups.push(
      () => demo.close(),
      () => host.stop(),
    );
    await expect.poll(() => host.states()['display-1']?.counters.reconnects).toBeGreaterThan(2);
    const broker = await startHostBroker(CREDS, port);
    cleanups.push(() => broker.close());
    await expect
      .poll(() => broker.lastState('display-1'), { timeout: 10_000 })
      .toMatchObject({ online: true });
  });

  it('stop() says offline itself and leaves nothing running', async () => {
    const { broker, host } = await demoRig();
    await host.stop();
    for (const id of Object.keys(CREDS))
      expect(broker.lastState(id)).toMatchObject({ online: false, status: 'offline' });
    await expect.poll(() => broker.broker.stats().connections.device).toBe(0);
  });
});
