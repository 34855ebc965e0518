import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDisplaysModule } from '../../hub/http/routes/displays.js';
import { DisplayPairingService } from '../../hub/services/access/display-pairing.js';
import { PAIRING_TTL_MS } from '../../hub/services/access/policy.js';
import {
  CASHIER_PIN,
  MANAGER_PIN,
  addTill,
  seedAccess,
  type AccessFixture,
} from '../support/access-fixtures.js';
import { ManualClock, createTestContext, type TestContext } from '../support/hub-context.js';
import { buildTestApp, json, loginAdmin, loginAtTill, type TestApp } from '../support/test-app.js';

interface Ticket {
  displayId: string;
  pairingCode: string;
  pairingSecret: string;
}
interface Status {
  status: string;
  token?: string;
  tillId?: string;
}
interface Me {
  displayId: string;
  tillId: string;
  tillName: string;
  storeId: string;
  cartTopic: string;
  store: { name: string; locale: string; currency: string };
}
interface ErrorBody {
  error: { code: string };
}

describe('customer display pairing', () => {
  let ctx: TestContext;
  let clock: ManualClock;
  let t: TestApp;
  let fx: AccessFixture;
  let displays: DisplayPairingService;
  let cashier: Record<string, string>;

  beforeEach(() => {
    clock = new ManualClock();
    ctx = createTestContext(clock);
    fx = seedAccess(ctx);
    displays = new DisplayPairingService(ctx);
    t = buildTestApp(ctx, [
      createDisplaysModule({
        displays,
        store: () => ({ name: 'Corner Shop', locale: 'da-DK', currency: 'DKK' }),
        storeId: 'store-1',
      }),
    ]);
    cashier = loginAtTill(t.access, fx.till, fx.cashierId, CASHIER_PIN);
  });
  afterEach(() => {
    ctx.close();
  });

  const request = async () => json<Ticket>(await t.call('POST', '/displays/pair'));
  const poll = (secret: string) =>
    t.call('GET', '/displays/pair/status', { headers: { 'x-pairing-secret': secret } });
  const approve = (code: string, headers = cashier) =>
    t.call('POST', '/displays/approve', { body: { code }, headers });
  const me = (token: string) => t.call('GET', '/displays/me', { headers: { 'x-display-token': token } });

  /** A display paired to the fixture till by its cashier; returns its id and token. */
  const paired = async (headers = cashier) => {
    const ticket = await request();
    expect((await approve(ticket.pairingCode, headers)).status).toBe(200);
    const status = await json<Status>(await poll(ticket.pairingSecret));
    return { displayId: ticket.displayId, token: status.token ?? '' };
  };

  it('shows a code, is approved by the cashier at the till, collects its token once, and learns its till', async () => {
    const ticket = await request();
    expect(ticket.pairingCode).toMatch(/^\d{6}$/);
    expect((await json<Status>(await poll(ticket.pairingSecret))).status).toBe('pending');

    const res = await approve(ticket.pairingCode);
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ id: ticket.displayId, tillId: fx.till.tillId, status: 'active' });
    expect(ctx.events.map((e) => e.name)).toContain('display.paired');

    const status = await json<Status>(await poll(ticket.pairingSecret));
    expect(status).toMatchObject({ status: 'active', tillId: fx.till.tillId });
    expect(status.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The token is handed out once: the secret is spent.
    expect((await poll(ticket.pairingSecret)).status).toBe(404);

    const who = await me(status.token ?? '');
    expect(who.status).toBe(200);
    expect(await json<Me>(who)).toEqual({
      displayId: ticket.displayId,
      tillId: fx.till.tillId,
      tillName: 'Till 1',
      tillNumber: fx.till.number,
      storeId: 'store-1',
      cartTopic: `pos/store-1/tills/${fx.till.tillId}/cart`,
      store: { name: 'Corner Shop', locale: 'da-DK', currency: 'DKK' },
    });
    expect(displays.authenticate(ticket.displayId, status.token ?? '')).toBe(fx.till.tillId);
  });

  it('needs a cashier logged in at a till to approve, and a code some display shows', async () => {
    const ticket = await request();
    const tillOnly = { 'x-till-token': fx.till.token };
    expect((await approve(ticket.pairingCode, tillOnly)).status).toBe(401);
    expect((await t.call('POST', '/displays/approve', { body: { code: ticket.pairingCode } })).status).toBe(
      401,
    );
    const admin = loginAdmin(t.access, 'manager', 'manager-password-1');
    expect((await approve(ticket.pairingCode, admin)).status).toBe(401);

    const wrong = ticket.pairingCode === '000000' ? '000001' : '000000';
    const refused = await approve(wrong);
    expect(refused.status).toBe(422);
    expect((await json<ErrorBody>(refused)).error.code).toBe('DISPLAY_CODE_UNKNOWN');
    expect((await approve('12345')).status).toBe(400);
    // Nothing changed: the display still waits.
    expect((await json<Status>(await poll(ticket.pairingSecret))).status).toBe('pending');
    const denied = ctx.db
      .prepare("SELECT outcome FROM audit_log WHERE action = 'display.pair' ORDER BY id")
      .all() as { outcome: string }[];
    expect(denied.map((r) => r.outcome)).toEqual(['denied']);
  });

  it('stops sweeping codes after ten wrong ones from an address', async () => {
    const ticket = await request();
    const wrong = ticket.pairingCode === '000000' ? '000001' : '000000';
    for (let i = 0; i < 10; i += 1) expect((await approve(wrong)).status).toBe(422);
    expect((await approve(ticket.pairingCode)).status).toBe(429);
  });

  it('lets a pairing request expire unapproved', async () => {
    const ticket = await request();
    clock.advance(PAIRING_TTL_MS + 1);
    expect((await json<Status>(await poll(ticket.pairingSecret))).status).toBe('expired');
    expect((await approve(ticket.pairingCode)).status).toBe(422);
  });

  it('gives a display token no other right: not a till, not staff, not on any other route', async () => {
    const { token } = await paired();
    expect((await t.call('GET', '/tills/me', { headers: { 'x-till-token': token } })).status).toBe(401);
    expect((await t.call('GET', '/tills/me', { headers: { 'x-display-token': token } })).status).toBe(401);
    expect((await t.call('GET', '/displays', { headers: { 'x-display-token': token } })).status).toBe(401);
    expect((await me('not-a-token')).status).toBe(401);
    expect((await t.call('GET', '/displays/me')).status).toBe(401);
  });

  it('is revoked by a cashier at its till, not by one at another till; a manager may', async () => {
    const first = await paired();
    const other = addTill(ctx, 'Till 2');
    const otherCashier = loginAtTill(t.access, other, fx.cashierId, CASHIER_PIN);
    expect(
      (await t.call('POST', `/displays/${first.displayId}/revoke`, { headers: otherCashier })).status,
    ).toBe(403);
    const listed = await json<{ items: { id: string }[] }>(
      await t.call('GET', '/displays', { headers: cashier }),
    );
    expect(listed.items.map((d) => d.id)).toEqual([first.displayId]);
    expect(
      (await json<{ items: unknown[] }>(await t.call('GET', '/displays', { headers: otherCashier }))).items,
    ).toEqual([]);

    const res = await t.call('POST', `/displays/${first.displayId}/revoke`, { headers: cashier });
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ status: 'revoked' });
    expect(ctx.events.filter((e) => e.name === 'display.revoked').map((e) => e.payload)).toEqual([
      { displayId: first.displayId, tillId: fx.till.tillId },
    ]);
    expect((await me(first.token)).status).toBe(401);
    expect(displays.authenticate(first.displayId, first.token)).toBeNull();

    const second = await paired();
    const manager = loginAtTill(t.access, other, fx.managerId, MANAGER_PIN);
    expect((await t.call('POST', `/displays/${second.displayId}/revoke`, { headers: manager })).status).toBe(
      200,
    );
    expect((await me(second.token)).status).toBe(401);
  });

  it('goes with its till when the till is revoked', async () => {
    const display = await paired();
    const admin = loginAdmin(t.access, 'manager', 'manager-password-1');
    expect((await t.call('POST', `/tills/${fx.till.tillId}/revoke`, { headers: admin })).status).toBe(200);
    expect((await me(display.token)).status).toBe(401);
    expect(displays.authenticate(display.displayId, display.token)).toBeNull();
    expect(ctx.events.map((e) => e.name)).toContain('display.revoked');
    const row = ctx.db.prepare('SELECT status FROM customer_displays WHERE id = ?').get(display.displayId);
    expect(row).toEqual({ status: 'revoked' });
  });
});
