import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ScannerSimulator } from '../../../devices/sim/scanner/simulator.js';
import { ptyPool } from '../../support/pty.js';
import { startHostBroker } from './broker.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const ptys = ptyPool();
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
afterAll(() => ptys.closeAll());

function runAgent(args: string[]): {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
} {
  // node --import tsx runs the agent in this very process, so SIGKILL kills the MQTT connection's owner.
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'devices', 'host', 'agent.ts'), ...args],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

function configFile(content: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'agent-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'agent.json');
  writeFileSync(file, JSON.stringify(content));
  return file;
}

describe('lane agent process', () => {
  it('runs devices from agent.json; when SIGKILLed the last will marks them offline', async () => {
    const broker = await startHostBroker({ 'scanner-7': 'lane-secret-7' });
    cleanups.push(() => broker.close());
    const pair = await ptys.open();
    const sim = new ScannerSimulator({ path: pair.simPath });
    await sim.start();
    cleanups.push(() => sim.stop());
    const config = configFile({
      devices: [
        {
          id: 'scanner-7',
          secret: 'lane-secret-7',
          kind: 'scanner',
          profile: 'honeywell-voyager-1450g',
          transport: { type: 'serial', path: pair.devicePath },
        },
      ],
    });
    const agent = runAgent(['--hub', broker.url, '--store', 'store-1', '--config', config]);
    cleanups.push(() => void agent.child.kill('SIGKILL'));
    await expect
      .poll(() => broker.lastState('scanner-7'), { timeout: 20_000 })
      .toMatchObject({ online: true, status: 'ok' });
    await sim.scan('4006381333931', ']E0');
    await expect
      .poll(() => broker.on('scanner-7', 'event'))
      .toContainEqual(expect.objectContaining({ data: '4006381333931' }));

    agent.child.kill('SIGKILL');
    await agent.exited;
    await expect
      .poll(() => broker.lastState('scanner-7'), { timeout: 10_000 })
      .toMatchObject({ online: false, status: 'offline' });
  });

  it('refuses a bad config naming the field', async () => {
    const config = configFile({
      devices: [
        {
          id: 'x/y',
          secret: 'short',
          kind: 'scale',
          profile: 'p',
          transport: { type: 'serial', path: '/dev/null' },
        },
      ],
    });
    const agent = runAgent(['--hub', 'mqtt://127.0.0.1:1', '--store', 'store-1', '--config', config]);
    expect(await agent.exited).toBe(2);
    expect(agent.output()).toContain('devices.0.id');
  });

  it('refuses an unknown profile before connecting', async () => {
    const config = configFile({
      devices: [
        {
          id: 'scale-9',
          secret: 'long-enough',
          kind: 'scale',
          profile: 'no-such-scale',
          transport: { type: 'serial', path: '/dev/null' },
        },
      ],
    });
    const agent = runAgent(['--hub', 'mqtt://127.0.0.1:1', '--store', 'store-1', '--config', config]);
    expect(await agent.exited).toBe(2);
    expect(agent.output()).toContain('no-such-scale');
  });
});
