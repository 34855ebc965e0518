import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../hub/ids.js';
import { CASHIER_PIN, MANAGER_LOGIN, MANAGER_PASSWORD, SUPERVISOR_PIN } from '../support/access-fixtures.js';
import { buildTestApp, loginAdmin, loginAtTill, type TestApp } from '../support/test-app.js';
import { setupSales, type SalesFixture } from '../services/sales/sales-fixture.js';

interface AuditPage {
  items: {
    actorId: string;
    tillId: string | null;
    action: string;
    target: string;
    outcome: string;
    details: Record<string, unknown>;
  }[];
}

describe('audit of privileged sale actions over HTTP', () => {
  let f: SalesFixture;
  let t: TestApp;

  beforeEach(() => {
    f = setupSales('DK');
    t = buildTestApp(f.ctx, f.mod.api);
  });
  afterEach(() => {
    f.close();
  });

  it('shows a manager who removed a line, overrode a price and voided, and who approved it', async () => {
    const milk = f.product({ sku: 'MILK', priceMinor: 1295 });
    const cashier = loginAtTill(t.access, f.people.till, f.people.cashierId, CASHIER_PIN);
    const id = newId();
    const kept = { id: newId(), productId: milk, unitPriceMinor: 999 };
    const dropped = { id: newId(), productId: milk };
    const created = await t.call('POST', '/sales', {
      body: { id, lines: [kept, dropped], override: f.override },
      headers: cashier,
    });
    expect(created.status).toBe(201);
    // The builtin cashier may not remove a line alone.
    const refused = await t.call('PUT', `/sales/${id}`, {
      body: { expectedVersion: 1, lines: [kept] },
      headers: cashier,
    });
    expect(refused.status).toBe(403);
    // The supervisor, who holds both permissions, logs in at the till and does it.
    const supervisor = loginAtTill(t.access, f.people.till, f.people.supervisorId, SUPERVISOR_PIN);
    const removed = await t.call('PUT', `/sales/${id}`, {
      body: { expectedVersion: 1, lines: [kept] },
      headers: supervisor,
    });
    expect(removed.status).toBe(200);
    expect(
      (await t.call('POST', `/sales/${id}/void`, { body: { reason: 'test' }, headers: supervisor })).status,
    ).toBe(200);

    const manager = loginAdmin(t.access, MANAGER_LOGIN, MANAGER_PASSWORD);
    const res = await t.call('GET', '/audit?action=sale.&limit=50', { headers: manager });
    expect(res.status).toBe(200);
    const page = (await res.json()) as AuditPage;
    const rows = page.items
      .filter((i) => i.target === id)
      .map((i) => [i.action, i.actorId, i.tillId, i.details.approvedBy]);
    expect(rows.reverse()).toEqual([
      ['sale.price_override', f.people.cashierId, f.people.till.tillId, f.people.supervisorId],
      ['sale.remove_line', f.people.supervisorId, f.people.till.tillId, null],
      ['sale.void', f.people.supervisorId, f.people.till.tillId, null],
    ]);
    // Staff without staff.manage cannot read the audit log.
    expect((await t.call('GET', '/audit', { headers: supervisor })).status).toBe(403);
  });
});
