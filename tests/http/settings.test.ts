import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CASHIER_PIN,
  MANAGER_LOGIN,
  MANAGER_PASSWORD,
  type AccessFixture,
} from '../support/access-fixtures.js';
import type { CatalogFixture } from '../support/catalog-fixtures.js';
import { catalogApp } from '../support/catalog-app.js';
import type { TestContext } from '../support/hub-context.js';
import { json, loginAdmin, loginAtTill, tillHeaders, type TestApp } from '../support/test-app.js';

let ctx: TestContext;
let seed: AccessFixture;
let f: CatalogFixture;
let t: TestApp;
const asCashier = () => loginAtTill(t.access, seed.till, seed.cashierId, CASHIER_PIN);
const asManager = () => loginAdmin(t.access, MANAGER_LOGIN, MANAGER_PASSWORD);

beforeEach(() => {
  ({ ctx, seed, f, t } = catalogApp((_ctx, fixture) => fixture.settings.api));
});
afterEach(() => {
  ctx.close();
});

describe('settings over HTTP', () => {
  it('lets a till read the settings and a manager change them', async () => {
    expect((await t.call('GET', '/settings')).status).toBe(401);
    expect(await json(await t.call('GET', '/settings', { headers: tillHeaders(seed.till) }))).toMatchObject({
      currency: 'DKK',
    });
    const res = await t.call('PATCH', '/settings', {
      headers: asManager(),
      body: { name: 'Købmand Jensen' },
    });
    expect(res.status).toBe(200);
    expect(f.settings.service.get().name).toBe('Købmand Jensen');
  });

  it('answers 400 naming the field, and changes nothing', async () => {
    const before = f.settings.service.get();
    const res = await t.call('PATCH', '/settings', {
      headers: asManager(),
      body: { currency: 'ABC', timeZone: 'Europe/Atlantis' },
    });
    expect(res.status).toBe(400);
    const text = JSON.stringify(await json(res));
    expect(text).toContain('currency');
    expect(text).toContain('Europe/Atlantis');
    expect(f.settings.service.get()).toEqual(before);
  });

  it('refuses tills (401) and cashiers (403) on writes', async () => {
    expect(
      (await t.call('PATCH', '/settings', { headers: tillHeaders(seed.till), body: { name: 'x' } })).status,
    ).toBe(401);
    const res = await t.call('PATCH', '/settings', { headers: asCashier(), body: { name: 'x' } });
    expect(res.status).toBe(403);
    expect(await json(res)).toMatchObject({ error: { details: { permission: 'settings.manage' } } });
  });

  it('applies a preset', async () => {
    const res = await t.call('POST', '/settings/preset', { headers: asManager(), body: { country: 'TW' } });
    expect(await json(res)).toMatchObject({ currency: 'TWD', locale: 'zh-TW', cashRoundingMinor: 100 });
    expect(
      (await t.call('POST', '/settings/preset', { headers: asManager(), body: { country: 'SE' } })).status,
    ).toBe(400);
  });
});

describe('tax classes and tenders over HTTP', () => {
  it('creates, lists and refuses deleting a class in use (422)', async () => {
    const created = await t.call('POST', '/tax-classes', {
      headers: asManager(),
      body: { name: 'Momsfri', rateBp: 0 },
    });
    expect(created.status).toBe(201);
    const list = await json<{ items: { name: string }[] }>(
      await t.call('GET', '/tax-classes', { headers: tillHeaders(seed.till) }),
    );
    expect(list.items.map((x) => x.name)).toEqual(['Moms 25 %', 'Momsfri']);
    f.product({ taxClassId: f.taxClassId('standard') });
    const del = await t.call('DELETE', `/tax-classes/${f.taxClassId('standard')}`, { headers: asManager() });
    expect(del.status).toBe(422);
    expect(await json(del)).toMatchObject({ error: { code: 'TAX_CLASS_IN_USE' } });
    const { id } = await json<{ id: string }>(created);
    expect((await t.call('DELETE', `/tax-classes/${id}`, { headers: asManager() })).status).toBe(204);
    expect(
      (await t.call('POST', '/tax-classes', { headers: asManager(), body: { name: 'Bad', rateBp: 20000 } }))
        .status,
    ).toBe(400);
  });

  it('renames and disables a tender', async () => {
    const { items } = await json<{ items: { id: string; kind: string }[] }>(
      await t.call('GET', '/tenders', { headers: tillHeaders(seed.till) }),
    );
    const voucher = items.find((x) => x.kind === 'voucher')!;
    const res = await t.call('PATCH', `/tenders/${voucher.id}`, {
      headers: asManager(),
      body: { enabled: false, name: 'Gavekort (gammel)' },
    });
    expect(await json(res)).toMatchObject({ enabled: false, name: 'Gavekort (gammel)' });
    expect(
      (await t.call('PATCH', `/tenders/${voucher.id}`, { headers: asCashier(), body: { enabled: true } }))
        .status,
    ).toBe(403);
  });
});
