import type { Principal } from '../../../hub/contract/principal.js';
import { newId } from '../../../hub/ids.js';
import { AccessService } from '../../../hub/services/access/access-service.js';
import type { CashService } from '../../../hub/services/cash/cash-service.js';
import { createCashModule } from '../../../hub/services/cash/module.js';
import { SettingsService } from '../../../hub/services/settings/settings-service.js';
import {
  CASHIER_PIN,
  MANAGER_LOGIN,
  MANAGER_PASSWORD,
  SUPERVISOR_PIN,
  seedAccess,
  type AccessFixture,
  type FixtureTill,
} from '../../support/access-fixtures.js';
import { createTestContext, type TestContext } from '../../support/hub-context.js';
import { loginAdmin, loginAtTill } from '../../support/test-app.js';

export interface CashFixture extends AccessFixture {
  ctx: TestContext;
  access: AccessService;
  settings: SettingsService;
  cash: CashService;
  /** The cashier (cash.session only) logged in at the fixture till. */
  cashier: Principal;
  /** The supervisor (drawer.open, cash.close_session) logged in at the fixture till. */
  supervisor: Principal;
  admin: Principal;
  staffAt(till: FixtureTill, staffId: string, pin: string): Principal;
}

/** A Danish store (DKK, 50 øre rounding) with the access fixture, its tenders and the cash module. */
export function setupCash(): CashFixture {
  const ctx = createTestContext();
  const access = new AccessService(ctx);
  access.start();
  const seed = seedAccess(ctx);
  const settings = new SettingsService(ctx);
  settings.ensureSetUp();
  const { service: cash } = createCashModule(ctx, { access, settings });
  const staffAt = (till: FixtureTill, staffId: string, pin: string): Principal => {
    const headers = loginAtTill(access, till, staffId, pin);
    const bearer = headers.authorization?.replace('Bearer ', '');
    return access.resolvePrincipal({ tillToken: till.token, bearer }, '127.0.0.1');
  };
  const adminHeaders = loginAdmin(access, MANAGER_LOGIN, MANAGER_PASSWORD);
  const cookie = adminHeaders.cookie?.replace('hub_admin=', '');
  return {
    ...seed,
    ctx,
    access,
    settings,
    cash,
    cashier: staffAt(seed.till, seed.cashierId, CASHIER_PIN),
    supervisor: staffAt(seed.till, seed.supervisorId, SUPERVISOR_PIN),
    admin: access.resolvePrincipal({ cookie }, '127.0.0.1'),
    staffAt,
  };
}

export interface FakeSale {
  sessionId: string;
  tillId: string;
  staffId: string;
  kind?: 'sale' | 'return';
  status?: 'completed' | 'voided';
  /** What the customer paid (or got back), tax included. */
  totalMinor: number;
  taxRateBp?: number;
  taxMinor?: number;
  discountMinor?: number;
  roundingMinor?: number;
  tender?: 'cash' | 'card';
  /** Cash kept in (or paid out of) the drawer; defaults to the total for cash. */
  cashMinor?: number;
}

/**
 * Writes a completed sale or return the way the sales area does (sale, one line, one approved payment,
 * and for cash a drawer movement), so report figures can be checked without building carts.
 */
export function insertFakeSale(ctx: TestContext, sale: FakeSale): string {
  const id = newId();
  const kind = sale.kind ?? 'sale';
  const status = sale.status ?? 'completed';
  const tender = sale.tender ?? 'cash';
  const rate = sale.taxRateBp ?? 2500;
  const tax = sale.taxMinor ?? 0;
  ctx.tx.write((tx) => {
    const db = tx.db;
    const taxClass = db.prepare<[], { id: string }>('SELECT id FROM tax_classes LIMIT 1').get();
    const tenderRow = db
      .prepare<[string], { id: string }>('SELECT id FROM tenders WHERE kind = ?')
      .get(tender);
    if (!taxClass || !tenderRow)
      throw new Error('settings.ensureSetUp() should have made tax classes and tenders');
    const productId = newId();
    db.prepare(
      `INSERT INTO products (id, sku, name, tax_class_id, unit, price_minor, change_seq, created_at, updated_at)
       VALUES (?, ?, 'Test item', ?, 'piece', ?, ?, ?, ?)`,
    ).run(
      productId,
      `SKU-${productId}`,
      taxClass.id,
      sale.totalMinor,
      tx.nextCounter('catalog'),
      tx.at,
      tx.at,
    );
    const completed = status === 'completed';
    db.prepare(
      `INSERT INTO sales (id, kind, status, till_id, staff_id, cash_session_id, currency, tax_mode, discount_minor,
         tax_minor, rounding_minor, subtotal_minor, total_minor, receipt_number, request_hash, cart_hash,
         created_at, updated_at, voided_at, completed_at)
       VALUES (?, ?, ?, ?, ?, ?, 'DKK', 'inclusive', ?, ?, ?, ?, ?, ?, 'test', 'test', ?, ?, ?, ?)`,
    ).run(
      id,
      kind,
      status,
      sale.tillId,
      sale.staffId,
      completed ? sale.sessionId : null,
      sale.discountMinor ?? 0,
      tax,
      sale.roundingMinor ?? 0,
      sale.totalMinor,
      sale.totalMinor,
      completed ? tx.nextCounter(`test.receipt.${sale.tillId}`) : null,
      tx.at,
      tx.at,
      completed ? null : tx.at,
      completed ? tx.at : null,
    );
    if (status !== 'completed') return;
    db.prepare(
      `INSERT INTO sale_lines (id, sale_id, line_no, product_id, sku, name, quantity, measured, unit_price_minor,
         catalog_price_minor, gross_minor, line_discount_minor, sale_discount_minor, net_minor, tax_class_id,
         tax_rate_bp, tax_minor, total_minor)
       VALUES (?, ?, 1, ?, 'SKU', 'Test item', 1, 0, ?, ?, ?, 0, 0, ?, ?, ?, ?, ?)`,
    ).run(
      newId(),
      id,
      productId,
      sale.totalMinor,
      sale.totalMinor,
      sale.totalMinor,
      sale.totalMinor,
      taxClass.id,
      rate,
      tax,
      sale.totalMinor,
    );
    db.prepare(
      `INSERT INTO payments (id, sale_id, tender_id, tender_kind, direction, status, amount_minor, request_hash,
         created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 'approved', ?, 'test', ?, ?)`,
    ).run(
      newId(),
      id,
      tenderRow.id,
      tender,
      kind === 'sale' ? 'charge' : 'refund',
      sale.totalMinor,
      tx.at,
      tx.at,
    );
    if (tender === 'cash') {
      const cash = sale.cashMinor ?? sale.totalMinor;
      db.prepare(
        `INSERT INTO cash_movements (id, session_id, kind, amount_minor, sale_id, staff_id, at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        newId(),
        sale.sessionId,
        kind === 'sale' ? 'sale' : 'refund',
        kind === 'sale' ? cash : -cash,
        id,
        sale.staffId,
        tx.at,
      );
    }
  });
  return id;
}
