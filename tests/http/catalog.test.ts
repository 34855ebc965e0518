import { describe, expect, it } from 'vitest';
import { newId } from '../../hub/ids.js';
import { badCheckDigit, ean13 } from '../support/catalog-fixtures.js';
import { catalogAppPerTest } from '../support/catalog-app.js';
import { json, tillHeaders } from '../support/test-app.js';

const app = catalogAppPerTest((_ctx, fixture) => fixture.catalog.api);

const productCount = () =>
  app.ctx.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM products').get()?.n;

describe('products over HTTP', () => {
  it('creates with 201, repeats with 200, conflicts with 409', async () => {
    const product = {
      id: newId(),
      sku: 'RUG',
      name: 'Rugbrød',
      taxClassId: app.f.taxClassId('standard'),
      priceMinor: 2500,
      barcodes: [ean13('570123400030')],
    };
    const created = await app.t.call('POST', '/products', { headers: app.asManager(), body: product });
    expect(created.status).toBe(201);
    expect(await json(created)).toMatchObject({
      id: product.id,
      sku: 'RUG',
      barcodes: [{ kind: 'gtin', display: ean13('570123400030') }],
    });
    expect((await app.t.call('POST', '/products', { headers: app.asManager(), body: product })).status).toBe(
      200,
    );
    const conflict = await app.t.call('POST', '/products', {
      headers: app.asManager(),
      body: { ...product, name: 'Franskbrød' },
    });
    expect(conflict.status).toBe(409);
    expect(await json(conflict)).toMatchObject({
      error: { code: 'CONFLICT', details: { fields: ['name'] } },
    });
    expect(productCount()).toBe(1);
  });

  it('answers 400 on bad input and changes nothing', async () => {
    const base = { sku: 'X', name: 'X', taxClassId: app.f.taxClassId('standard'), priceMinor: 100 };
    for (const body of [
      { ...base, priceMinor: 1.5 },
      { ...base, priceMinor: -1 },
      { ...base, name: '' },
      { ...base, unknownField: 1 },
      { ...base, barcodes: ['5701234000301'] },
      { ...base, id: 'not-a-uuid' },
    ]) {
      const res = await app.t.call('POST', '/products', { headers: app.asManager(), body });
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    const bad = await app.t.call('POST', '/products', {
      headers: app.asManager(),
      body: { ...base, barcodes: ['5701234000301'] },
    });
    expect(await json(bad)).toMatchObject({ error: { code: 'INVALID_BARCODE' } });
    expect(productCount()).toBe(0);
  });

  it('lets tills read and search but only catalog managers write', async () => {
    app.f.product({ name: 'Letmælk', sku: 'MILK' });
    expect((await app.t.call('GET', '/products')).status).toBe(401);
    const list = await app.t.call('GET', '/products?q=letm', { headers: tillHeaders(app.seed.till) });
    expect(list.status).toBe(200);
    expect(await json(list)).toMatchObject({ items: [{ sku: 'MILK' }], nextOffset: null });
    const body = { sku: 'NEW', name: 'Ny', taxClassId: app.f.taxClassId('standard'), priceMinor: 100 };
    expect((await app.t.call('POST', '/products', { body })).status).toBe(401);
    expect(
      (await app.t.call('POST', '/products', { headers: tillHeaders(app.seed.till), body })).status,
    ).toBe(401);
    const cashier = await app.t.call('POST', '/products', { headers: app.asCashier(), body });
    expect(cashier.status).toBe(403);
    expect(await json(cashier)).toMatchObject({
      error: { code: 'PERMISSION_REQUIRED', details: { permission: 'catalog.manage' } },
    });
    expect(productCount()).toBe(1);
  });

  it('gets, patches, archives and 404s', async () => {
    const p = app.f.product({ name: 'Kaffe' });
    expect(
      await json(await app.t.call('GET', `/products/${p.id}`, { headers: tillHeaders(app.seed.till) })),
    ).toMatchObject({ name: 'Kaffe' });
    expect(
      (await app.t.call('GET', `/products/${newId()}`, { headers: tillHeaders(app.seed.till) })).status,
    ).toBe(404);
    expect(
      (await app.t.call('GET', '/products/not-an-id', { headers: tillHeaders(app.seed.till) })).status,
    ).toBe(400);
    const patched = await app.t.call('PATCH', `/products/${p.id}`, {
      headers: app.asManager(),
      body: { priceMinor: 4995 },
    });
    expect(await json(patched)).toMatchObject({ priceMinor: 4995 });
    expect((await app.t.call('POST', `/products/${p.id}/archive`, { headers: app.asManager() })).status).toBe(
      200,
    );
    expect(
      await json(await app.t.call('GET', '/products', { headers: tillHeaders(app.seed.till) })),
    ).toMatchObject({
      items: [],
    });
    expect(
      (
        await app.t.call('PATCH', `/products/${newId()}`, {
          headers: app.asManager(),
          body: { priceMinor: 1 },
        })
      ).status,
    ).toBe(404);
  });

  it('paginates with limit and offset', async () => {
    for (let i = 0; i < 5; i++) app.f.product({ name: `Vare ${i}` });
    const first = await json<{ items: { name: string }[]; nextOffset: number | null }>(
      await app.t.call('GET', '/products?limit=2', { headers: tillHeaders(app.seed.till) }),
    );
    expect(first.items.map((p) => p.name)).toEqual(['Vare 0', 'Vare 1']);
    expect(first.nextOffset).toBe(2);
    const last = await json<{ items: unknown[]; nextOffset: number | null }>(
      await app.t.call('GET', '/products?limit=2&offset=4', { headers: tillHeaders(app.seed.till) }),
    );
    expect(last).toMatchObject({ nextOffset: null });
    expect(last.items).toHaveLength(1);
    expect(
      (await app.t.call('GET', '/products?limit=0', { headers: tillHeaders(app.seed.till) })).status,
    ).toBe(400);
    expect(
      (await app.t.call('GET', '/products?limit=501', { headers: tillHeaders(app.seed.till) })).status,
    ).toBe(400);
  });

  it('looks up a scan as a value and follows the change feed', async () => {
    const code = ean13('570123400031');
    const p = app.f.product({ name: 'Smør', barcodes: [code] });
    const found = await app.t.call('GET', `/products/lookup?code=${code}`, {
      headers: tillHeaders(app.seed.till),
    });
    expect(await json(found)).toMatchObject({ status: 'found', product: { id: p.id, taxRateBp: 2500 } });
    const invalid = await app.t.call('GET', `/products/lookup?code=${badCheckDigit(code)}`, {
      headers: tillHeaders(app.seed.till),
    });
    expect(invalid.status).toBe(200);
    expect(await json(invalid)).toMatchObject({ status: 'invalid' });
    expect((await app.t.call('GET', `/products/lookup?code=${code}`)).status).toBe(401);

    const changes = await json<{ products: { id: string }[]; nextSeq: number; hasMore: boolean }>(
      await app.t.call('GET', '/catalog/changes?after=0&limit=10', { headers: tillHeaders(app.seed.till) }),
    );
    expect(changes.products.map((x) => x.id)).toEqual([p.id]);
    expect(changes.hasMore).toBe(false);
    const since = await app.t.call('GET', '/catalog/changes?updatedSince=2020-01-01T00:00:00Z', {
      headers: tillHeaders(app.seed.till),
    });
    expect(await json(since)).toMatchObject({ products: [{ id: p.id }] });
    expect(
      (await app.t.call('GET', '/catalog/changes?after=-1', { headers: tillHeaders(app.seed.till) })).status,
    ).toBe(400);
  });
});

describe('categories and label templates over HTTP', () => {
  it('creates a category tree and refuses a cashier', async () => {
    const res = await app.t.call('POST', '/categories', {
      headers: app.asManager(),
      body: { name: 'Mejeri' },
    });
    expect(res.status).toBe(201);
    const { id } = await json<{ id: string }>(res);
    expect(
      (
        await app.t.call('POST', '/categories', {
          headers: app.asManager(),
          body: { name: 'Ost', parentId: id },
        })
      ).status,
    ).toBe(201);
    expect(
      (await app.t.call('POST', '/categories', { headers: app.asCashier(), body: { name: 'Frost' } })).status,
    ).toBe(403);
    const list = await json<{ items: { name: string }[] }>(
      await app.t.call('GET', '/categories', { headers: tillHeaders(app.seed.till) }),
    );
    expect(list.items.map((c) => c.name).sort()).toEqual(['Mejeri', 'Ost']);
    expect((await app.t.call('POST', `/categories/${id}/archive`, { headers: app.asManager() })).status).toBe(
      200,
    );
  });

  it('puts a label template and rejects a broken one with the reason', async () => {
    const tpl = {
      name: 'Deli',
      prefix: '20',
      itemDigits: 4,
      value: 'price',
      valueDigits: 5,
      decimals: 2,
      verifier: true,
    };
    expect(
      (await app.t.call('PUT', '/label-templates/deli', { headers: app.asManager(), body: tpl })).status,
    ).toBe(201);
    const bad = await app.t.call('PUT', '/label-templates/weight', {
      headers: app.asManager(),
      body: { ...tpl, valueDigits: 6 },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await json(bad))).toContain('an EAN-13 has 13');
    expect(
      await json(await app.t.call('GET', '/label-templates', { headers: tillHeaders(app.seed.till) })),
    ).toMatchObject({ items: [{ id: 'deli' }] });
  });
});
