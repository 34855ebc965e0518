import { createAdaptorServer } from '@hono/node-server';
import { execFile } from 'node:child_process';
import type { Server } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevicesModule } from '../../../hub/services/devices/devices-module.js';
import { seedAccess, type AccessFixture } from '../../support/access-fixtures.js';
import {
  addTechnician,
  startDevices,
  TECH_LOGIN,
  TECH_PASSWORD,
  type FakeBus,
} from '../../support/device-fixtures.js';
import { createTestContext, type TestContext } from '../../support/hub-context.js';
import { buildTestApp } from '../../support/test-app.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const run = promisify(execFile);

/**
 * The CLI as a technician runs it (a separate node process, `npm run devices` minus npm) against the real
 * HTTP app on a loopback port: login with cookie and CSRF token, then every command.
 */
describe('npm run devices (CLI)', () => {
  let ctx: TestContext;
  let fx: AccessFixture;
  let module: DevicesModule;
  let bus: FakeBus;
  let server: Server;
  let hubUrl: string;

  beforeAll(async () => {
    ctx = createTestContext();
    fx = seedAccess(ctx);
    addTechnician(ctx);
    const access = buildTestApp(ctx).access;
    ({ module, bus } = await startDevices(ctx, access));
    const { app } = buildTestApp(ctx, module.api);
    server = createAdaptorServer({ fetch: app.fetch });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    hubUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await module.stop();
    ctx.close();
  });

  const cli = async (...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> => {
    try {
      const { stdout, stderr } = await run(
        process.execPath,
        ['--import', 'tsx', 'provisioning/cli.ts', ...args],
        {
          cwd: ROOT,
          env: { ...process.env, HUB_URL: hubUrl, HUB_LOGIN: TECH_LOGIN, HUB_PASSWORD: TECH_PASSWORD },
        },
      );
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };

  it('registers, lists, tests, rotates and revokes a printer', async () => {
    const transport = JSON.stringify({ type: 'tcp', host: '192.168.1.50', port: 9100 });
    const reg = await cli(
      'register',
      '--kind=printer',
      '--name=Front printer',
      '--profile=epson-tm-t20iii',
      `--transport=${transport}`,
      `--till=${fx.till.tillId}`,
      '--role=receipt_printer',
    );
    expect(reg.stderr).toBe('');
    expect(reg.code).toBe(0);
    const id = /username\s+(\S+)/.exec(reg.stdout)?.[1] ?? '';
    const secret = /password\s+(\S+)/.exec(reg.stdout)?.[1] ?? '';
    expect(secret).toHaveLength(43);
    expect(await module.service.authenticateDevice(id, secret)).toBe(true);

    const list = await cli('list');
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(new RegExp(`${id}\\s+printer\\s+Front printer\\s+active`));

    bus.answer(id, (cmd) => ({ id: cmd.id, status: 'ok' }));
    const test = await cli('test', id, '--action=print');
    expect(test).toMatchObject({ code: 0 });
    expect(test.stdout).toContain('Test print: OK');

    const rotate = await cli('rotate', id);
    expect(rotate.code).toBe(0);
    expect(await module.service.authenticateDevice(id, secret)).toBe(false);

    const revoke = await cli('revoke', id);
    expect(revoke.stdout).toContain('Status      revoked');
    const again = await cli('revoke', id);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('Error DEVICE_REVOKED');
  }, 90_000);

  it('exits non-zero with the hub message on refused input, and 2 on bad usage', async () => {
    const bad = await cli(
      'register',
      '--kind=toaster',
      '--name=x',
      '--profile=p',
      '--transport={"type":"tcp"}',
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/Error VALIDATION_FAILED: The request is not valid: kind/);
    const silentScale = await cli('test', '0190a0a0-0000-7000-8000-000000000000', '--action=read');
    expect(silentScale.code).toBe(1);
    expect(silentScale.stderr).toContain('Error NOT_FOUND');
    expect((await cli('frobnicate')).code).toBe(2);
    expect((await cli('register', '--kind=printer')).code).toBe(2);
  }, 90_000);
});
