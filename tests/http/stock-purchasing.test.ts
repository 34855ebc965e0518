import { describe, expect, it } from 'vitest';
import { newId } from '../../hub/ids.js';
import { createStockModule } from '../../hub/services/stock/stock-module.js';
import { catalogAppPerTest } from '../support/catalog-app.js';
import { json } from '../support/test-app.js';

const app = catalogAppPerTest((context) => createStockModule(context).api);

interface Order {
  id: string;
  number: number;
  status: string;
  supplierName: string;
  totalMinor: number;
  lines: { lineNo: number; productId: string; ordered: number; received: number; costMinor: number }[];
}

const call = async <T = Record<string, unknown>>(
  method: string,
  path: string,
  body?: unknown,
  headers = app.asManager(),
) => {
  const res = await app.t.call(method, path, { headers, ...(body === undefined ? {} : { body }) });
  return { status: res.status, body: await json<T>(res) };
};
const onHand = async (productId: string) =>
  (await call<{ onHand: Record<string, number> }>('GET', `/stock?productIds=${productId}`)).body.onHand[
    productId
  ];
const count = (table: string) =>
  app.ctx.db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${table}`).get()?.n;

async function supplier(name = 'Bryggeriet'): Promise<string> {
  const res = await call<{ id: string }>('POST', '/suppliers', { name, email: 'order@bryg.dk' });
  expect(res.status).toBe(201);
  return res.body.id;
}

describe('suppliers over HTTP', () => {
  it('creates (idempotently by id), edits, lists, archives and refuses bad input', async () => {
    const id = newId();
    const body = { id, name: 'Mejeriet', contact: 'Ole', phone: '+45 1234 5678' };
    expect((await call('POST', '/suppliers', body)).status).toBe(201);
    expect((await call('POST', '/suppliers', body)).status).toBe(200);
    expect((await call('POST', '/suppliers', { ...body, name: 'Other' })).status).toBe(409);
    const patched = await call('PATCH', `/suppliers/${id}`, { email: 'salg@mejeriet.dk' });
    expect(patched.body).toMatchObject({ name: 'Mejeriet', email: 'salg@mejeriet.dk', archived: false });
    for (const bad of [{ name: '' }, { name: 'X', email: 'not-mail' }, { name: 'X', fax: '1' }]) {
      expect((await call('POST', '/suppliers', bad)).status).toBe(400);
    }
    expect((await call('PATCH', `/suppliers/${newId()}`, { name: 'Y' })).status).toBe(404);
    expect((await call('POST', '/suppliers', { name: 'Z' }, app.asSupervisor())).status).toBe(403);
    expect(count('suppliers')).toBe(1);
    await call('POST', `/suppliers/${id}/archive`);
    expect((await call<{ total: number }>('GET', '/suppliers')).body.total).toBe(0);
    expect((await call<{ total: number }>('GET', '/suppliers?archived=true')).body.total).toBe(1);
  });
});

describe('purchase orders over HTTP', () => {
  it('goes draft -> sent -> partly received -> received, booking stock and cost line by line', async () => {
    const supplierId = await supplier();
    const beer = app.f.product({ name: 'Pilsner', costMinor: 400 }).id;
    const cider = app.f.product({ name: 'Cider', costMinor: 700 }).id;
    const created = await call<Order>('POST', '/purchase-orders', {
      supplierId,
      lines: [
        { productId: beer, quantity: 24 },
        { productId: cider, quantity: 12, costMinor: 650 },
      ],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'draft',
      supplierName: 'Bryggeriet',
      totalMinor: 24 * 400 + 12 * 650,
    });
    const id = created.body.id;
    // A draft takes edits; receiving before it is sent is refused.
    expect((await call('PATCH', `/purchase-orders/${id}`, { note: 'Before Friday' })).status).toBe(200);
    const early = await call<{ error: { code: string } }>('POST', `/purchase-orders/${id}/receive`, {
      lines: [{ lineNo: 1, quantity: 1 }],
    });
    expect([early.status, early.body.error.code]).toEqual([409, 'PURCHASE_ORDER_STATE']);
    expect((await call<Order>('POST', `/purchase-orders/${id}/send`)).body.status).toBe('sent');
    expect((await call('POST', `/purchase-orders/${id}/send`)).status).toBe(409);
    expect((await call('PATCH', `/purchase-orders/${id}`, { note: 'Too late' })).status).toBe(409);

    const part = await call<Order>('POST', `/purchase-orders/${id}/receive`, {
      reference: 'FAK-88',
      lines: [{ lineNo: 1, quantity: 20, costMinor: 420 }],
    });
    expect(part.body.status).toBe('partly_received');
    expect(part.body.lines[0]).toMatchObject({ ordered: 24, received: 20 });
    expect(await onHand(beer)).toBe(20);
    // Nothing was on hand, so the delivery's cost is the cost.
    const levels = await call<{ items: { productId: string; costMinor: number }[] }>('GET', '/stock/levels');
    expect(levels.body.items.find((l) => l.productId === beer)?.costMinor).toBe(420);

    // More than outstanding, an unknown line, or a line twice: refused, nothing booked.
    for (const lines of [
      [{ lineNo: 1, quantity: 5 }],
      [{ lineNo: 3, quantity: 1 }],
      [
        { lineNo: 2, quantity: 1 },
        { lineNo: 2, quantity: 1 },
      ],
      [{ lineNo: 2, quantity: 0 }],
    ]) {
      const res = await call('POST', `/purchase-orders/${id}/receive`, { lines });
      expect([400, 422]).toContain(res.status);
    }
    expect(await onHand(beer)).toBe(20);
    expect(await onHand(cider)).toBe(0);

    const rest = await call<Order>('POST', `/purchase-orders/${id}/receive`, {
      lines: [
        { lineNo: 1, quantity: 4 },
        { lineNo: 2, quantity: 12 },
      ],
    });
    expect(rest.body.status).toBe('received');
    expect(await onHand(beer)).toBe(24);
    expect(await onHand(cider)).toBe(12);
    expect(
      (await call('POST', `/purchase-orders/${id}/receive`, { lines: [{ lineNo: 1, quantity: 1 }] })).status,
    ).toBe(422);
    expect((await call('POST', `/purchase-orders/${id}/cancel`)).status).toBe(409);
    const list = await call<{ items: Order[]; total: number }>('GET', '/purchase-orders?status=received');
    expect(list.body.items.map((o) => o.id)).toEqual([id]);
  });

  it('refuses orders for unknown suppliers or products and cancels drafts', async () => {
    const supplierId = await supplier();
    const beer = app.f.product({ name: 'Pilsner' }).id;
    const unknownSupplier = await call<{ error: { code: string } }>('POST', '/purchase-orders', {
      supplierId: newId(),
      lines: [{ productId: beer, quantity: 1 }],
    });
    expect(unknownSupplier.body.error.code).toBe('UNKNOWN_SUPPLIER');
    const unknownProduct = await call<{ error: { code: string } }>('POST', '/purchase-orders', {
      supplierId,
      lines: [
        { productId: beer, quantity: 1 },
        { productId: newId(), quantity: 1 },
      ],
    });
    expect([unknownProduct.status, unknownProduct.body.error.code]).toEqual([422, 'UNKNOWN_PRODUCT']);
    expect((await call('POST', '/purchase-orders', { supplierId, lines: [] })).status).toBe(400);
    expect(
      (await call('POST', '/purchase-orders', { supplierId, lines: [{ productId: beer, quantity: -2 }] }))
        .status,
    ).toBe(400);
    expect(count('purchase_orders')).toBe(0);
    const draft = await call<Order>('POST', '/purchase-orders', {
      supplierId,
      lines: [{ productId: beer, quantity: 6 }],
    });
    expect((await call<Order>('POST', `/purchase-orders/${draft.body.id}/cancel`)).body.status).toBe(
      'cancelled',
    );
    expect((await call('POST', `/purchase-orders/${draft.body.id}/send`)).status).toBe(409);
    expect((await call('GET', `/purchase-orders/${newId()}`)).status).toBe(404);
    expect((await call('GET', '/purchase-orders', undefined, app.asCashier())).status).toBe(403);
  });

  it('counts what is on order in the reorder suggestions', async () => {
    const supplierId = await supplier();
    const beer = app.f.product({ name: 'Pilsner' }).id;
    await call('PUT', '/stock/reorder-points', { items: [{ productId: beer, reorderPoint: 10 }] });
    const before = await call<{ items: { productId: string; suggested: number }[] }>(
      'GET',
      '/stock/reorder-suggestions',
    );
    expect(before.body.items).toEqual([expect.objectContaining({ productId: beer, suggested: 10 })]);
    const order = await call<Order>('POST', '/purchase-orders', {
      supplierId,
      lines: [{ productId: beer, quantity: 6 }],
    });
    await call('POST', `/purchase-orders/${order.body.id}/send`);
    const after = await call<{ items: { productId: string; onOrder: number; suggested: number }[] }>(
      'GET',
      '/stock/reorder-suggestions',
    );
    expect(after.body.items).toEqual([
      expect.objectContaining({ productId: beer, onOrder: 6, suggested: 4 }),
    ]);
  });
});
