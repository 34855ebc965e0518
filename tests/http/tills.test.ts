import { createRoute, z } from '@hono/zod-openapi';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRouter } from '../../hub/http/router.js';
import { requireTill } from '../../hub/services/access/guards.js';
import { CASHIER_PIN, seedAccess, type AccessFixture } from '../support/access-fixtures.js';
import { ManualClock, createTestContext, type TestContext } from '../support/hub-context.js';
import { buildTestApp, loginAdmin, loginAtTill, type TestApp } from '../support/test-app.js';

interface Ticket {
  tillId: string;
  pairingCode: string | null;
  pairingSecret: string;
}
interface Status {
  status: string;
  token?: string;
  number?: number;
}

// Stands in for any till resource (products, sales): guarded by requireTill like they are.
const probe = {
  path: 'products',
  routes: createRouter().openapi(
    createRoute({
      method: 'get',
      path: '/',
      responses: {
        200: {
          description: 'ok',
          content: { 'application/json': { schema: z.object({ tillId: z.string() }) } },
        },
      },
    }),
    (c) => c.json(requireTill(c.get('principal')), 200),
  ),
};

describe('till pairing', () => {
  let ctx: TestContext;
  let clock: ManualClock;
  let t: TestApp;
  let fx: AccessFixture;
  let admin: Record<string, string>;

  beforeEach(() => {
    clock = new ManualClock();
    ctx = createTestContext(clock);
    fx = seedAccess(ctx);
    t = buildTestApp(ctx, [probe]);
    admin = loginAdmin(t.access, 'manager', 'manager-password-1');
  });
  afterEach(() => {
    ctx.close();
  });

  const pair = async (body: Record<string, unknown>) => {
    const res = await t.call('POST', '/tills/pair', { body });
    return { status: res.status, body: (await res.json()) as Ticket };
  };
  const poll = async (secret: string) => {
    const res = await t.call('GET', '/tills/pair/status', { headers: { 'x-pairing-secret': secret } });
    return { status: res.status, body: (await res.json()) as Status };
  };

  it('pairs end to end: request, poll, manager approves by code, token handed over once', async () => {
    const request = await pair({ name: 'Front till' });
    expect(request.status).toBe(201);
    expect(request.body.pairingCode).toMatch(/^\d{6}$/);
    expect((await poll(request.body.pairingSecret)).body.status).toBe('pending');

    // A pending till can do nothing else: it has no credential at all.
    expect((await t.call('GET', '/products')).status).toBe(401);
    expect((await t.call('GET', '/tills')).status).toBe(401);

    const list = (await (await t.call('GET', '/tills', { headers: admin })).json()) as {
      items: Record<string, unknown>[];
    };
    const pending = list.items.find((i) => i.id === request.body.tillId);
    expect(pending).toMatchObject({ status: 'pending', number: null });
    expect(JSON.stringify(list)).not.toContain(request.body.pairingCode);

    const wrong = await t.call('POST', `/tills/${request.body.tillId}/approve`, {
      body: { code: '000000' },
      headers: admin,
    });
    expect(wrong.status).toBe(422);
    const approved = await t.call('POST', `/tills/${request.body.tillId}/approve`, {
      body: { code: request.body.pairingCode },
      headers: admin,
    });
    expect(approved.status).toBe(200);
    expect(await approved.json()).toMatchObject({ status: 'active', number: 2 });

    const delivered = await poll(request.body.pairingSecret);
    expect(delivered.body).toMatchObject({ status: 'active', number: 2 });
    const token = delivered.body.token ?? '';
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await poll(request.body.pairingSecret)).status).toBe(404);

    const me = await t.call('GET', '/tills/me', { headers: { 'x-till-token': token } });
    expect(await me.json()).toMatchObject({ id: request.body.tillId, name: 'Front till', number: 2 });
    expect((await t.call('GET', '/products', { headers: { 'x-till-token': token } })).status).toBe(200);
    const stored = ctx.db.prepare('SELECT token_hash FROM tills WHERE id = ?').get(request.body.tillId) as {
      token_hash: string;
    };
    expect(stored.token_hash).not.toBe(token);
    expect(ctx.events.map((e) => e.name)).toContain('till.paired');
  });

  it('lets a till claim a code issued by a manager (the demo prints one)', async () => {
    const invite = t.access.tills.createPairingCodeForDemo('Demo till');
    expect((await pair({ name: 'Counter', code: '999999' })).status).toBe(422);
    const claim = await pair({ name: 'Counter', code: invite.code });
    expect(claim.status).toBe(201);
    const delivered = await poll(claim.body.pairingSecret);
    expect(delivered.body).toMatchObject({ status: 'active', number: 2 });
    expect((await pair({ name: 'Again', code: invite.code })).status).toBe(422);
  });

  it('forgets a request nobody approved within 15 minutes', async () => {
    const request = await pair({ name: 'Late' });
    clock.advance(15 * 60_000);
    expect((await poll(request.body.pairingSecret)).body.status).toBe('expired');
    const late = await t.call('POST', `/tills/${request.body.tillId}/approve`, {
      body: { code: request.body.pairingCode },
      headers: admin,
    });
    expect(late.status).toBe(422);
  });

  it('revoking a till stops its token at once and ends its staff sessions', async () => {
    const staff = loginAtTill(t.access, fx.till, fx.cashierId, CASHIER_PIN);
    expect((await t.call('GET', '/products', { headers: staff })).status).toBe(200);
    const revoke = await t.call('POST', `/tills/${fx.till.tillId}/revoke`, { headers: admin });
    expect(revoke.status).toBe(200);
    expect((await t.call('GET', '/products', { headers: staff })).status).toBe(401);
    expect((await t.call('GET', '/tills/me', { headers: { 'x-till-token': fx.till.token } })).status).toBe(
      401,
    );
    const open = ctx.db
      .prepare('SELECT count(*) AS n FROM sessions WHERE till_id = ? AND revoked_at IS NULL')
      .get(fx.till.tillId);
    expect(open).toEqual({ n: 0 });
    expect(ctx.events.map((e) => e.name)).toContain('till.revoked');
  });

  it('renames, needs tills.manage, and audits what it does', async () => {
    const cashier = loginAtTill(t.access, fx.till, fx.cashierId, CASHIER_PIN);
    expect(
      (await t.call('PATCH', `/tills/${fx.till.tillId}`, { body: { name: 'X' }, headers: cashier })).status,
    ).toBe(403);
    const res = await t.call('PATCH', `/tills/${fx.till.tillId}`, {
      body: { name: 'Back till' },
      headers: admin,
    });
    expect(await res.json()).toMatchObject({ name: 'Back till' });
    expect(
      (await t.call('PATCH', `/tills/${fx.till.tillId}`, { body: { name: '' }, headers: admin })).status,
    ).toBe(400);
    const audit = (await (await t.call('GET', '/audit?action=till.', { headers: admin })).json()) as {
      items: { action: string }[];
    };
    expect(audit.items.map((i) => i.action)).toEqual(['till.rename']);
  });

  it('caps pending requests so an anonymous caller cannot flood the table', async () => {
    for (let i = 0; i < 20; i += 1) expect((await pair({ name: `T${i}` })).status).toBe(201);
    expect((await pair({ name: 'one too many' })).status).toBe(429);
  });
});
