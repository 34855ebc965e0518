import { ManualClock } from '../../support/hub-context.js';
import { getTaxClassByCode } from '../../../hub/db/settings-queries.js';
import { newId } from '../../../hub/ids.js';
import { CategoryService } from '../../../hub/services/catalog/category-service.js';
import { ReportService } from '../../../hub/services/reports/report-service.js';
import type { SaleActor, SaleView } from '../../../hub/services/sales/types.js';
import { SYSTEM_ACTOR } from '../../../hub/services/settings/actor.js';
import type { TaxClassCode } from '../../../hub/services/settings/presets.js';
import { SUPERVISOR_PIN } from '../../support/access-fixtures.js';
import { setupSales, type SalesFixture } from '../sales/sales-fixture.js';

/** A small deterministic generator (mulberry32), so a failing total can be replayed. */
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface ProductSpec {
  sku: string;
  priceMinor: number;
  costMinor: number;
  tax: TaxClassCode;
  category: string | null;
  weighed?: boolean;
}

const PRODUCTS: ProductSpec[] = [
  { sku: 'BREAD', priceMinor: 349, costMinor: 120, tax: 'food', category: 'Bakery' },
  { sku: 'BUN', priceMinor: 95, costMinor: 31, tax: 'food', category: 'Bakery' },
  { sku: 'COFFEE', priceMinor: 799, costMinor: 455, tax: 'food', category: 'Drinks' },
  { sku: 'SODA', priceMinor: 229, costMinor: 88, tax: 'standard', category: 'Drinks' },
  { sku: 'BOOK', priceMinor: 2495, costMinor: 1500, tax: 'reduced', category: 'Books' },
  { sku: 'BATTERY', priceMinor: 599, costMinor: 210, tax: 'standard', category: null },
  { sku: 'CHEESE', priceMinor: 1990, costMinor: 1105, tax: 'food', category: 'Deli', weighed: true },
];

export interface GeneratedStore {
  f: SalesFixture;
  clock: ManualClock;
  reports: ReportService;
  products: Map<string, string>;
  categories: Map<string, string>;
  /** Costs the test knew when each line was sold: line id -> cost in minor units. */
  lineCosts: Map<string, number>;
  tills: { id: string; actor: SaleActor; supervisor: SaleActor }[];
  /** First and last local dates the generator sold on. */
  firstDate: string;
  lastDate: string;
  close(): void;
}

/**
 * A Finnish store (three VAT rates, cash rounding to 0.05, Helsinki time) that sells for `days` days at two
 * tills through the real sales, payment and return services: mixed tenders, discounts, a weighed item,
 * partial returns, voided sales, removed lines and a cost change halfway, with the clock moving between.
 */
export async function generateStore(days: number, seed = 7): Promise<GeneratedStore> {
  const f = setupSales('FI');
  const clock = f.ctx.clock;
  if (!(clock instanceof ManualClock)) throw new Error('the sales fixture runs on a ManualClock');
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const categories = new Map<string, string>();
  const categoryService = new CategoryService(f.ctx);
  for (const name of new Set(PRODUCTS.map((p) => p.category).filter((c) => c !== null))) {
    categories.set(name, categoryService.create({ name, parentId: null }, SYSTEM_ACTOR).category.id);
  }
  const products = new Map<string, string>();
  const costs = new Map<string, number>();
  for (const p of PRODUCTS) {
    const taxClass = f.ctx.tx.read((db) => getTaxClassByCode(db, p.tax))!;
    const { product } = f.catalog.create(
      {
        id: newId(),
        sku: p.sku,
        name: `Product ${p.sku}`,
        taxClassId: taxClass.id,
        categoryId: p.category === null ? null : categories.get(p.category)!,
        unit: p.weighed ? 'kg' : 'piece',
        weighed: p.weighed ?? false,
        priceMinor: p.priceMinor,
        costMinor: p.costMinor,
        hasVariants: false,
        active: true,
      },
      SYSTEM_ACTOR,
    );
    products.set(p.sku, product.id);
    costs.set(product.id, p.costMinor);
  }
  const second = f.addTill('Till 2');
  const tills = [
    {
      id: f.people.till.tillId,
      actor: f.cashier,
      supervisor: f.actorAt(f.people.till, f.people.supervisorId, SUPERVISOR_PIN),
    },
    {
      id: second.tillId,
      actor: f.actorAt(second, f.people.supervisorId, SUPERVISOR_PIN),
      supervisor: f.actorAt(second, f.people.supervisorId, SUPERVISOR_PIN),
    },
  ];
  for (const t of tills) f.openSession(t.actor);
  const lineCosts = new Map<string, number>();
  const remember = (sale: SaleView) => {
    for (const l of sale.lines) {
      if (l.status !== 'active') continue;
      const unit = costs.get(l.productId)!;
      lineCosts.set(l.id, l.measured ? Math.round((unit * l.quantity) / 1000) : unit * l.quantity);
    }
  };
  const completed: { sale: SaleView; till: (typeof tills)[number] }[] = [];
  const dayMs = 86_400_000;
  const start = clock.now().getTime();
  for (let day = 0; day < days; day++) {
    // Each day starts at 06:00 UTC (09:00 in Helsinki) and runs into the evening.
    clock.advance(start + day * dayMs + 6 * 3_600_000 - clock.now().getTime());
    if (day === Math.floor(days / 2)) {
      // A supplier raised the cost: lines sold before keep the cost they had.
      const coffee = products.get('COFFEE')!;
      f.catalog.update(coffee, { costMinor: 520 }, SYSTEM_ACTOR);
      costs.set(coffee, 520);
    }
    const sales = 4 + Math.floor(rnd() * 5);
    for (let n = 0; n < sales; n++) {
      clock.advance(Math.floor(rnd() * 100) * 60_000 + 60_000);
      const till = pick(tills);
      const lines = Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => {
        const sku = pick(PRODUCTS);
        const line = f.line(products.get(sku.sku)!, {
          quantity: sku.weighed ? 150 + Math.floor(rnd() * 900) : 1 + Math.floor(rnd() * 3),
        });
        return rnd() < 0.2
          ? { ...line, discount: { kind: 'percent' as const, bp: 1000 }, discountReason: 'damaged' }
          : line;
      });
      const actor = rnd() < 0.3 ? till.supervisor : till.actor;
      const { sale } = await f.mod.sales.cart.create(actor, {
        id: newId(),
        lines,
        ...(rnd() < 0.15
          ? { saleDiscount: { kind: 'percent' as const, bp: 500 }, saleDiscountReason: 'staff' }
          : {}),
      });
      let current = sale;
      if (rnd() < 0.1) {
        await f.mod.sales.lifecycle.void(till.supervisor, sale.id, null, 'customer left');
        continue;
      }
      if (lines.length > 1 && rnd() < 0.2) {
        ({ sale: current } = await f.mod.sales.cart.update(till.supervisor, sale.id, {
          expectedVersion: sale.version,
          lines: lines.slice(1),
        }));
      }
      const due = current.totals.dueMinor;
      const way = rnd();
      if (way < 0.5) {
        await f.mod.payments.add(actor, sale.id, { id: newId(), tenderId: f.tender.card, amountMinor: due });
      } else if (way < 0.75) {
        const part = Math.floor(due / 2);
        await f.mod.payments.add(actor, sale.id, {
          id: newId(),
          tenderId: f.tender.mobile,
          amountMinor: part,
        });
        const quote = f.mod.payments.cashQuote(actor, sale.id);
        await f.mod.payments.add(actor, sale.id, {
          id: newId(),
          tenderId: f.tender.cash,
          amountMinor: quote.cashDueMinor,
        });
      } else {
        const quote = f.mod.payments.cashQuote(actor, sale.id);
        await f.mod.payments.add(actor, sale.id, {
          id: newId(),
          tenderId: f.tender.cash,
          amountMinor: quote.cashDueMinor,
          tenderedMinor: quote.cashDueMinor + 500,
        });
      }
      const done = f.mod.sales.completion.complete(actor, sale.id);
      remember(done);
      completed.push({ sale: done, till });
    }
    // Now and then a customer brings part of an earlier sale back.
    if (completed.length > 3 && rnd() < 0.7) {
      // Each sale comes back at most once, so a line is never returned past what was sold.
      const { sale, till } = completed.splice(Math.floor(rnd() * completed.length), 1)[0]!;
      const line = sale.lines.find((l) => l.status === 'active' && !l.measured && l.quantity > 0);
      if (line) {
        const { sale: ret } = await f.mod.returns.create(till.supervisor, {
          id: newId(),
          originalReceiptCode: sale.receipt!.code,
          lines: [
            {
              originalLineId: line.id,
              quantity: 1,
              restock: rnd() < 0.5,
              reason: pick(['unwanted', 'damaged']),
            },
          ],
        });
        for (const l of ret.lines) {
          if (l.status === 'active')
            lineCosts.set(l.id, (lineCosts.get(line.id)! / line.quantity) * l.quantity);
        }
      }
    }
  }
  const reports = new ReportService(f.ctx);
  const date = (ms: number) =>
    new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Helsinki' }).format(new Date(ms));
  return {
    f,
    clock,
    reports,
    products,
    categories,
    lineCosts,
    tills,
    firstDate: date(start),
    lastDate: date(clock.now().getTime()),
    close: () => {
      f.close();
    },
  };
}
