import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { DeviceEventPayload } from '../../../hub/contract/mqtt.js';
import type { DriverReporter } from '../../../devices/driver.js';
import { ScaleDriver } from '../../../devices/scale/driver.js';
import type { ScaleProtocolName } from '../../../devices/scale/protocol.js';
import { ScaleSimulator } from '../../../devices/sim/scale/simulator.js';
import { ptyPool } from '../../support/pty.js';

const ptys = ptyPool();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
afterAll(() => ptys.closeAll());

function reporter() {
  const events: DeviceEventPayload[] = [];
  const states: unknown[] = [];
  const r: DriverReporter = {
    event: (e) => events.push(e),
    state: (s) => states.push(s),
    log: () => undefined,
  };
  return { r, events, states };
}

async function rig(protocol: ScaleProtocolName, unit: 'kg' | 'lb' = 'kg') {
  const pair = await ptys.open();
  const sim = new ScaleSimulator({ path: pair.simPath, protocol, unit });
  await sim.start();
  const driver = new ScaleDriver({
    serial: { path: pair.devicePath, baudRate: 9600 },
    protocol,
    unit,
    impliedDecimals: unit === 'kg' ? 3 : 2,
    answerTimeoutMs: 300,
    pollIntervalMs: 30,
  });
  const rep = reporter();
  await driver.open(rep.r);
  cleanups.push(async () => {
    await driver.close();
    await sim.stop();
  });
  return { sim, driver, ...rep };
}

const read = (stableOnly = true, timeoutMs = 600) =>
  ({ id: 'c1', action: 'read', args: { stableOnly, timeoutMs } }) as const;

describe.each(['toledo8217', 'nci', 'cas'] as const)('scale driver over a pty, %s', (protocol) => {
  it('reads a stable weight in grams', async () => {
    const { sim, driver } = await rig(protocol);
    sim.setWeight(1234);
    expect(await driver.execute(read())).toEqual({
      id: 'c1',
      status: 'ok',
      data: { grams: 1234, stable: true, tareGrams: 0 },
    });
  });

  it('answers WEIGHT_UNSTABLE while the weight moves, then the weight once it settles', async () => {
    const { sim, driver } = await rig(protocol);
    sim.setWeight(500, false);
    expect(await driver.execute(read(true, 200))).toMatchObject({
      status: 'error',
      error: { code: 'WEIGHT_UNSTABLE' },
    });
    setTimeout(() => sim.setStable(true), 150);
    expect(await driver.execute(read(true, 2000))).toMatchObject({
      status: 'ok',
      data: { grams: 500, stable: true },
    });
  });

  it('answers OVER_CAPACITY without waiting out the timeout', async () => {
    const { sim, driver } = await rig(protocol);
    sim.setWeight(20_000);
    expect(await driver.execute(read(true, 5000))).toMatchObject({
      status: 'error',
      error: { code: 'OVER_CAPACITY' },
    });
    // One request was enough: the driver did not keep polling a steady overload.
    expect(sim.requests).toBeLessThanOrEqual(protocol === 'cas' ? 2 : 1);
  });

  it('answers TIMEOUT when the scale is silent', async () => {
    const { sim, driver } = await rig(protocol);
    sim.setSilent(true);
    expect(await driver.execute(read(true, 100))).toMatchObject({ error: { code: 'TIMEOUT' } });
    expect((await driver.health()).ok).toBe(false);
  });
});

describe('scale zero, tare, units and events', () => {
  it.each(['toledo8217', 'nci'] as const)(
    '%s: tare then read the net weight; zero clears',
    async (protocol) => {
      const { sim, driver } = await rig(protocol);
      sim.setWeight(150);
      expect(await driver.execute({ id: 't', action: 'tare', args: {} })).toMatchObject({
        status: 'ok',
        data: { tareGrams: 150, grams: 0 },
      });
      sim.setWeight(1150);
      expect(await driver.execute(read())).toMatchObject({ data: { grams: 1000, tareGrams: 150 } });
      sim.setWeight(20);
      expect(await driver.execute({ id: 'z', action: 'zero', args: {} })).toMatchObject({
        status: 'ok',
        data: { tareGrams: 0 },
      });
      expect(sim.netGrams).toBe(0);
      sim.setWeight(20, false);
      expect(await driver.execute({ id: 'z2', action: 'zero', args: {} })).toMatchObject({
        error: { code: 'WEIGHT_UNSTABLE' },
      });
    },
  );

  it('UNDER_ZERO when the platter reads below zero', async () => {
    const { sim, driver } = await rig('toledo8217');
    sim.setWeight(100);
    await driver.execute({ id: 'z', action: 'zero', args: {} });
    sim.setWeight(40);
    expect(await driver.execute(read())).toMatchObject({ error: { code: 'UNDER_ZERO' } });
  });

  it('CAS has no zero or tare over the ECR protocol', async () => {
    const { driver } = await rig('cas');
    expect(await driver.execute({ id: 'z', action: 'zero', args: {} })).toMatchObject({
      error: { code: 'NOT_SUPPORTED' },
    });
  });

  it.each(['toledo8217', 'nci', 'cas'] as const)('%s in lb converts to grams', async (protocol) => {
    const { sim, driver } = await rig(protocol, 'lb');
    sim.setWeight(1134); // 2.50 lb on the wire
    expect(await driver.execute(read())).toMatchObject({ data: { grams: 1134 } });
  });

  it('emits weight events on change while enabled, and none while disabled', async () => {
    const { sim, driver, events } = await rig('nci');
    sim.setWeight(300);
    await new Promise((r) => setTimeout(r, 150));
    expect(events).toHaveLength(0);
    await driver.setEnabled(true);
    await expect.poll(() => events.length).toBeGreaterThan(0);
    sim.setWeight(700, false);
    await expect
      .poll(() => events.some((e) => e.type === 'weight' && e.grams === 700 && !e.stable))
      .toBe(true);
    sim.setStable(true);
    await expect
      .poll(() => events.at(-1))
      .toMatchObject({ type: 'weight', grams: 700, stable: true, condition: 'ok' });
    const count = events.length;
    await new Promise((r) => setTimeout(r, 150));
    expect(events).toHaveLength(count);
  });

  it('gives one holder exclusive use', async () => {
    const { driver } = await rig('toledo8217');
    expect(await driver.claim('till-1', 10)).toBe(true);
    expect(await driver.claim('till-2', 50)).toBe(false);
    const waiting = driver.claim('till-2', 1000);
    await driver.release('till-1');
    expect(await waiting).toBe(true);
  });
});
