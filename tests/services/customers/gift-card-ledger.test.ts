import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Permission } from '../../../hub/contract/permissions.js';
import type { SaleRow } from '../../../hub/db/sales-queries.js';
import { BusinessRuleError } from '../../../hub/errors.js';
import {
  addGiftCardEntry,
  giftCardTender,
  normalizeGiftCardCode,
} from '../../../hub/services/customers/gift-card-ledger.js';
import { GiftCardService } from '../../../hub/services/customers/gift-card-service.js';
import { adminWith } from '../../support/principals.js';
import { createTestContext, type TestContext } from '../../support/hub-context.js';

const manager = (permissions: Permission[] = ['customers.manage']) => adminWith(permissions);

/** check() reads only the sale's currency. */
const sale = (currency: string) => ({ currency }) as SaleRow;

describe('gift card ledger', () => {
  let ctx: TestContext;
  let cards: GiftCardService;

  beforeEach(() => {
    ctx = createTestContext();
    cards = new GiftCardService(ctx, () => 'DKK');
  });
  afterEach(() => {
    ctx.close();
  });

  it('reads codes however they are typed and refuses what cannot be one', () => {
    expect(normalizeGiftCardCode(' gc-1234 5678 ')).toBe('GC12345678');
    expect(normalizeGiftCardCode('abc123')).toBe('ABC123');
    for (const bad of ['', 'ab12', 'GC_1234_5678', 'kort æøå 1234', 'X'.repeat(33)]) {
      expect(normalizeGiftCardCode(bad), bad).toBeNull();
    }
  });

  it('keeps the balance as the sum of its entries, every change an entry', () => {
    cards.reload(manager(), 'card-0001', { amountMinor: 10_000, note: 'issued' });
    cards.reload(manager(), 'CARD0001', { amountMinor: 2_500, note: 'top-up' });
    cards.reload(manager(), 'card 0001', { amountMinor: -500, note: 'correction' });
    const view = cards.get(manager(), 'CARD0001');
    expect(view.balanceMinor).toBe(12_000);
    expect(view.entries.map((e) => [e.kind, e.amountMinor, e.note])).toEqual([
      ['adjust', 10_000, 'issued'],
      ['adjust', 2_500, 'top-up'],
      ['adjust', -500, 'correction'],
    ]);
    const stored = ctx.db
      .prepare<[], { n: number }>(
        "SELECT sum(amount_minor) AS n FROM gift_card_entries WHERE code = 'CARD0001'",
      )
      .get();
    expect(stored?.n).toBe(12_000);
  });

  it('never takes a card below zero, and a refused change writes nothing', () => {
    cards.reload(manager(), 'CARD0002', { amountMinor: 1_000, note: 'issued' });
    expect(() => cards.reload(manager(), 'CARD0002', { amountMinor: -1_001, note: 'too much' })).toThrow(
      BusinessRuleError,
    );
    expect(() => cards.reload(manager(), 'NOSUCHCARD', { amountMinor: -1, note: 'x' })).toThrow(/not found/);
    expect(cards.get(manager(), 'CARD0002').entries).toHaveLength(1);
  });

  it('checks a redemption against the balance and the currency inside the transaction', () => {
    cards.reload(manager(), 'CARD0003', { amountMinor: 3_000, note: 'issued' });
    ctx.tx.write((tx) => {
      expect(giftCardTender.check(tx, sale('DKK'), 'card-0003', 3_000)).toBe('CARD0003');
      expect(() => giftCardTender.check(tx, sale('DKK'), 'CARD0003', 3_001)).toThrow(/Only 3000/);
      expect(() => giftCardTender.check(tx, sale('EUR'), 'CARD0003', 1)).toThrow(/in DKK/);
      expect(() => giftCardTender.check(tx, sale('DKK'), 'NOPE0000', 1)).toThrow(/No gift card/);
      expect(() => giftCardTender.check(tx, sale('DKK'), '', 1)).toThrow(/Enter the gift card code/);
      // A debit written in this transaction is seen by the next check in it.
      addGiftCardEntry(tx, { code: 'CARD0003', kind: 'adjust', amountMinor: -2_000, staffId: null });
      expect(() => giftCardTender.check(tx, sale('DKK'), 'CARD0003', 1_001)).toThrow(/Only 1000/);
    });
  });

  it('needs customers.manage to reload or list, not to look up a balance', () => {
    cards.reload(manager(), 'CARD0004', { amountMinor: 100, note: 'issued' });
    expect(() => cards.reload(manager([]), 'CARD0004', { amountMinor: 100, note: 'x' })).toThrow(
      /customers.manage/,
    );
    expect(() => cards.list(manager([]), '', 10, 0)).toThrow(/customers.manage/);
    expect(cards.get(manager([]), 'CARD0004').balanceMinor).toBe(100);
    expect(cards.list(manager(), 'card', 10, 0)).toMatchObject({ total: 1, items: [{ code: 'CARD0004' }] });
  });
});
