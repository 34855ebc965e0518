import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Principal } from '../../../hub/contract/principal.js';
import { newId } from '../../../hub/ids.js';
import { AccessService } from '../../../hub/services/access/access-service.js';
import { normalizePhone } from '../../../hub/services/customers/customer-fields.js';
import { CustomerService } from '../../../hub/services/customers/customer-service.js';
import { CASHIER_PIN, seedAccess, type AccessFixture } from '../../support/access-fixtures.js';
import { ManualClock, createTestContext, type TestContext } from '../../support/hub-context.js';

describe('CustomerService', () => {
  let ctx: TestContext;
  let clock: ManualClock;
  let fx: AccessFixture;
  let customers: CustomerService;
  let cashier: Principal;

  beforeEach(() => {
    clock = new ManualClock();
    ctx = createTestContext(clock);
    fx = seedAccess(ctx);
    const access = new AccessService(ctx);
    const till = access.resolvePrincipal({ tillToken: fx.till.token }, '127.0.0.1');
    const { token } = access.sessions.loginPin(till, { staffId: fx.cashierId, pin: CASHIER_PIN });
    cashier = access.resolvePrincipal({ tillToken: fx.till.token, bearer: token }, '127.0.0.1');
    customers = new CustomerService(ctx);
  });
  afterEach(() => {
    ctx.close();
  });

  it('normalises phone numbers and refuses what is not one', () => {
    expect(normalizePhone(' +358 (40) 123-4567 ')).toBe('+358401234567');
    expect(normalizePhone('040 123 4567')).toBe('0401234567');
    for (const bad of ['12', 'call me', '+358+40123', '1234567890123456']) {
      expect(() => normalizePhone(bad), bad).toThrow(/phone/);
    }
  });

  it('finds customers by name, email or phone prefix, case-insensitively and beyond ASCII', () => {
    customers.create(cashier, { name: 'Örjan Ek', phone: '+46 70 111 2233', email: 'Orjan@Example.com' });
    customers.create(cashier, { name: 'Anna Berg', phone: '040 555 0000' });
    customers.create(cashier, { name: 'annika Lund', email: 'annika@lund.fi' });
    const names = (q: string) => customers.search(cashier, q, 50, 0).items.map((c) => c.name);
    expect(names('ann')).toEqual(['Anna Berg', 'annika Lund']);
    expect(names('ÖR')).toEqual(['Örjan Ek']);
    expect(names('orjan@')).toEqual(['Örjan Ek']);
    expect(names('+46 70')).toEqual(['Örjan Ek']);
    expect(names('040-555')).toEqual(['Anna Berg']);
    expect(names('zzz')).toEqual([]);
    const page = customers.search(cashier, undefined, 2, 0);
    expect(page).toMatchObject({ total: 3, nextOffset: 2 });
    expect(customers.search(cashier, undefined, 2, 2).nextOffset).toBeNull();
  });

  it('dates marketing consent when given, keeps the date, clears it on withdrawal', () => {
    const c = customers.create(cashier, { name: 'Consenting', marketingConsent: true });
    expect(c.consentAt).toBe('2026-06-01T09:00:00.000Z');
    clock.advance(60_000);
    expect(customers.update(cashier, c.id, { notes: 'VIP' }).consentAt).toBe('2026-06-01T09:00:00.000Z');
    expect(customers.update(cashier, c.id, { marketingConsent: false }).consentAt).toBeNull();
    expect(customers.update(cashier, c.id, { marketingConsent: true }).consentAt).toBe(
      '2026-06-01T09:01:00.000Z',
    );
  });

  it('treats a repeated create with the same id as one customer, and a different one as a conflict', () => {
    const id = newId();
    const first = customers.create(cashier, { id, name: 'Same' });
    expect(customers.create(cashier, { id, name: 'Same' })).toEqual(first);
    expect(() => customers.create(cashier, { id, name: 'Other' })).toThrow(/already exists/);
    expect(ctx.events.filter((e) => e.name === 'customer.changed')).toHaveLength(1);
  });

  it('sums completed purchases per currency, newest first, ignoring open sales', () => {
    const id = customers.create(cashier, { name: 'Buyer' }).id;
    const sale = (
      kind: 'sale' | 'return',
      status: string,
      total: number,
      completedAt: string | null,
      n: number | null,
    ) =>
      ctx.db
        .prepare(
          `INSERT INTO sales (id, kind, status, till_id, staff_id, customer_id, currency, tax_mode, total_minor,
             receipt_number, request_hash, cart_hash, created_at, updated_at, completed_at)
           VALUES (?, ?, ?, ?, ?, ?, 'EUR', 'inclusive', ?, ?, 'h', 'h', ?, ?, ?)`,
        )
        .run(
          newId(),
          kind,
          status,
          fx.till.tillId,
          fx.cashierId,
          id,
          total,
          n,
          '2026-06-01',
          '2026-06-01',
          completedAt,
        );
    sale('sale', 'completed', 1500, '2026-06-01T10:00:00.000Z', 1);
    sale('sale', 'completed', 2500, '2026-06-02T10:00:00.000Z', 2);
    sale('return', 'completed', 500, '2026-06-03T10:00:00.000Z', 3);
    sale('sale', 'open', 9999, null, null);
    const history = customers.history(cashier, id, 2, 0);
    expect(history.totals).toEqual([
      {
        currency: 'EUR',
        salesCount: 2,
        salesMinor: 4000,
        returnsCount: 1,
        returnsMinor: 500,
        netMinor: 3500,
      },
    ]);
    expect(history.items.map((i) => [i.kind, i.totalMinor])).toEqual([
      ['return', 500],
      ['sale', 2500],
    ]);
    expect(history).toMatchObject({ total: 3, nextOffset: 2 });
    expect(() =>
      customers.delete(
        {
          kind: 'admin',
          staff: {
            id: fx.managerId,
            name: 'M',
            roleId: fx.roles.manager,
            permissions: new Set(['customers.manage']),
            discountLimitBp: 0,
          },
          address: 'x',
        },
        id,
      ),
    ).toThrow(/Sales refer/);
  });
});
