import { describe, expect, it } from 'vitest';
import type { ReturnableSale, ReturnQuote } from '../../web-ui/shared/api/returns-endpoints.js';
import type { SaleView } from '../../web-ui/shared/api/sales-endpoints.js';
import {
  addBlindProduct,
  blindSelection,
  hasChoice,
  looksLikeReceiptCode,
  MAX_BLIND_QUANTITY,
  missingPermissions,
  quantityOf,
  quoteRequest,
  receiptSelection,
  returnEverything,
  returnRequest,
  setQuantity,
  setReason,
  setRefund,
  setRestock,
} from '../../web-ui/till/returns/return-selection.js';

const MILK = '0190f000-0000-7000-8000-000000000001';
const CHEESE = '0190f000-0000-7000-8000-000000000002';
const REMOVED = '0190f000-0000-7000-8000-000000000003';
const APPLES = '0190f000-0000-7000-8000-000000000004';

function line(id: string, name: string, quantity: number, extra: Partial<SaleView['lines'][number]> = {}) {
  return {
    id,
    status: 'active' as const,
    productId: `p-${id}`,
    name,
    quantity,
    measured: false,
    unitPriceMinor: 1000,
    totalMinor: quantity * 1000,
    catalogPriceMinor: 1000,
    discount: null,
    discountReason: null,
    lineDiscountMinor: 0,
    saleDiscountMinor: 0,
    note: '',
    discountMinor: 0,
    promotions: [],
    ...extra,
  };
}

/** Three milks (one returned before), a cheese, a removed line, and 450 g of apples. */
function found(): ReturnableSale {
  const totals = {
    subtotalMinor: 0,
    discountMinor: 0,
    taxMinor: 0,
    totalMinor: 0,
    roundingMinor: 0,
    toPayMinor: 0,
    paidMinor: 0,
    pendingMinor: 0,
    dueMinor: 0,
    changeMinor: 0,
  };
  return {
    sale: {
      id: 'sale',
      status: 'completed',
      version: 1,
      currency: 'DKK',
      lines: [
        line(MILK, 'Milk', 3),
        line(CHEESE, 'Cheese', 1),
        line(REMOVED, 'Bread', 1, { status: 'removed' }),
        line(APPLES, 'Apples', 450, { measured: true, totalMinor: 1125 }),
      ],
      totals,
      payments: [],
      receipt: { number: 7, code: '1-7' },
      promotions: [],
      couponCodes: [],
      saleDiscount: null,
      saleDiscountReason: null,
      note: '',
      customerId: null,
      updatedAt: '2026-11-22T12:00:00.000Z',
    },
    returned: new Map([[MILK, 1]]),
  };
}

describe('picking what comes back against a receipt', () => {
  it('lists the active lines with what is left after earlier returns', () => {
    const s = receiptSelection('1-7', found());
    expect(s.lines.map((l) => [l.name, l.sold, l.returned, l.left])).toEqual([
      ['Milk', 3, 1, 2],
      ['Cheese', 1, 0, 1],
      ['Apples', 450, 0, 450],
    ]);
    expect(hasChoice(s)).toBe(false);
    expect(s.refund).toEqual({ kind: 'original' });
  });

  it('never offers more than is left, nor less than nothing', () => {
    let s = receiptSelection('1-7', found());
    s = setQuantity(s, MILK, 5);
    expect(quantityOf(s, MILK)).toBe(2);
    s = setQuantity(s, MILK, -1);
    expect(quantityOf(s, MILK)).toBe(0);
    expect(hasChoice(s)).toBe(false);
    expect(setQuantity(s, 'not-a-line', 1)).toBe(s);
    expect(setQuantity(s, MILK, 1.5)).toBe(s);
  });

  it('returns a weighed line whole or not at all', () => {
    let s = receiptSelection('1-7', found());
    s = setQuantity(s, APPLES, 1);
    expect(quantityOf(s, APPLES)).toBe(450);
    s = setQuantity(s, APPLES, 0);
    expect(quantityOf(s, APPLES)).toBe(0);
  });

  it('returns everything still returnable in one go', () => {
    const s = returnEverything(receiptSelection('1-7', found()));
    expect([MILK, CHEESE, APPLES].map((k) => quantityOf(s, k))).toEqual([2, 1, 450]);
  });

  it('restocks by default; a reason for goods that cannot be sold again takes them off the shelf', () => {
    let s = setQuantity(receiptSelection('1-7', found()), MILK, 1);
    expect(s.choices.get(MILK)?.restock).toBe(true);
    s = setReason(s, 'faulty', false);
    expect(s.choices.get(MILK)?.restock).toBe(false);
    // Picked after the reason: the reason's default holds.
    s = setQuantity(s, CHEESE, 1);
    expect(s.choices.get(CHEESE)?.restock).toBe(false);
    // The cashier may still say this one can be sold.
    s = setRestock(s, CHEESE, true);
    expect(s.choices.get(CHEESE)?.restock).toBe(true);
    // A free-text reason leaves the shelf choices alone.
    s = setReason(s, 'the customer found it cheaper', null);
    expect([s.choices.get(MILK)?.restock, s.choices.get(CHEESE)?.restock]).toEqual([false, true]);
    expect(setRestock(s, APPLES, true)).toBe(s);
  });
});

describe('the request for the hub', () => {
  it('asks for nothing until a line is picked and a reason given; quotes need no reason', () => {
    let s = receiptSelection('1-7', found());
    expect(returnRequest(s, null)).toBeNull();
    expect(quoteRequest(s, null)).toBeNull();
    s = setQuantity(s, MILK, 2);
    expect(returnRequest(s, null)).toBeNull();
    expect(quoteRequest(s, null)).toEqual({
      originalReceiptCode: '1-7',
      lines: [{ originalLineId: MILK, quantity: 2, restock: true, reason: 'quote' }],
    });
    s = setReason(s, '  changed-mind ', true);
    expect(returnRequest(s, null)).toEqual({
      originalReceiptCode: '1-7',
      lines: [{ originalLineId: MILK, quantity: 2, restock: true, reason: 'changed-mind' }],
    });
  });

  it('leaves the refund to the hub by default, and names one tender with the quoted total otherwise', () => {
    let s = setReason(setQuantity(receiptSelection('1-7', found()), CHEESE, 1), 'exchange', true);
    expect(returnRequest(s, 1000)?.refunds).toBeUndefined();
    s = setRefund(s, { kind: 'tender', tenderId: 'store-credit' });
    // Before the total is known the request cannot name the amount: it is quoted first without it.
    expect(returnRequest(s, null)?.refunds).toBeUndefined();
    expect(returnRequest(s, 1000)?.refunds).toEqual([{ tenderId: 'store-credit', amountMinor: 1000 }]);
  });

  it('tells which permissions of the quote the cashier lacks', () => {
    const quote: ReturnQuote = {
      lines: [],
      taxMinor: 0,
      totalMinor: 0,
      roundingMinor: 0,
      refundMinor: 0,
      refunds: [],
      permissions: ['return.refund', 'return.refund_other_tender'],
    };
    expect(missingPermissions(quote, ['cash.session'])).toEqual([
      'return.refund',
      'return.refund_other_tender',
    ]);
    expect(missingPermissions(quote, ['return.refund', 'return.refund_other_tender'])).toEqual([]);
  });
});

describe('returns without a receipt', () => {
  it('adds scanned products, counts repeats, and drops a line taken down to nothing', () => {
    let s = blindSelection();
    s = addBlindProduct(s, { id: 'prod-milk', name: 'Milk' });
    s = addBlindProduct(s, { id: 'prod-milk', name: 'Milk' });
    s = addBlindProduct(s, { id: 'prod-tea', name: 'Tea' });
    expect(s.lines.map((l) => [l.name, quantityOf(s, l.key)])).toEqual([
      ['Milk', 2],
      ['Tea', 1],
    ]);
    s = setReason(s, 'changed-mind', true);
    expect(returnRequest(s, null)).toEqual({
      lines: [
        { productId: 'prod-milk', quantity: 2, restock: true, reason: 'changed-mind' },
        { productId: 'prod-tea', quantity: 1, restock: true, reason: 'changed-mind' },
      ],
    });
    s = setQuantity(s, 'prod-tea', 0);
    expect(s.lines.map((l) => l.name)).toEqual(['Milk']);
    expect(quantityOf(setQuantity(s, 'prod-milk', 1000), 'prod-milk')).toBe(MAX_BLIND_QUANTITY);
  });
});

describe('receipt codes', () => {
  it('knows the printed code and the barcode form, and nothing else', () => {
    for (const code of ['3-127', '1-1', ' 12-99999 ', 'R00300000127', 'r00100000001']) {
      expect(looksLikeReceiptCode(code), code).toBe(true);
    }
    for (const code of ['5701234567899', '0-12', '3-', 'R0030000012', 'SC-ABCD-EFGH-JKMN', '']) {
      expect(looksLikeReceiptCode(code), code).toBe(false);
    }
  });
});
