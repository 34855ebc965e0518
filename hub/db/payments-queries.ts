import type { Db } from './connection.js';

export type PaymentStatus = 'pending' | 'approved' | 'declined' | 'cancelled' | 'unknown';
export type TenderKindColumn =
  'cash' | 'card' | 'mobile' | 'voucher' | 'store_credit' | 'other' | 'gift_card' | 'loyalty';

export interface PaymentRow {
  id: string;
  sale_id: string;
  tender_id: string;
  tender_kind: TenderKindColumn;
  direction: 'charge' | 'refund';
  status: PaymentStatus;
  amount_minor: number;
  tendered_minor: number | null;
  change_minor: number;
  rounding_minor: number;
  original_payment_id: string | null;
  terminal_ref: string | null;
  reference: string | null;
  reason: string | null;
  provider_data: string;
  request_hash: string;
  staff_id: string | null;
  created_at: string;
  updated_at: string;
  resolved_at: string | null;
}

export interface TenderRow {
  id: string;
  kind: TenderKindColumn;
  name: string;
  enabled: 0 | 1;
}

const COLUMNS = [
  'id',
  'sale_id',
  'tender_id',
  'tender_kind',
  'direction',
  'status',
  'amount_minor',
  'tendered_minor',
  'change_minor',
  'rounding_minor',
  'original_payment_id',
  'terminal_ref',
  'reference',
  'reason',
  'provider_data',
  'request_hash',
  'staff_id',
  'created_at',
  'updated_at',
  'resolved_at',
] as const;

export function selectTender(db: Db, id: string): TenderRow | undefined {
  return db.prepare<[string], TenderRow>('SELECT id, kind, name, enabled FROM tenders WHERE id = ?').get(id);
}

/** The first enabled tender of a kind (the cash tender a refund falls back to). */
export function selectTenderByKind(db: Db, kind: TenderKindColumn): TenderRow | undefined {
  return db
    .prepare<[string], TenderRow>(
      'SELECT id, kind, name, enabled FROM tenders WHERE kind = ? AND enabled = 1 ORDER BY sort, id LIMIT 1',
    )
    .get(kind);
}

export function selectPayment(db: Db, id: string): PaymentRow | undefined {
  return db.prepare<[string], PaymentRow>('SELECT * FROM payments WHERE id = ?').get(id);
}

export function selectPaymentsForSale(db: Db, saleId: string): PaymentRow[] {
  return db
    .prepare<[string], PaymentRow>('SELECT * FROM payments WHERE sale_id = ? ORDER BY created_at, id')
    .all(saleId);
}

export function selectUnresolvedPayments(db: Db): PaymentRow[] {
  return db
    .prepare<[], PaymentRow>(
      "SELECT * FROM payments WHERE status IN ('pending', 'unknown') ORDER BY created_at, id",
    )
    .all();
}

/** Approved refunds already made against an original payment (any later return counts). */
export function selectRefundedByOriginal(db: Db, originalPaymentId: string): number {
  return (
    db
      .prepare<[string], { n: number | null }>(
        `SELECT sum(amount_minor - rounding_minor) AS n FROM payments
          WHERE original_payment_id = ? AND direction = 'refund' AND status IN ('approved', 'pending', 'unknown')`,
      )
      .get(originalPaymentId)?.n ?? 0
  );
}

export function insertPayment(db: Db, row: PaymentRow): void {
  db.prepare(
    `INSERT INTO payments (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((c) => `@${c}`).join(', ')})`,
  ).run(row);
}

export interface PaymentOutcomeUpdate {
  id: string;
  status: PaymentStatus;
  terminal_ref: string | null;
  reason: string | null;
  provider_data: string;
  updated_at: string;
  resolved_at: string | null;
}

export function updatePaymentOutcome(db: Db, u: PaymentOutcomeUpdate): void {
  db.prepare(
    `UPDATE payments SET status = @status, terminal_ref = coalesce(@terminal_ref, terminal_ref),
       reason = @reason, provider_data = @provider_data, updated_at = @updated_at,
       resolved_at = coalesce(@resolved_at, resolved_at)
     WHERE id = @id`,
  ).run(u);
}
