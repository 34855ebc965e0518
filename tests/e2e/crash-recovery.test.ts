import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../hub/db/connection.js';
import { verifyJournal } from '../../hub/db/journal.js';
import { newId } from '../../hub/ids.js';
import { CASHIER_PIN } from '../support/access-fixtures.js';
import { freePort, startHubProcess, type HubProcess } from '../support/hub-process.js';
import { setupSales } from '../services/sales/sales-fixture.js';

/**
 * SIGKILL the hub while eight clients submit sales and retry every step with the same ids, restart it,
 * and prove: every sale that got a 2xx is there exactly once and whole; the stock ledger and the
 * journal chain verify; receipt numbers have no gaps.
 */
const CLIENTS = 8;
const PRODUCTS = 12;
const INITIAL_STOCK = 100_000;
const KILLS = 2;

interface Prepared {
  dir: string;
  headers: Record<string, string>;
  cashierId: string;
  products: string[];
  cashTender: string;
}

/** The cashier logs in at the till over HTTP, against the hub's own clock. */
async function login(baseUrl: string, store: Prepared): Promise<void> {
  const response = await fetch(`${baseUrl}/api/v1/auth/pin`, {
    method: 'POST',
    headers: { ...store.headers, 'content-type': 'application/json' },
    body: JSON.stringify({ staffId: store.cashierId, pin: CASHIER_PIN }),
  });
  expect(response.status).toBe(200);
  const { token } = (await response.json()) as { token: string };
  store.headers = { ...store.headers, authorization: `Bearer ${token}` };
}

function prepareStore(): Prepared {
  const f = setupSales('DK');
  const products = Array.from({ length: PRODUCTS }, (_, i) =>
    f.product({ sku: `K${i}`, priceMinor: 995 + i * 137 }),
  );
  const stock = f.ctx.db.prepare(
    "INSERT INTO stock_movements (product_id, quantity, reason, at) VALUES (?, ?, 'initial', '2026-01-01T00:00:00Z')",
  );
  for (const id of products) stock.run(id, INITIAL_STOCK);
  f.openSession();
  const prepared = {
    dir: f.ctx.dir,
    headers: { 'x-till-token': f.people.till.token },
    cashierId: f.people.cashierId,
    products,
    cashTender: f.tender.cash,
  };
  f.ctx.db.close();
  return prepared;
}

class Client {
  readonly acknowledged: { id: string; quantities: Map<string, number> }[] = [];
  retries = 0;

  constructor(
    private readonly baseUrl: () => string,
    private readonly store: Prepared,
    private readonly seed: number,
  ) {}

  /** Sends one step until the hub answers it; a dead or restarting hub is retried with the same body. */
  private async step(path: string, body: unknown): Promise<Record<string, unknown>> {
    for (;;) {
      try {
        const response = await fetch(`${this.baseUrl()}/api/v1${path}`, {
          method: 'POST',
          headers: { ...this.store.headers, 'content-type': 'application/json' },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(5_000),
        });
        const json = (await response.json()) as Record<string, unknown>;
        if (response.status >= 200 && response.status < 300) return json;
        if (response.status >= 500)
          throw new Error(`hub answered ${response.status}: ${JSON.stringify(json)}`);
        throw new Error(`${path} refused with ${response.status}: ${JSON.stringify(json)}`);
      } catch (error) {
        if (error instanceof Error && /refused with|hub answered/.test(error.message)) throw error;
        this.retries += 1;
        await new Promise((r) => setTimeout(r, 40));
      }
    }
  }

  async run(shouldStop: () => boolean): Promise<void> {
    let n = this.seed;
    while (!shouldStop()) {
      const saleId = newId();
      const quantities = new Map<string, number>();
      const lines = Array.from({ length: 5 }, (_, i) => {
        n = (n * 1103515245 + 12345) % 2147483648;
        const productId = this.store.products[(n + i) % this.store.products.length]!;
        const quantity = 1 + (n % 3);
        quantities.set(productId, (quantities.get(productId) ?? 0) + quantity);
        return { id: newId(), productId, quantity };
      });
      const sale = await this.step('/sales', { id: saleId, lines });
      const due = (sale.totals as { dueMinor: number }).dueMinor;
      await this.step(`/sales/${saleId}/payments`, {
        id: newId(),
        tenderId: this.store.cashTender,
        amountMinor: due,
        tenderedMinor: due + 5_000,
      });
      const done = await this.step(`/sales/${saleId}/complete`, {});
      expect(done.status).toBe('completed');
      this.acknowledged.push({ id: saleId, quantities });
    }
  }
}

describe('a hub killed with SIGKILL mid-traffic', () => {
  let hub: HubProcess | null = null;
  let store: Prepared | null = null;
  afterAll(async () => {
    await hub?.kill('SIGKILL');
    if (store) rmSync(store.dir, { recursive: true, force: true });
  });

  it('keeps every acknowledged sale exactly once and whole, and its ledgers verify', async () => {
    store = prepareStore();
    const port = await freePort();
    const env = { HUB_DATA_DIR: store.dir, HUB_DEMO: '0', HUB_HTTP_PORT: String(port) };
    hub = await startHubProcess(env);
    const baseUrl = () => `http://127.0.0.1:${port}`;
    await login(baseUrl(), store);
    let stop = false;
    const failures: unknown[] = [];
    const clients = Array.from({ length: CLIENTS }, (_, i) => new Client(baseUrl, store!, i + 1));
    const running = clients.map((c) =>
      c
        .run(() => stop)
        .catch((error: unknown) => {
          failures.push(error);
          stop = true;
        }),
    );

    for (let kill = 0; kill < KILLS; kill++) {
      await new Promise((r) => setTimeout(r, 1_500));
      await hub.kill('SIGKILL');
      await new Promise((r) => setTimeout(r, 200));
      hub = await startHubProcess(env);
    }
    await new Promise((r) => setTimeout(r, 1_000));
    stop = true;
    await Promise.all(running);
    await hub.kill('SIGTERM');
    hub = null;
    expect(failures).toEqual([]);

    const acknowledged = clients.flatMap((c) => c.acknowledged);
    const retries = clients.reduce((s, c) => s + c.retries, 0);
    expect(acknowledged.length).toBeGreaterThan(CLIENTS);
    expect(retries, 'the kills must have hit requests in flight').toBeGreaterThan(0);

    const db = openDatabase(`${store.dir}/hub.db`);
    try {
      const completed = db
        .prepare<[], { id: string; total_minor: number; rounding_minor: number; receipt_number: number }>(
          "SELECT id, total_minor, rounding_minor, receipt_number FROM sales WHERE status = 'completed'",
        )
        .all();
      // Every acknowledged sale is there once; nothing completed that a client does not know about.
      expect(new Set(completed.map((s) => s.id))).toEqual(new Set(acknowledged.map((s) => s.id)));
      expect(db.prepare("SELECT count(*) AS n FROM sales WHERE status <> 'completed'").get()).toEqual({
        n: 0,
      });

      const linesOf = db.prepare<[string], { n: number }>(
        "SELECT count(*) AS n FROM sale_lines WHERE sale_id = ? AND status = 'active'",
      );
      const paidOf = db.prepare<[string], { paid: number }>(
        "SELECT coalesce(sum(amount_minor), 0) AS paid FROM payments WHERE sale_id = ? AND status = 'approved' AND direction = 'charge'",
      );
      const movesOf = db.prepare<[string], { n: number }>(
        'SELECT count(*) AS n FROM stock_movements WHERE ref_id = ?',
      );
      const journalOf = db.prepare<[string], { n: number }>(
        "SELECT count(*) AS n FROM journal WHERE entity_id = ? AND type = 'sale.completed'",
      );
      for (const sale of completed) {
        expect(linesOf.get(sale.id)?.n).toBe(5);
        expect(paidOf.get(sale.id)?.paid).toBe(sale.total_minor + sale.rounding_minor);
        expect(movesOf.get(sale.id)?.n).toBeGreaterThan(0);
        expect(journalOf.get(sale.id)?.n).toBe(1);
      }

      const receipts = completed.map((s) => s.receipt_number).sort((a, b) => a - b);
      expect(receipts).toEqual(Array.from({ length: receipts.length }, (_, i) => i + 1));

      const sold = new Map<string, number>();
      for (const sale of acknowledged) {
        for (const [product, quantity] of sale.quantities)
          sold.set(product, (sold.get(product) ?? 0) + quantity);
      }
      const onHand = db.prepare<[string], { q: number }>(
        'SELECT coalesce(sum(quantity), 0) AS q FROM stock_movements WHERE product_id = ?',
      );
      for (const product of store.products) {
        expect(onHand.get(product)?.q).toBe(INITIAL_STOCK - (sold.get(product) ?? 0));
      }
      expect(verifyJournal(db)).toMatchObject({ ok: true });
    } finally {
      db.close();
    }
  }, 180_000);
});
