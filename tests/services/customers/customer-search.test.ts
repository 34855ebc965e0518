import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Principal } from '../../../hub/contract/principal.js';
import { customerSearchSql } from '../../../hub/db/customers-queries.js';
import { AccessService } from '../../../hub/services/access/access-service.js';
import { searchTerms } from '../../../hub/services/customers/customer-fields.js';
import { CustomerService } from '../../../hub/services/customers/customer-service.js';
import { CASHIER_PIN, seedAccess } from '../../support/access-fixtures.js';
import { createTestContext, type TestContext } from '../../support/hub-context.js';

describe('customer lookup at the till', () => {
  let ctx: TestContext;
  let customers: CustomerService;
  let cashier: Principal;

  beforeEach(() => {
    ctx = createTestContext();
    const fx = seedAccess(ctx);
    const access = new AccessService(ctx);
    const till = access.resolvePrincipal({ tillToken: fx.till.token }, '127.0.0.1');
    const { token } = access.sessions.loginPin(till, { staffId: fx.cashierId, pin: CASHIER_PIN });
    cashier = access.resolvePrincipal({ tillToken: fx.till.token, bearer: token }, '127.0.0.1');
    customers = new CustomerService(ctx);
    customers.create(cashier, { name: 'Mette Hansen', phone: '+45 12 34 56 78' });
    customers.create(cashier, { name: 'Chen Wei', phone: '+886 955 000 111', email: 'chen.wei@example.tw' });
    customers.create(cashier, { name: 'Örjan Ek', phone: '+46 70 111 2233' });
    customers.create(cashier, { name: 'Anne-Marie Weiss' });
  });
  afterEach(() => {
    ctx.close();
  });

  const names = (q: string) => customers.search(cashier, q, 50, 0).items.map((c) => c.name);

  it('finds +45 12 34 56 78 however the cashier types it', () => {
    for (const typed of ['12345678', '4512345678', '+4512345678', '+45 12 34 56 78', '12 34', '5678']) {
      expect(names(typed), typed).toEqual(['Mette Hansen']);
    }
  });

  it('a leading + means the number starts there', () => {
    expect(names('+12 34')).toEqual([]);
    expect(names('+45')).toEqual(['Mette Hansen']);
  });

  it('finds a name by the start of any of its words, case-insensitively beyond ASCII', () => {
    expect(names('wei')).toEqual(['Anne-Marie Weiss', 'Chen Wei']);
    expect(names('Chen')).toEqual(['Chen Wei']);
    expect(names('örjan')).toEqual(['Örjan Ek']);
    expect(names('ÖRJAN')).toEqual(['Örjan Ek']);
    expect(names('ek')).toEqual(['Örjan Ek']);
    expect(names('marie')).toEqual(['Anne-Marie Weiss']);
    // Every word typed must start a word of the name, in any order.
    expect(names('wei chen')).toEqual(['Chen Wei']);
    expect(names('chen han')).toEqual([]);
    // Not the middle of a word.
    expect(names('hen')).toEqual([]);
  });

  it('still finds by email prefix, and keeps the index up to date on edits', () => {
    expect(names('chen.wei@')).toEqual(['Chen Wei']);
    const [mette] = customers.search(cashier, 'Mette', 1, 0).items;
    if (mette === undefined) throw new Error('no Mette');
    customers.update(cashier, mette.id, { name: 'Mette Lund', phone: '+45 87 65 43 21' });
    expect(names('hansen')).toEqual([]);
    expect(names('lund')).toEqual(['Mette Lund']);
    expect(names('12345678')).toEqual([]);
    expect(names('87654321')).toEqual(['Mette Lund']);
    customers.update(cashier, mette.id, { phone: null });
    expect(names('8765')).toEqual([]);
  });

  it('counts and pages the matches', () => {
    expect(customers.search(cashier, 'wei', 1, 0)).toMatchObject({ total: 2, nextOffset: 1 });
    expect(customers.search(cashier, 'wei', 1, 1)).toMatchObject({ total: 2, nextOffset: null });
  });

  it('searches through indexes, never by reading every customer', () => {
    for (const typed of ['wei', 'wei chen', '12 34', '+45', 'chen.wei@']) {
      const { sql, params } = customerSearchSql(searchTerms(typed));
      const plan = ctx.db
        .prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all(...params)
        .map((r) => (r as { detail: string }).detail);
      // Only SEARCH steps on tables and indexes; the one SCAN allowed is of an intermediate result.
      expect(
        plan.filter((d) => d.startsWith('SCAN ') && !d.startsWith('SCAN (subquery')),
        typed,
      ).toEqual([]);
      expect(
        plan.some((d) => d.startsWith('SEARCH customers USING INDEX')),
        typed,
      ).toBe(true);
    }
  });
});
