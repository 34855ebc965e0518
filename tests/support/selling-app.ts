import { setupSales, type SalesFixture } from '../services/sales/sales-fixture.js';
import { CASHIER_PIN } from './access-fixtures.js';
import { perTest } from './per-test.js';
import { buildTestApp, loginAtTill, type TestApp } from './test-app.js';

/** What the HTTP sales tests sell with: the fixture, its app, the cashier's headers and one product. */
export interface SellingApp {
  f: SalesFixture;
  t: TestApp;
  /** The cashier logged in at the fixture's till. */
  headers: Record<string, string>;
  /** A product id: MILK at 12.95. */
  milk: string;
}

/** A Danish store with the sales module over HTTP and the cashier logged in; `f.close()` when done. */
export function sellingApp(): SellingApp {
  const f = setupSales('DK');
  const t = buildTestApp(f.ctx, f.mod.api);
  const headers = loginAtTill(t.access, f.people.till, f.people.cashierId, CASHIER_PIN);
  const milk = f.product({ sku: 'MILK', priceMinor: 1295 });
  return { f, t, headers, milk };
}

/** sellingApp() afresh for each test of the file or describe block, closed after it (see perTest). */
export function sellingAppPerTest(): SellingApp {
  return perTest(sellingApp, (app) => {
    app.f.close();
  });
}
