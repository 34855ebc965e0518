import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createJournalModule } from '../../hub/services/journal/journal-module.js';
import {
  CASHIER_PIN,
  MANAGER_LOGIN,
  MANAGER_PASSWORD,
  seedAccess,
  type AccessFixture,
} from '../support/access-fixtures.js';
import { createTestContext, type TestContext } from '../support/hub-context.js';
import { buildTestApp, loginAdmin, loginAtTill, type TestApp } from '../support/test-app.js';

describe('/journal', () => {
  let ctx: TestContext;
  let t: TestApp;
  let fx: AccessFixture;
  let manager: Record<string, string>;

  beforeEach(() => {
    ctx = createTestContext();
    fx = seedAccess(ctx);
    t = buildTestApp(ctx, createJournalModule(ctx).api);
    manager = loginAdmin(t.access, MANAGER_LOGIN, MANAGER_PASSWORD);
    for (let i = 1; i <= 4; i++) {
      ctx.tx.write((tx) => tx.journal('sale.completed', `sale-${i}`, { totalMinor: 1000 * i }));
    }
  });
  afterEach(() => {
    ctx.close();
  });

  it('verifies the hash chain for a manager', async () => {
    const res = await t.call('GET', '/journal/verify', { headers: manager });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, entries: 4, lastHash: expect.any(String) as string });
  });

  it('reports the entry that was tampered with', async () => {
    ctx.db.prepare('UPDATE journal SET payload = \'{"totalMinor":1}\' WHERE seq = 2').run();
    const res = await t.call('GET', '/journal/verify', { headers: manager });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: false, brokenAtSeq: 2 });
  });

  it('lists entries in order after a sequence number', async () => {
    const res = await t.call('GET', '/journal?after=2&limit=10', { headers: manager });
    const page = (await res.json()) as { items: { seq: number; entityId: string }[]; nextAfter: number };
    expect(page.items.map((e) => e.entityId)).toEqual(['sale-3', 'sale-4']);
    expect(page.nextAfter).toBe(4);
  });

  it('is refused to a cashier (403) and to anyone not logged in (401)', async () => {
    const cashier = loginAtTill(t.access, fx.till, fx.cashierId, CASHIER_PIN);
    expect((await t.call('GET', '/journal/verify', { headers: cashier })).status).toBe(403);
    expect((await t.call('GET', '/journal', { headers: cashier })).status).toBe(403);
    expect((await t.call('GET', '/journal/verify')).status).toBe(401);
    expect((await t.call('GET', '/journal')).status).toBe(401);
    // Authentication comes before validation: a bad query from nobody is still a 401.
    expect((await t.call('GET', '/journal?after=-1')).status).toBe(401);
  });

  it('refuses unknown or bad query parameters with 400', async () => {
    expect((await t.call('GET', '/journal?after=-1', { headers: manager })).status).toBe(400);
    expect((await t.call('GET', '/journal?since=3', { headers: manager })).status).toBe(400);
  });
});
