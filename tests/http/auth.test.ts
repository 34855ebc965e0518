import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lockDurationMs } from '../../hub/services/access/policy.js';
import {
  CASHIER_PIN,
  MANAGER_LOGIN,
  MANAGER_PASSWORD,
  seedAccess,
  type AccessFixture,
} from '../support/access-fixtures.js';
import { ManualClock, createTestContext, type TestContext } from '../support/hub-context.js';
import { buildTestApp, tillHeaders, type TestApp } from '../support/test-app.js';

interface ErrorBody {
  error: { code: string; details?: Record<string, unknown> };
}

const HOUR = 3_600_000;

describe('PIN login at a till', () => {
  let ctx: TestContext;
  let clock: ManualClock;
  let t: TestApp;
  let fx: AccessFixture;

  beforeEach(() => {
    clock = new ManualClock();
    ctx = createTestContext(clock);
    fx = seedAccess(ctx);
    t = buildTestApp(ctx);
  });
  afterEach(() => {
    ctx.close();
  });

  const pinLogin = (pin: string, staffId = fx.cashierId, headers = tillHeaders(fx.till)) =>
    t.call('POST', '/auth/pin', { body: { staffId, pin }, headers });
  const session = async (headers: Record<string, string>) =>
    ((await (await t.call('GET', '/auth/session', { headers })).json()) as { kind: string }).kind;

  it('shows the login screen names only to a paired till', async () => {
    const res = await t.call('GET', '/auth/staff', { headers: tillHeaders(fx.till) });
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: Record<string, unknown>[] };
    expect(items.map((i) => Object.keys(i).sort())).toEqual(Array(3).fill(['id', 'name', 'role']));
    expect((await t.call('GET', '/auth/staff')).status).toBe(401);
  });

  it('logs in with the right PIN and the session works only with its till token', async () => {
    const res = await pinLogin(CASHIER_PIN);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { token: string; staff: { id: string; permissions: string[] } };
    expect(body.staff.id).toBe(fx.cashierId);
    const bearer = { authorization: `Bearer ${body.token}` };
    expect(await session({ ...tillHeaders(fx.till), ...bearer })).toBe('staff');
    expect(await session(bearer)).toBe('anonymous');
  });

  it('needs a paired till', async () => {
    const res = await pinLogin(CASHIER_PIN, fx.cashierId, {});
    expect(res.status).toBe(401);
    expect(((await res.json()) as ErrorBody).error.code).toBe('TILL_REQUIRED');
  });

  it('locks after three wrong PINs with a growing delay, and logs every attempt', async () => {
    expect((await pinLogin('9999')).status).toBe(401);
    expect((await pinLogin('9999')).status).toBe(401);
    const third = await pinLogin('9999');
    expect(third.status).toBe(423);
    expect(((await third.json()) as ErrorBody).error.details?.retryAfterSeconds).toBe(30);
    // While locked even the right PIN is refused.
    expect((await pinLogin(CASHIER_PIN)).status).toBe(423);
    clock.advance(30_000);
    const fourth = await pinLogin('9999');
    expect(((await fourth.json()) as ErrorBody).error.details?.retryAfterSeconds).toBe(60);
    clock.advance(60_000);
    expect((await pinLogin(CASHIER_PIN)).status).toBe(200);
    // The counter reset: one wrong PIN is a plain 401 again.
    expect((await pinLogin('9999')).status).toBe(401);

    const rows = ctx.db
      .prepare("SELECT success, reason, till_id, address FROM login_attempts WHERE kind = 'pin' ORDER BY id")
      .all() as { success: number; reason: string | null; till_id: string; address: string }[];
    expect(rows.map((r) => r.reason)).toEqual([
      'wrong_pin',
      'wrong_pin',
      'wrong_pin',
      'locked',
      'wrong_pin',
      null,
      'wrong_pin',
    ]);
    expect(new Set(rows.map((r) => `${r.till_id} ${r.address}`))).toEqual(
      new Set([`${fx.till.tillId} 127.0.0.1`]),
    );
  });

  it('grows the lock by doubling up to 15 minutes', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 50].map((n) => lockDurationMs(n) / 1000)).toEqual([
      0, 0, 30, 60, 120, 240, 480, 900, 900, 900,
    ]);
  });

  it('refuses unknown and inactive staff the same way as a wrong PIN, and bad input with 400', async () => {
    expect((await pinLogin(CASHIER_PIN, '0190a3b4-0000-7000-8000-000000000000')).status).toBe(401);
    expect((await pinLogin('12ab')).status).toBe(400);
    expect(
      (
        await t.call('POST', '/auth/pin', {
          body: { staffId: fx.cashierId, pin: '1111', x: 1 },
          headers: tillHeaders(fx.till),
        })
      ).status,
    ).toBe(400);
  });

  it('replaces the session when someone else logs in at the till, and logs out', async () => {
    const first = ((await (await pinLogin(CASHIER_PIN)).json()) as { token: string }).token;
    const second = ((await (await pinLogin('2222', fx.supervisorId)).json()) as { token: string }).token;
    const firstHeaders = { ...tillHeaders(fx.till), authorization: `Bearer ${first}` };
    const secondHeaders = { ...tillHeaders(fx.till), authorization: `Bearer ${second}` };
    expect(await session(firstHeaders)).toBe('till');
    expect(await session(secondHeaders)).toBe('staff');
    const out = await t.call('POST', '/auth/pin/logout', { headers: secondHeaders });
    expect(await out.json()).toEqual({ loggedOut: true });
    expect(await session(secondHeaders)).toBe('till');
  });

  it('ends the staff session after 12 hours', async () => {
    const token = ((await (await pinLogin(CASHIER_PIN)).json()) as { token: string }).token;
    const headers = { ...tillHeaders(fx.till), authorization: `Bearer ${token}` };
    clock.advance(12 * HOUR - 1000);
    expect(await session(headers)).toBe('staff');
    clock.advance(1000);
    expect(await session(headers)).toBe('till');
  });
});

describe('admin password login, cookie and CSRF', () => {
  let ctx: TestContext;
  let clock: ManualClock;
  let t: TestApp;
  let fx: AccessFixture;

  beforeEach(() => {
    clock = new ManualClock();
    ctx = createTestContext(clock);
    fx = seedAccess(ctx);
    t = buildTestApp(ctx);
  });
  afterEach(() => {
    ctx.close();
  });

  async function login(url = 'http://hub.local/api/v1/auth/login') {
    const res = await t.app.request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: MANAGER_LOGIN, password: MANAGER_PASSWORD }),
    });
    const cookie = res.headers.get('set-cookie') ?? '';
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    return { res, setCookie: cookie, cookie: cookie.split(';')[0] ?? '', csrfToken };
  }

  const staffCount = () => (ctx.db.prepare('SELECT count(*) AS n FROM staff').get() as { n: number }).n;
  const newStaff = () => ({ name: 'New Person', roleId: fx.roles.cashier, pin: '5826' });

  it('sets an HttpOnly SameSite=Strict cookie, Secure only over https, and returns a CSRF token', async () => {
    const plain = await login();
    expect(plain.res.status).toBe(200);
    expect(plain.setCookie).toMatch(/^hub_admin=[A-Za-z0-9_-]{43};/);
    expect(plain.setCookie).toMatch(/HttpOnly/);
    expect(plain.setCookie).toMatch(/SameSite=Strict/);
    expect(plain.setCookie).toMatch(/Path=\//);
    expect(plain.setCookie).not.toMatch(/Secure/);
    expect(plain.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await login('https://hub.local/api/v1/auth/login')).setCookie).toMatch(/Secure/);
  });

  it('refuses unsafe cookie requests without the right CSRF header and changes nothing', async () => {
    const { cookie, csrfToken } = await login();
    const before = staffCount();
    const attempts: Record<string, string>[] = [{ cookie }, { cookie, 'x-csrf-token': 'wrong' }];
    for (const headers of attempts) {
      const res = await t.call('POST', '/staff', { body: newStaff(), headers });
      expect(res.status).toBe(403);
      expect(((await res.json()) as ErrorBody).error.code).toBe('CSRF_FAILED');
    }
    expect(staffCount()).toBe(before);
    // Reads need no CSRF token, and the session tells a reloaded page its token.
    const info = await t.call('GET', '/auth/session', { headers: { cookie } });
    expect(await info.json()).toMatchObject({ kind: 'admin', csrfToken });
    const ok = await t.call('POST', '/staff', {
      body: newStaff(),
      headers: { cookie, 'x-csrf-token': csrfToken },
    });
    expect(ok.status).toBe(201);
    expect(staffCount()).toBe(before + 1);
  });

  it('does not ask tills for a CSRF token (header credentials cannot be forged cross-site)', async () => {
    const res = await t.call('GET', '/auth/staff', { headers: tillHeaders(fx.till) });
    expect(res.status).toBe(200);
  });

  it('refuses a wrong password and rate-limits an address after ten failures', async () => {
    const wrong = () =>
      t.call('POST', '/auth/login', { body: { login: MANAGER_LOGIN, password: 'not-the-password' } });
    for (let i = 0; i < 10; i += 1) expect((await wrong()).status).toBe(401);
    const limited = await wrong();
    expect(limited.status).toBe(429);
    expect(((await limited.json()) as ErrorBody).error.details?.retryAfterSeconds).toBe(900);
    // Even the right password waits, until the failures age out.
    expect((await login()).res.status).toBe(429);
    clock.advance(15 * 60_000);
    expect((await login()).res.status).toBe(200);
  });

  it('ends the session after 8 idle hours but keeps an active one', async () => {
    const { cookie } = await login();
    const kind = async () =>
      ((await (await t.call('GET', '/auth/session', { headers: { cookie } })).json()) as { kind: string })
        .kind;
    clock.advance(7 * HOUR);
    expect(await kind()).toBe('admin');
    clock.advance(7 * HOUR);
    expect(await kind()).toBe('admin');
    clock.advance(8 * HOUR);
    expect(await kind()).toBe('anonymous');
  });

  it('logs out: the cookie is cleared and the session is gone', async () => {
    const { cookie, csrfToken } = await login();
    const res = await t.call('POST', '/auth/logout', { headers: { cookie, 'x-csrf-token': csrfToken } });
    expect(await res.json()).toEqual({ loggedOut: true });
    expect(res.headers.get('set-cookie')).toMatch(/hub_admin=;.*Max-Age=0/);
    const after = await t.call('GET', '/staff', { headers: { cookie } });
    expect(after.status).toBe(401);
    const audit = ctx.db
      .prepare("SELECT action FROM audit_log WHERE action LIKE 'admin.%' ORDER BY id")
      .all();
    expect(audit).toEqual([{ action: 'admin.login' }, { action: 'admin.logout' }]);
  });
});
