import { describe, expect, it } from 'vitest';
import {
  formOf,
  newForm,
  readForm,
  ruleSummary,
  type PromotionForm,
} from '../../web-ui/admin/promotions/promotion-form.js';
import { fromWallClock, toWallClock } from '../../web-ui/admin/promotions/shop-clock.js';
import type { Promotion } from '../../web-ui/admin/promotions/promotions-api.js';

const TEA = '01890a5d-ac96-774b-bcce-b302099a8001';
const MILK = '01890a5d-ac96-774b-bcce-b302099a8002';
const LOCALES = ['da', 'da-DK'];

function form(change: Partial<PromotionForm>): PromotionForm {
  return {
    ...newForm(new Date('2026-12-01T10:00:00')),
    name: 'Winter',
    target: { productIds: [TEA], categoryIds: [] },
    ...change,
  };
}

describe('the campaign form', () => {
  it('reads each kind of rule from what was typed, amounts in the store currency', () => {
    const read = (change: Partial<PromotionForm>) => readForm(form(change), 'DKK', LOCALES);
    expect(read({ kind: 'percent_off', percent: '12,5' })).toMatchObject({
      draft: { rule: { kind: 'percent_off', bp: 1250 } },
    });
    expect(read({ kind: 'amount_off', amount: '5,50' })).toMatchObject({
      draft: { rule: { kind: 'amount_off', amountMinor: 550 } },
    });
    expect(read({ kind: 'fixed_price', amount: '9' })).toMatchObject({
      draft: { rule: { kind: 'fixed_price', priceMinor: 900 } },
    });
    expect(read({ kind: 'multibuy', buy: '3', pay: '2' })).toMatchObject({
      draft: { rule: { kind: 'multibuy', buy: 3, pay: 2 } },
    });
    expect(read({ kind: 'bundle_price', quantity: '2', amount: '30' })).toMatchObject({
      draft: { rule: { kind: 'bundle_price', quantity: 2, priceMinor: 3000 } },
    });
    expect(
      read({
        kind: 'buy_get',
        buy: '2',
        get: '1',
        percent: '100',
        getTarget: { productIds: [MILK], categoryIds: [] },
      }),
    ).toMatchObject({ draft: { rule: { kind: 'buy_get', getPercentBp: 10_000 } } });
  });

  it('says what to fix, field by field, and gives no campaign', () => {
    const read = readForm(
      form({
        name: ' ',
        kind: 'multibuy',
        buy: '2',
        pay: '2',
        target: { productIds: [], categoryIds: [] },
        endsAt: '2026-11-30T10:00',
        couponCode: 'a b',
        priority: '-1',
      }),
      'DKK',
      LOCALES,
    );
    expect('errors' in read && Object.keys(read.errors).sort()).toEqual([
      'couponCode',
      'endsAt',
      'name',
      'pay',
      'priority',
      'target',
    ]);
    const buyGet = readForm(form({ kind: 'buy_get', percent: '0' }), 'DKK', LOCALES);
    expect('errors' in buyGet && Object.keys(buyGet.errors).sort()).toEqual(['getTarget', 'percent']);
  });

  it('upper-cases a coupon code and reads an empty end as no end', () => {
    const read = readForm(form({ percent: '10', couponCode: ' winter-10 ' }), 'DKK', LOCALES);
    expect(read).toMatchObject({ draft: { couponCode: 'WINTER-10', endsAt: null, customersOnly: false } });
  });

  it('fills the form back from a saved campaign so saving it unchanged changes nothing', () => {
    const saved: Promotion = {
      id: 'p1',
      name: 'Milk',
      target: { productIds: [MILK], categoryIds: [] },
      rule: { kind: 'bundle_price', quantity: 3, priceMinor: 2550 },
      startsAt: '2026-12-01T09:00:00.000Z',
      endsAt: '2026-12-08T09:00:00.000Z',
      couponCode: null,
      customersOnly: true,
      priority: 5,
      status: 'scheduled',
      updatedAt: '2026-11-30T09:00:00.000Z',
    };
    const { id: _id, status: _status, updatedAt: _updated, ...draft } = saved;
    expect(readForm(formOf(saved, 'DKK'), 'DKK', ['en'])).toEqual({ draft });
  });

  it('sums a rule up in a few words', () => {
    expect(ruleSummary({ kind: 'multibuy', buy: 3, pay: 2 }, 'DKK')).toBe('Buy 3, pay for 2');
    expect(
      ruleSummary(
        {
          kind: 'buy_get',
          buy: 2,
          get: 1,
          getTarget: { productIds: [MILK], categoryIds: [] },
          getPercentBp: 10_000,
        },
        'DKK',
      ),
    ).toBe('Buy 2, get 1 free');
  });

  it('reads and shows the schedule on the shop clock, whatever zone the browser is in', () => {
    expect(new Date(fromWallClock('2026-12-01T09:00', 'Europe/Copenhagen')).toISOString()).toBe(
      '2026-12-01T08:00:00.000Z',
    );
    expect(new Date(fromWallClock('2026-07-01T09:00', 'Europe/Copenhagen')).toISOString()).toBe(
      '2026-07-01T07:00:00.000Z',
    );
    expect(new Date(fromWallClock('2026-12-01T09:00', 'Asia/Taipei')).toISOString()).toBe(
      '2026-12-01T01:00:00.000Z',
    );
    // The morning after the clocks go forward in Copenhagen (29 March 2026, 02:00 -> 03:00).
    expect(new Date(fromWallClock('2026-03-29T03:30', 'Europe/Copenhagen')).toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
    expect(toWallClock('2026-12-01T08:00:00.000Z', 'Europe/Copenhagen')).toBe('2026-12-01T09:00');
    expect(toWallClock('2026-12-01T08:00:00.000Z', 'Asia/Taipei')).toBe('2026-12-01T16:00');
    expect(Number.isNaN(fromWallClock('', 'Asia/Taipei'))).toBe(true);
    const read = readForm(
      form({ percent: '5', startsAt: '2026-12-01T09:00' }),
      'TWD',
      ['zh-Hant-TW'],
      'Asia/Taipei',
    );
    expect(read).toMatchObject({ draft: { startsAt: '2026-12-01T01:00:00.000Z' } });
  });
});
