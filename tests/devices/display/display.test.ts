import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { DeviceCommandPayload } from '../../../hub/contract/mqtt.js';
import { DisplayDriver } from '../../../devices/display/driver.js';
import { fitLine, type DisplayCodePage } from '../../../devices/display/text.js';
import { DisplaySimulator } from '../../../devices/sim/display/simulator.js';
import { ptyPool } from '../../support/pty.js';

const ptys = ptyPool();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
afterAll(() => ptys.closeAll());

async function rig(codePage: DisplayCodePage = 'cp437') {
  const pair = await ptys.open();
  const sim = new DisplaySimulator(pair.simPath);
  await sim.start();
  const driver = new DisplayDriver({ serial: { path: pair.devicePath, baudRate: 9600 }, codePage });
  await driver.open({ event: () => undefined, state: () => undefined, log: () => undefined });
  cleanups.push(async () => {
    await driver.close();
    await sim.stop();
  });
  return { sim, driver };
}

const show = (a: string, b: string): DeviceCommandPayload => ({
  id: 'd',
  action: 'show',
  args: { lines: [a, b] },
});

describe('line text', () => {
  it('pads, truncates and strips control characters', () => {
    expect(fitLine('Milk', 20, 'cp437').toString('latin1')).toBe('Milk'.padEnd(20));
    expect(fitLine('A'.repeat(25), 20, 'cp437')).toHaveLength(20);
    expect(fitLine('a\x1b@b\x0cc', 20, 'cp437').toString('latin1').trimEnd()).toBe('a @b c');
  });
});

describe('pole display driver over a pty', () => {
  it('shows two lines as the customer sees them', async () => {
    const { sim, driver } = await rig();
    expect(await driver.execute(show('Bananas 1.234 kg', 'TOTAL        12.50'))).toMatchObject({
      status: 'ok',
    });
    await expect.poll(() => sim.lines).toEqual(['Bananas 1.234 kg    ', 'TOTAL        12.50  ']);
    await driver.execute(show('A much longer product name here', ''));
    await expect.poll(() => sim.lines).toEqual(['A much longer produc', ' '.repeat(20)]);
  });

  it('clears', async () => {
    const { sim, driver } = await rig();
    await driver.execute(show('x', 'y'));
    await expect.poll(() => sim.lines[0]?.trim()).toBe('x');
    await driver.execute({ id: 'c', action: 'clear', args: {} });
    await expect.poll(() => sim.lines).toEqual([' '.repeat(20), ' '.repeat(20)]);
  });

  it('uses the profile code page and transliterates what it lacks', async () => {
    const nordic = await rig('cp865');
    await nordic.driver.execute(show('Rødgrød med fløde', 'Smørrebrød € 5'));
    await expect
      .poll(() => nordic.sim.lines.map((l) => l.trimEnd()))
      .toEqual(['Rødgrød med fløde', 'Smørrebrød EUR 5']);
    const cyrillic = await rig('cp866');
    await cyrillic.driver.execute(show('Хліб житній', 'Їжа'));
    // cp866 has Cyrillic and Ї but no Cyrillic і, which becomes a Latin i
    await expect.poll(() => cyrillic.sim.lines.map((l) => l.trimEnd())).toEqual(['Хлiб житнiй', 'Їжа']);
    const latin = await rig('cp437');
    await latin.driver.execute(show('Kaffee groß', 'Хліб'));
    await expect.poll(() => latin.sim.lines.map((l) => l.trimEnd())).toEqual(['Kaffee groß', 'Khlib']);
  });
});
