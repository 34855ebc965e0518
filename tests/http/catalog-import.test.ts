import { describe, expect, it } from 'vitest';
import { newId } from '../../hub/ids.js';
import { MAX_CHUNK_BYTES } from '../../hub/services/catalog/import/catalog-import-service.js';
import { ean13 } from '../support/catalog-fixtures.js';
import { catalogAppPerTest } from '../support/catalog-app.js';
import { json } from '../support/test-app.js';

const app = catalogAppPerTest((_ctx, fixture) => fixture.catalog.api);

type Job = Record<string, unknown> & { id: string; status: string };

const productCount = () =>
  app.ctx.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM products').get()?.n ?? 0;

async function call(method: string, path: string, body?: unknown) {
  const res = await app.t.call(method, path, { headers: app.asManager(), body });
  return { status: res.status, body: await json<Job>(res) };
}

async function putPiece(id: string, offset: number, bytes: Uint8Array) {
  return call('PUT', `/catalog-imports/${id}/file`, {
    offset,
    dataBase64: Buffer.from(bytes).toString('base64'),
  });
}

async function waitFor(id: string, statuses: string[]): Promise<Job> {
  for (let i = 0; i < 500; i += 1) {
    const job = (await call('GET', `/catalog-imports/${id}`)).body;
    if (statuses.includes(job.status)) return job;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`import ${id} never reached ${statuses.join('/')}`);
}

/** Uploads `csv` in pieces of `piece` bytes and checks it; answers the checked job. */
async function uploadAndCheck(csv: string, piece = 64): Promise<Job> {
  const created = await call('POST', '/catalog-imports', { id: newId(), fileName: 'products.csv' });
  expect(created.status).toBe(201);
  const bytes = new TextEncoder().encode(csv);
  for (let offset = 0; offset < bytes.length; offset += piece) {
    const res = await putPiece(created.body.id, offset, bytes.subarray(offset, offset + piece));
    expect(res.status).toBe(200);
  }
  expect((await call('POST', `/catalog-imports/${created.body.id}/check`)).status).toBe(202);
  return waitFor(created.body.id, ['checked', 'failed']);
}

describe('catalog CSV import over HTTP', () => {
  it('previews a good file, imports it in batches and updates existing SKUs', async () => {
    const dairy = app.f.category('Dairy');
    const old = app.f.product({ sku: 'MILK', name: 'Milk', priceMinor: 900 });
    const csv = [
      'sku;name;price;tax_class;category;barcodes',
      `MILK;Letmælk 1 l;10,95;standard;Dairy;${ean13('570123400047')}`,
      '"BREAD";"Rugbrød; skiver";24,50;standard;;',
    ].join('\r\n');
    const checked = await uploadAndCheck(`\uFEFF${csv}\r\n`);
    expect(checked).toMatchObject({
      status: 'checked',
      totalRows: 2,
      validRows: 2,
      errorRows: 0,
      sample: [
        { row: 2, sku: 'MILK', action: 'update', priceMinor: 1095 },
        { row: 3, sku: 'BREAD', name: 'Rugbrød; skiver', action: 'create', priceMinor: 2450 },
      ],
    });
    expect(productCount()).toBe(1);

    const commit = await call('POST', `/catalog-imports/${checked.id}/commit`, { mode: 'all' });
    expect(commit.status).toBe(202);
    const done = await waitFor(checked.id, ['done', 'failed']);
    expect(done).toMatchObject({ status: 'done', processedRows: 2, createdProducts: 1, updatedProducts: 1 });
    const milk = app.f.catalog.service.get(old.id);
    expect(milk).toMatchObject({ name: 'Letmælk 1 l', priceMinor: 1095, categoryId: dairy });
    expect(milk.barcodes).toHaveLength(1);
    const bread = app.f.catalog.service.list({ q: 'BREAD', limit: 5, offset: 0 }).items[0];
    expect(bread).toMatchObject({ name: 'Rugbrød; skiver', priceMinor: 2450 });
  });

  it('keeps every row error and writes nothing unless only the valid rows are chosen', async () => {
    const csv = [
      'sku,name,price,tax_class',
      'A,Apple,"3,50",standard',
      'B,Banana,abc,standard',
      'A,Apple again,4.00,standard',
      'C,,1.00,nonsense',
      'D,Dates,2.00,standard',
    ].join('\n');
    const checked = await uploadAndCheck(csv);
    expect(checked).toMatchObject({ status: 'checked', totalRows: 5, validRows: 2, errorRows: 3 });
    const errors = await call('GET', `/catalog-imports/${checked.id}/errors`);
    expect(errors.body).toMatchObject({
      total: 4,
      items: [
        { row: 3, column: 'price', message: 'price "abc" is not an amount' },
        { row: 4, column: 'sku', message: 'SKU "A" is also on row 2' },
        { row: 5, column: 'name' },
        { row: 5, column: 'tax_class' },
      ],
    });

    const refused = await call('POST', `/catalog-imports/${checked.id}/commit`, { mode: 'all' });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ error: { code: 'IMPORT_HAS_ERRORS' } });
    expect(productCount()).toBe(0);

    await call('POST', `/catalog-imports/${checked.id}/commit`, { mode: 'valid_only' });
    const done = await waitFor(checked.id, ['done', 'failed']);
    expect(done).toMatchObject({ status: 'done', createdProducts: 2, errorRows: 3 });
    expect(
      app.ctx.db
        .prepare<[], { sku: string; price_minor: number }>(
          'SELECT sku, price_minor FROM products ORDER BY sku',
        )
        .all(),
    ).toEqual([
      { sku: 'A', price_minor: 350 },
      { sku: 'D', price_minor: 200 },
    ]);
  });

  it('skips, and reports, a row the catalog refuses at import time because it changed since the check', async () => {
    const code = ean13('570123400047');
    const checked = await uploadAndCheck(
      `sku,name,price,tax_class,barcodes\nA,Apple,3.50,standard,${code}\nB,Bean,1.00,standard,\n`,
    );
    expect(checked).toMatchObject({ status: 'checked', validRows: 2, errorRows: 0 });
    app.f.product({ sku: 'OTHER', barcodes: [code] });
    await call('POST', `/catalog-imports/${checked.id}/commit`, { mode: 'all' });
    const done = await waitFor(checked.id, ['done', 'failed']);
    expect(done).toMatchObject({ status: 'done', createdProducts: 1, errorRows: 1 });
    const errors = await call('GET', `/catalog-imports/${checked.id}/errors`);
    expect(errors.body).toMatchObject({ items: [{ row: 2, message: /already belongs to another product/ }] });
    expect(app.f.catalog.service.list({ q: 'Bean', limit: 5, offset: 0 }).items).toHaveLength(1);
  });

  it('fails a file that is not a catalog CSV with the reason as a row-1 error', async () => {
    const checked = await uploadAndCheck('name;colour\nx;y\n');
    expect(checked).toMatchObject({ status: 'failed', validRows: 0 });
    const errors = await call('GET', `/catalog-imports/${checked.id}/errors`);
    expect(errors.body).toMatchObject({
      items: [{ row: 1, column: null, message: /unknown column "colour"/ }],
    });
    expect((await call('POST', `/catalog-imports/${checked.id}/commit`, { mode: 'valid_only' })).status).toBe(
      422,
    );
  });

  it('takes a repeated piece as already there and refuses gaps, big pieces and cashiers', async () => {
    const { body: job } = await call('POST', '/catalog-imports', { fileName: 'x.csv' });
    const piece = new TextEncoder().encode('sku,name,price\n');
    expect((await putPiece(job.id, 0, piece)).body).toMatchObject({ bytes: piece.length });
    expect((await putPiece(job.id, 0, piece)).body).toMatchObject({ bytes: piece.length });
    const gap = await putPiece(job.id, piece.length + 5, piece);
    expect(gap.status).toBe(409);
    expect(gap.body).toMatchObject({ error: { code: 'UPLOAD_OFFSET', details: { bytes: piece.length } } });
    const big = await putPiece(job.id, piece.length, new Uint8Array(MAX_CHUNK_BYTES + 3));
    expect(big.status).toBe(400);
    const cashier = await app.t.call('POST', '/catalog-imports', {
      headers: app.asCashier(),
      body: { fileName: 'x.csv' },
    });
    expect(cashier.status).toBe(403);
  });
});

describe('catalog CSV export over HTTP', () => {
  it('streams the catalog in the import columns, and the file imports back unchanged', async () => {
    const dairy = app.f.category('Dairy', app.f.category('Food'));
    app.f.product({ sku: 'MILK', name: 'Milk, "fresh"', priceMinor: 1095, categoryId: dairy });
    app.f.product({ sku: 'CHEESE', name: 'Cheese', priceMinor: 4500, barcodes: [ean13('570123400047')] });
    const res = await app.t.call('GET', '/catalog-export/products.csv?delimiter=semicolon', {
      headers: app.asManager(),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    const text = await res.text();
    const lines = text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(
      'sku;name;description;category;tax_class;unit;weighed;price;cost;barcodes;reorder_point;active;parent_sku;has_variants;attributes',
    );
    expect(lines[1]).toBe('MILK;"Milk, ""fresh""";;Food > Dairy;standard;piece;no;10,95;0,00;;;yes;;no;');
    expect(lines[2]).toContain(`;${ean13('570123400047')};`);

    const before = app.f.catalog.service.list({ limit: 10, offset: 0 }).items;
    const checked = await uploadAndCheck(text, 100);
    expect(checked).toMatchObject({ status: 'checked', validRows: 2, errorRows: 0 });
    await call('POST', `/catalog-imports/${checked.id}/commit`, { mode: 'all' });
    await waitFor(checked.id, ['done']);
    const after = app.f.catalog.service.list({ limit: 10, offset: 0 }).items;
    const essentials = (list: typeof before) =>
      list.map((p) => [p.sku, p.name, p.priceMinor, p.categoryId, p.barcodes.map((b) => b.code)]);
    expect(essentials(after)).toEqual(essentials(before));
  });
});
