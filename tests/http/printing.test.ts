import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeviceCommandPayload } from '../../hub/contract/mqtt.js';
import { newId } from '../../hub/ids.js';
import { AccessService } from '../../hub/services/access/access-service.js';
import { createCashModule } from '../../hub/services/cash/module.js';
import { createPrintingModule, type PrintingModule } from '../../hub/services/printing/module.js';
import { SettingsService } from '../../hub/services/settings/settings-service.js';
import {
  CASHIER_PIN,
  MANAGER_LOGIN,
  MANAGER_PASSWORD,
  SUPERVISOR_PIN,
  seedAccess,
  type AccessFixture,
} from '../support/access-fixtures.js';
import { createTestContext, type TestContext } from '../support/hub-context.js';
import { buildTestApp, loginAdmin, loginAtTill, tillHeaders, type TestApp } from '../support/test-app.js';
import { fakeReceipt } from '../services/printing/rig.js';

let ctx: TestContext;
let seed: AccessFixture;
let t: TestApp;
let printing: PrintingModule;
let sent: { deviceId: string; command: DeviceCommandPayload }[];
let rendered: { saleId: string; copy: boolean }[];
const asCashier = () => loginAtTill(t.access, seed.till, seed.cashierId, CASHIER_PIN);
const override = () => ({ supervisorId: seed.supervisorId, pin: SUPERVISOR_PIN });
const audit = (action: string) =>
  ctx.db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM audit_log WHERE action = ?').get(action)
    ?.n;

beforeEach(() => {
  ctx = createTestContext();
  seed = seedAccess(ctx);
  const settings = new SettingsService(ctx);
  settings.ensureSetUp();
  const access = new AccessService(ctx);
  const cash = createCashModule(ctx, { access, settings });
  sent = [];
  rendered = [];
  printing = createPrintingModule(ctx, {
    access,
    cash: cash.service,
    directory: {
      receiptPrinterOf: (tillId) =>
        tillId === seed.till.tillId
          ? { deviceId: 'printer-1', profileId: 'epson-tm-t20iii', drawerPin: 2 }
          : null,
      // Offline: jobs stay queued, so these tests see exactly what the API recorded.
      isOnline: () => false,
    },
    commander: {
      sendCommand: (deviceId, command) => {
        sent.push({ deviceId, command });
        return Promise.resolve({ id: command.id, status: 'ok', data: {} });
      },
    },
    receipts: {
      renderSale: (saleId, o) => {
        rendered.push({ saleId, copy: o.copy });
        return fakeReceipt(saleId, o.copy);
      },
    },
    autoPrintReceipts: () => true,
  });
  printing.start();
  t = buildTestApp(ctx, [...cash.api, ...printing.api]);
});

afterEach(() => {
  printing.stop();
  ctx.close();
});

async function body<T = Record<string, unknown>>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

describe('printing over HTTP', () => {
  it('prints a sale never printed as the original, then as COPY jobs, audited; a till without staff gets 401', async () => {
    const saleId = newId();
    const headers = asCashier();
    const first = await t.call('POST', `/sales/${saleId}/print`, { headers });
    expect(first.status).toBe(202);
    expect(await body(first)).toMatchObject({
      kind: 'receipt',
      status: 'queued',
      saleId,
      deviceId: 'printer-1',
    });
    const res = await t.call('POST', `/sales/${saleId}/print`, { headers });
    expect(res.status).toBe(202);
    expect(await body(res)).toMatchObject({ kind: 'copy', status: 'queued', saleId, deviceId: 'printer-1' });
    expect(rendered).toEqual([
      { saleId, copy: false },
      { saleId, copy: true },
    ]);
    expect(audit('receipt.print')).toBe(1);
    expect(audit('receipt.reprint')).toBe(1);
    const anonymous = await t.call('POST', `/sales/${saleId}/print`, { headers: tillHeaders(seed.till) });
    expect(anonymous.status).toBe(401);
  });

  it('opens the drawer as a no-sale in the open cash session, with an override, kicking once per request', async () => {
    const session = await t.call('POST', '/cash-sessions', {
      headers: asCashier(),
      body: { id: newId(), totalMinor: 10000 },
    });
    expect(session.status).toBe(201);
    const path = `/tills/${seed.till.tillId}/drawer/open`;
    const denied = await t.call('POST', path, {
      headers: asCashier(),
      body: { id: newId(), reason: 'change' },
    });
    expect(denied.status).toBe(403);
    expect(sent).toHaveLength(0);

    const id = newId();
    const request = { id, reason: 'change for a customer', override: override() };
    const res = await t.call('POST', path, { headers: asCashier(), body: request });
    expect(res.status).toBe(200);
    expect(await body(res)).toEqual({
      tillId: seed.till.tillId,
      movementId: id,
      kick: { outcome: 'kicked', error: null },
    });
    expect(sent).toEqual([
      {
        deviceId: 'printer-1',
        command: expect.objectContaining({ action: 'kick', args: { pin: 2 } }) as unknown,
      },
    ]);
    const movement = ctx.db
      .prepare<[string], { kind: string; amount_minor: number }>(
        'SELECT kind, amount_minor FROM cash_movements WHERE id = ?',
      )
      .get(id);
    expect(movement).toEqual({ kind: 'no_sale', amount_minor: 0 });

    const retry = await t.call('POST', path, { headers: asCashier(), body: request });
    expect(await body(retry)).toMatchObject({ movementId: id, kick: { outcome: 'repeated' } });
    expect(sent).toHaveLength(1);
  });

  it('opens the drawer without a cash session: authorized and audited, no movement', async () => {
    const res = await t.call('POST', `/tills/${seed.till.tillId}/drawer/open`, {
      headers: asCashier(),
      body: { id: newId(), reason: 'jammed coin', override: override() },
    });
    expect(res.status).toBe(200);
    expect(await body(res)).toMatchObject({ movementId: null, kick: { outcome: 'kicked' } });
    expect(audit('drawer.open')).toBe(1);
  });

  it('refuses another till’s drawer and a body with unknown fields', async () => {
    const other = await t.call('POST', `/tills/${newId()}/drawer/open`, {
      headers: asCashier(),
      body: { id: newId(), reason: 'x', override: override() },
    });
    expect(other.status).toBe(403);
    const typo = await t.call('POST', `/tills/${seed.till.tillId}/drawer/open`, {
      headers: asCashier(),
      body: { id: newId(), reason: 'x', overide: override() },
    });
    expect(typo.status).toBe(400);
    expect(sent).toHaveLength(0);
  });

  it('lists jobs newest first with pagination, and retries a failed job', async () => {
    const sales = [newId(), newId(), newId()];
    for (const saleId of sales) {
      ctx.bus.emit({
        name: 'sale.completed',
        payload: { saleId, tillId: seed.till.tillId, receiptCode: 'R', totalMinor: 1, kind: 'sale' },
      });
    }
    const page = await t.call('GET', '/print-jobs?limit=2', { headers: asCashier() });
    expect(page.status).toBe(200);
    const first = await body<{
      items: { saleId: string; id: string }[];
      total: number;
      nextOffset: number | null;
    }>(page);
    expect(first.total).toBe(3);
    expect(first.nextOffset).toBe(2);
    expect(first.items.map((j) => j.saleId)).toEqual([sales[2], sales[1]]);

    const job = first.items[0]?.id ?? '';
    printing.service.transition(job, 'send', null);
    printing.service.transition(job, 'fail', 'BAD_ARGS: broken');
    const failed = await t.call('GET', '/print-jobs?status=failed', { headers: asCashier() });
    expect((await body<{ total: number }>(failed)).total).toBe(1);
    const retried = await t.call('POST', `/print-jobs/${job}/retry`, { headers: asCashier() });
    expect(retried.status).toBe(200);
    expect(await body(retried)).toMatchObject({ status: 'queued', attempts: 1 });
    expect(audit('print.retry')).toBe(1);

    printing.service.transition(job, 'send', null);
    printing.service.transition(job, 'printed', null);
    const done = await t.call('POST', `/print-jobs/${job}/retry`, { headers: asCashier() });
    expect(done.status).toBe(409);
  });

  it('shows the admin pages every till’s jobs and a till only its own', async () => {
    const job = (tillId: string) =>
      printing.service.enqueue({
        deviceId: 'printer-1',
        tillId,
        saleId: null,
        kind: 'report',
        payload: Buffer.from('x\n'),
        createdBy: null,
      });
    job(seed.till.tillId);
    job(newId());
    const manager = loginAdmin(t.access, MANAGER_LOGIN, MANAGER_PASSWORD);
    const all = await t.call('GET', '/print-jobs', { headers: manager });
    expect(all.status).toBe(200);
    expect((await body<{ total: number }>(all)).total).toBe(2);
    const own = await t.call('GET', '/print-jobs', { headers: asCashier() });
    expect(await body(own)).toMatchObject({ total: 1, items: [{ tillId: seed.till.tillId }] });
    const anonymous = await t.call('GET', '/print-jobs');
    expect(anonymous.status).toBe(401);
  });
});
