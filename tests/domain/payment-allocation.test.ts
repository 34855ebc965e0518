import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RefundTender } from '../../hub/domain/payment-allocation.js';
import { allocateRefund } from '../../hub/domain/payment-allocation.js';

const card = (key: string, paidMinor: number, refundedMinor = 0): RefundTender => ({
  key,
  paidMinor,
  refundedMinor,
  kind: 'card',
});
const cash = (key: string, paidMinor: number, refundedMinor = 0): RefundTender => ({
  key,
  paidMinor,
  refundedMinor,
  kind: 'cash',
});

describe('allocateRefund', () => {
  it('refunds the card before cash, whatever the input order', () => {
    // Paid 60.00 card + 40.00 cash, refund 70.00: card takes all 60.00, cash the other 10.00.
    expect(allocateRefund(7000, [cash('c', 4000), card('k', 6000)])).toEqual({
      ok: true,
      refunds: [
        { key: 'c', refundMinor: 1000 },
        { key: 'k', refundMinor: 6000 },
      ],
    });
    expect(allocateRefund(5000, [cash('c', 4000), card('k', 6000)])).toEqual({
      ok: true,
      refunds: [
        { key: 'c', refundMinor: 0 },
        { key: 'k', refundMinor: 5000 },
      ],
    });
  });

  it('treats a tender without a kind as non-cash and keeps input order among equals', () => {
    const voucher: RefundTender = { key: 'v', paidMinor: 300, refundedMinor: 0 };
    expect(allocateRefund(500, [cash('c', 1000), voucher, card('k', 1000)])).toEqual({
      ok: true,
      refunds: [
        { key: 'c', refundMinor: 0 },
        { key: 'v', refundMinor: 300 },
        { key: 'k', refundMinor: 200 },
      ],
    });
  });

  it('counts what was refunded before', () => {
    // Card 60.00 with 50.00 already refunded has 10.00 left; a 30.00 refund takes 20.00 in cash.
    expect(allocateRefund(3000, [card('k', 6000, 5000), cash('c', 4000)])).toMatchObject({
      refunds: [
        { key: 'k', refundMinor: 1000 },
        { key: 'c', refundMinor: 2000 },
      ],
    });
  });

  it('returns an error result for more than is refundable', () => {
    expect(allocateRefund(3001, [card('k', 6000, 5000), cash('c', 4000, 2000)])).toMatchObject({
      ok: false,
      code: 'REFUND_EXCEEDS_REFUNDABLE',
      refundableMinor: 3000,
    });
    expect(allocateRefund(1, [])).toMatchObject({ ok: false, refundableMinor: 0 });
  });

  it('refunds nothing for zero', () => {
    expect(allocateRefund(0, [card('k', 100)])).toEqual({
      ok: true,
      refunds: [{ key: 'k', refundMinor: 0 }],
    });
  });

  it('throws on malformed input, which is a programming fault', () => {
    expect(() => allocateRefund(-1, [card('k', 100)])).toThrow(/refundMinor/);
    expect(() => allocateRefund(1.5, [card('k', 100)])).toThrow(/refundMinor/);
    expect(() => allocateRefund(1, [card('k', 100, 101)])).toThrow(/tenders\[0\]/);
    expect(() => allocateRefund(1, [card('k', 100.5)])).toThrow(/paidMinor/);
    expect(() => allocateRefund(1, [card('k', 100), cash('k', 100)])).toThrow(/duplicate/);
  });

  it('sums exactly, stays within each tender, uses cash last (property)', () => {
    const tender = fc
      .record({ paid: fc.nat(1_000_000), share: fc.nat(100), isCash: fc.boolean() })
      .map(({ paid, share, isCash }) => ({ paid, refunded: Math.floor((paid * share) / 100), isCash }));
    fc.assert(
      fc.property(fc.array(tender, { maxLength: 8 }), fc.nat(10_000_000), (raw, refund) => {
        const tenders = raw.map((t, i): RefundTender => ({
          key: `t${i}`,
          paidMinor: t.paid,
          refundedMinor: t.refunded,
          kind: t.isCash ? 'cash' : 'card',
        }));
        const available = tenders.map((t) => t.paidMinor - t.refundedMinor);
        const refundable = available.reduce((a, b) => a + b, 0);
        const result = allocateRefund(refund, tenders);
        if (!result.ok) {
          expect(refund).toBeGreaterThan(refundable);
          expect(result.refundableMinor).toBe(refundable);
          return;
        }
        expect(result.refunds.reduce((a, r) => a + r.refundMinor, 0)).toBe(refund);
        const nonCashLeft = result.refunds.reduce(
          (a, r, i) => (tenders[i]!.kind === 'cash' ? a : a + available[i]! - r.refundMinor),
          0,
        );
        result.refunds.forEach((r, i) => {
          expect(r.key).toBe(tenders[i]!.key);
          expect(r.refundMinor).toBeGreaterThanOrEqual(0);
          expect(r.refundMinor).toBeLessThanOrEqual(available[i]!);
          if (tenders[i]!.kind === 'cash' && r.refundMinor > 0) expect(nonCashLeft).toBe(0);
        });
      }),
    );
  });
});
