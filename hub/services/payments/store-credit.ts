import { randomInt } from 'node:crypto';
import type { HubContext } from '../../context.js';
import type { PaymentRow } from '../../db/payments-queries.js';
import {
  insertStoreCredit,
  insertStoreCreditEntry,
  selectEntryForPayment,
  selectStoreCredit,
  selectStoreCreditBalance,
  selectStoreCreditEntries,
  type StoreCreditEntryKind,
} from '../../db/store-credit-queries.js';
import type { Tx } from '../../db/transactor.js';
import { BusinessRuleError, NotFoundError } from '../../errors.js';
import { newId } from '../../ids.js';

// Store credit is money the store owes a customer, so it is a ledger: a code printed on the return's
// receipt, and entries that only ever get added (issue +, redeem -, reversal +). The balance is their
// sum, read and written inside the payment's IMMEDIATE transaction, so two tills can never both spend it.

/** Crockford base32 without I, L, O, U: nothing a cashier can misread when keying a code in. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const GROUPS = 3;
const GROUP_LENGTH = 4;
const CODE_BODY = /^[0-9A-HJKMNP-TV-Z]+$/;

/** A new credit code, `SC-XXXX-XXXX-XXXX` (60 random bits: a bearer code must not be guessable). */
export function newCreditCode(): string {
  const groups = Array.from({ length: GROUPS }, () =>
    Array.from({ length: GROUP_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''),
  );
  return `SC-${groups.join('-')}`;
}

/** Accepts the code as printed, typed or scanned (any case, with or without dashes); null if it cannot be one. */
export function normalizeCreditCode(raw: string): string | null {
  const compact = raw
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/[OIL]/g, (c) => (c === 'O' ? '0' : '1'));
  const length = GROUPS * GROUP_LENGTH;
  const body = compact.length === length + 2 && compact.startsWith('SC') ? compact.slice(2) : compact;
  if (body.length !== length || !CODE_BODY.test(body)) return null;
  const parts = Array.from({ length: GROUPS }, (_, i) =>
    body.slice(i * GROUP_LENGTH, (i + 1) * GROUP_LENGTH),
  );
  return `SC-${parts.join('-')}`;
}

interface EntryArgs {
  code: string;
  amountMinor: number;
  saleId: string;
  paymentId: string;
  staffId: string | null;
}

function addEntry(tx: Tx, kind: StoreCreditEntryKind, args: EntryArgs): void {
  insertStoreCreditEntry(tx.db, {
    id: newId(),
    code: args.code,
    kind,
    amount_minor: kind === 'redeem' ? -args.amountMinor : args.amountMinor,
    sale_id: args.saleId,
    payment_id: args.paymentId,
    staff_id: args.staffId,
    at: tx.at,
  });
  tx.outbox('store_credit', args.code, 'upsert', {
    code: args.code,
    kind,
    amountMinor: args.amountMinor,
    paymentId: args.paymentId,
    balanceMinor: selectStoreCreditBalance(tx.db, args.code),
  });
}

/**
 * Issues the credit of an approved store-credit refund row (its `reference` is the code, made when the
 * return was written, or the code of the original store-credit payment being refunded). Runs in the
 * return's completion transaction; a row already issued is left alone.
 */
export function issueCreditForRefund(tx: Tx, refund: PaymentRow, currency: string): void {
  if (refund.tender_kind !== 'store_credit' || refund.status !== 'approved' || refund.reference === null)
    return;
  if (selectEntryForPayment(tx.db, refund.id, 'issue')) return;
  insertStoreCredit(tx.db, {
    code: refund.reference,
    currency,
    issued_sale_id: refund.sale_id,
    created_at: tx.at,
  });
  addEntry(tx, 'issue', {
    code: refund.reference,
    amountMinor: refund.amount_minor,
    saleId: refund.sale_id,
    paymentId: refund.id,
    staffId: refund.staff_id,
  });
}

/**
 * Spends credit for a payment inside the payment's transaction: 422 UNKNOWN_CREDIT, CREDIT_CURRENCY or
 * INSUFFICIENT_BALANCE (with the balance), else a redemption entry. Returns the code in its printed form.
 * The payment row must already be written (the entry names it).
 */
export function assertCreditCovers(tx: Tx, raw: string, currency: string, amountMinor: number): string {
  const code = normalizeCreditCode(raw);
  const credit = code === null ? undefined : selectStoreCredit(tx.db, code);
  if (code === null || !credit) {
    throw new BusinessRuleError('UNKNOWN_CREDIT', 'No store credit has this code', { reference: raw });
  }
  if (credit.currency !== currency) {
    throw new BusinessRuleError('CREDIT_CURRENCY', `This credit is in ${credit.currency}`, {
      code,
      currency: credit.currency,
    });
  }
  const balance = selectStoreCreditBalance(tx.db, code);
  if (amountMinor > balance) {
    throw new BusinessRuleError('INSUFFICIENT_BALANCE', `Only ${balance} is left on this credit`, {
      code,
      balanceMinor: balance,
      amountMinor,
    });
  }
  return code;
}

export function redeemCredit(tx: Tx, payment: PaymentRow): void {
  if (payment.reference === null) throw new Error('a store-credit payment without a code');
  addEntry(tx, 'redeem', {
    code: payment.reference,
    amountMinor: payment.amount_minor,
    saleId: payment.sale_id,
    paymentId: payment.id,
    staffId: payment.staff_id,
  });
}

/** A cancelled store-credit payment gives its amount back to the code it was taken from. */
export function reverseRedemption(tx: Tx, payment: PaymentRow, staffId: string): void {
  const spent = selectEntryForPayment(tx.db, payment.id, 'redeem');
  if (!spent || selectEntryForPayment(tx.db, payment.id, 'reversal')) return;
  addEntry(tx, 'reversal', {
    code: spent.code,
    amountMinor: -spent.amount_minor,
    saleId: payment.sale_id,
    paymentId: payment.id,
    staffId,
  });
}

export interface StoreCreditView {
  code: string;
  currency: string;
  balanceMinor: number;
  issuedSaleId: string | null;
  createdAt: string;
  entries: {
    kind: StoreCreditEntryKind;
    amountMinor: number;
    saleId: string | null;
    paymentId: string | null;
    at: string;
  }[];
}

/** Balance look-up for staff (GET /store-credit/{code}). */
export class StoreCreditService {
  constructor(private readonly ctx: HubContext) {}

  get(raw: string): StoreCreditView {
    return this.ctx.tx.read((db) => {
      const code = normalizeCreditCode(raw);
      const credit = code === null ? undefined : selectStoreCredit(db, code);
      if (code === null || !credit) throw new NotFoundError('Store credit', raw);
      return {
        code,
        currency: credit.currency,
        balanceMinor: selectStoreCreditBalance(db, code),
        issuedSaleId: credit.issued_sale_id,
        createdAt: credit.created_at,
        entries: selectStoreCreditEntries(db, code).map((e) => ({
          kind: e.kind,
          amountMinor: e.amount_minor,
          saleId: e.sale_id,
          paymentId: e.payment_id,
          at: e.at,
        })),
      };
    });
  }
}
