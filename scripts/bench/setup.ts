// Prepares a hub data dir the way a store would have it, through the real services: migrated database,
// the DK settings preset, staff with PINs, paired tills with known tokens, a catalog and, on request, an
// open cash session per till. The database is closed afterwards so the real hub process can open it.
import { join } from 'node:path';
import { systemClock } from '../../hub/clock.js';
import type { HubContext } from '../../hub/context.js';
import { openDatabase } from '../../hub/db/connection.js';
import { migrate } from '../../hub/db/migrate.js';
import { getTaxClassByCode, listTenders } from '../../hub/db/settings-queries.js';
import { Transactor } from '../../hub/db/transactor.js';
import { EventBus } from '../../hub/events/event-bus.js';
import { newId } from '../../hub/ids.js';
import { AccessService } from '../../hub/services/access/access-service.js';
import { CashService } from '../../hub/services/cash/cash-service.js';
import { SYSTEM_ACTOR } from '../../hub/services/settings/actor.js';
import { SettingsService } from '../../hub/services/settings/settings-service.js';
import { addStaff, addTill, seedRoles } from '../../tests/support/access-fixtures.js';
import { bulkInsertProducts } from '../demo/catalog-bulk.js';

export interface BenchContext extends HubContext {
  dbPath: string;
  close(): void;
}

/** A HubContext on `<dir>/hub.db` (migrated), like the hub's composition root builds it. */
export function openBenchContext(dir: string): BenchContext {
  const dbPath = join(dir, 'hub.db');
  const db = openDatabase(dbPath);
  migrate(db);
  const bus = new EventBus();
  return {
    dbPath,
    db,
    bus,
    clock: systemClock,
    tx: new Transactor(db, bus, systemClock),
    log: () => undefined,
    close: () => {
      db.close();
    },
  };
}

export interface BenchTill {
  tillId: string;
  number: number;
  /** Sent as X-Till-Token. */
  token: string;
  /** The cashier who logs in at this till (one session per till: a PIN login replaces the last one). */
  staffId: string;
  pin: string;
}

export interface PreparedStore {
  dir: string;
  tills: BenchTill[];
  cashTenderId: string;
  products: number;
  /** Wall time of the catalog generation alone. */
  catalogMs: number;
}

export interface StoreOptions {
  products: number;
  tills: number;
  /** Open a cash session on every till (sales cannot complete without one). */
  openCash: boolean;
  onBatch?: (inserted: number) => void;
}

/** Fills `dir` with a ready store and closes the database. */
export function prepareStore(dir: string, options: StoreOptions): PreparedStore {
  const ctx = openBenchContext(dir);
  try {
    const settings = new SettingsService(ctx);
    settings.applyPreset('DK', SYSTEM_ACTOR);
    seedRoles(ctx);
    const access = new AccessService(ctx);
    const cash = new CashService(ctx, { access, settings });
    const tills: BenchTill[] = [];
    for (let i = 0; i < options.tills; i++) {
      // PINs are distinct so a cashier is identified by PIN alone, as on a real till's login screen.
      const pin = String(4000 + i);
      const staffId = addStaff(ctx, { name: `Bench Cashier ${String(i + 1)}`, role: 'cashier', pin });
      const till = addTill(ctx, `Bench Till ${String(i + 1)}`);
      tills.push({ ...till, staffId, pin });
      if (options.openCash) {
        const tillOnly = access.resolvePrincipal({ tillToken: till.token }, '127.0.0.1');
        const { token } = access.sessions.loginPin(tillOnly, { staffId, pin });
        const principal = access.resolvePrincipal({ tillToken: till.token, bearer: token }, '127.0.0.1');
        cash.open(principal, till.tillId, { id: newId(), totalMinor: 100_000 });
      }
    }
    const taxClass = ctx.tx.read((db) => getTaxClassByCode(db, 'standard'));
    if (!taxClass) throw new Error('the DK preset has no standard tax class');
    const cashTender = ctx.tx.read((db) => listTenders(db)).find((t) => t.kind === 'cash');
    if (!cashTender) throw new Error('the DK preset has no cash tender');
    const start = process.hrtime.bigint();
    const products = bulkInsertProducts(ctx.db, {
      count: options.products,
      taxClassId: taxClass.id,
      gtinPrefix: gtinPrefixFor(options.products),
      onBatch: options.onBatch,
    });
    const catalogMs = Number(process.hrtime.bigint() - start) / 1e6;
    ctx.db.pragma('wal_checkpoint(TRUNCATE)');
    return { dir, tills, cashTenderId: cashTender.id, products, catalogMs };
  } finally {
    ctx.close();
  }
}

/**
 * The generator pads the product number to 12 - prefix digits, so its default 7-digit prefix holds only
 * 100,000 products; beyond that the codes come out 14 digits long (15 as stored), which no scanner sends.
 * A shorter prefix leaves room for the product number: 6 digits for up to 1,000,000 products.
 */
export function gtinPrefixFor(count: number): string {
  const digits = Math.max(5, String(Math.max(0, count - 1)).length);
  if (digits > 9) throw new Error(`the bulk generator cannot make ${String(count)} distinct EAN-13s`);
  return '5790000'.slice(0, 12 - digits);
}

/** `count` random distinct existing GTINs (stored GTIN-14 form) from the catalog in `dir`. */
export function sampleBarcodes(dir: string, count: number): string[] {
  const ctx = openBenchContext(dir);
  try {
    return ctx.db
      .prepare<[number], { code: string }>(
        "SELECT code FROM barcodes WHERE kind = 'gtin' ORDER BY random() LIMIT ?",
      )
      .all(count)
      .map((row) => row.code);
  } finally {
    ctx.close();
  }
}

/** Product ids to put on sales: the first `count` of the catalog. */
export function sampleProductIds(dir: string, count: number): string[] {
  const ctx = openBenchContext(dir);
  try {
    return ctx.db
      .prepare<[number], { id: string }>('SELECT id FROM products WHERE active = 1 ORDER BY num LIMIT ?')
      .all(count)
      .map((row) => row.id);
  } finally {
    ctx.close();
  }
}
