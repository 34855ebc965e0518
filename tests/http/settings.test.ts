import { describe, expect, it } from 'vitest';
import { catalogAppPerTest } from '../support/catalog-app.js';
import { json, tillHeaders } from '../support/test-app.js';

const app = catalogAppPerTest((_ctx, fixture) => fixture.settings.api);

describe('settings over HTTP', () => {
  it('lets a till read the settings and a manager change them', async () => {
    expect((await app.t.call('GET', '/settings')).status).toBe(401);
    expect(
      await json(await app.t.call('GET', '/settings', { headers: tillHeaders(app.seed.till) })),
    ).toMatchObject({
      currency: 'DKK',
    });
    const res = await app.t.call('PATCH', '/settings', {
      headers: app.asManager(),
      body: { name: 'Købmand Jensen' },
    });
    expect(res.status).toBe(200);
    expect(app.f.settings.service.get().name).toBe('Købmand Jensen');
  });

  it('answers 400 naming the field, and changes nothing', async () => {
    const before = app.f.settings.service.get();
    const res = await app.t.call('PATCH', '/settings', {
      headers: app.asManager(),
      body: { currency: 'ABC', timeZone: 'Europe/Atlantis' },
    });
    expect(res.status).toBe(400);
    const text = JSON.stringify(await json(res));
    expect(text).toContain('currency');
    expect(text).toContain('Europe/Atlantis');
    expect(app.f.settings.service.get()).toEqual(before);
  });

  it('refuses tills (401) and cashiers (403) on writes', async () => {
    expect(
      (await app.t.call('PATCH', '/settings', { headers: tillHeaders(app.seed.till), body: { name: 'x' } }))
        .status,
    ).toBe(401);
    const res = await app.t.call('PATCH', '/settings', { headers: app.asCashier(), body: { name: 'x' } });
    expect(res.status).toBe(403);
    expect(await json(res)).toMatchObject({ error: { details: { permission: 'settings.manage' } } });
  });

  it('applies a preset', async () => {
    const res = await app.t.call('POST', '/settings/preset', {
      headers: app.asManager(),
      body: { country: 'TW' },
    });
    expect(await json(res)).toMatchObject({ currency: 'TWD', locale: 'zh-TW', cashRoundingMinor: 100 });
    expect(
      (await app.t.call('POST', '/settings/preset', { headers: app.asManager(), body: { country: 'SE' } }))
        .status,
    ).toBe(400);
  });
});

describe('tax classes and tenders over HTTP', () => {
  it('creates, lists and refuses deleting a class in use (422)', async () => {
    const created = await app.t.call('POST', '/tax-classes', {
      headers: app.asManager(),
      body: { name: 'Momsfri', rateBp: 0 },
    });
    expect(created.status).toBe(201);
    const list = await json<{ items: { name: string }[] }>(
      await app.t.call('GET', '/tax-classes', { headers: tillHeaders(app.seed.till) }),
    );
    expect(list.items.map((x) => x.name)).toEqual(['Moms 25 %', 'Momsfri']);
    app.f.product({ taxClassId: app.f.taxClassId('standard') });
    const del = await app.t.call('DELETE', `/tax-classes/${app.f.taxClassId('standard')}`, {
      headers: app.asManager(),
    });
    expect(del.status).toBe(422);
    expect(await json(del)).toMatchObject({ error: { code: 'TAX_CLASS_IN_USE' } });
    const { id } = await json<{ id: string }>(created);
    expect((await app.t.call('DELETE', `/tax-classes/${id}`, { headers: app.asManager() })).status).toBe(204);
    expect(
      (
        await app.t.call('POST', '/tax-classes', {
          headers: app.asManager(),
          body: { name: 'Bad', rateBp: 20000 },
        })
      ).status,
    ).toBe(400);
  });

  it('renames and disables a tender', async () => {
    const { items } = await json<{ items: { id: string; kind: string }[] }>(
      await app.t.call('GET', '/tenders', { headers: tillHeaders(app.seed.till) }),
    );
    const voucher = items.find((x) => x.kind === 'voucher')!;
    const res = await app.t.call('PATCH', `/tenders/${voucher.id}`, {
      headers: app.asManager(),
      body: { enabled: false, name: 'Gavekort (gammel)' },
    });
    expect(await json(res)).toMatchObject({ enabled: false, name: 'Gavekort (gammel)' });
    expect(
      (
        await app.t.call('PATCH', `/tenders/${voucher.id}`, {
          headers: app.asCashier(),
          body: { enabled: true },
        })
      ).status,
    ).toBe(403);
  });
});
