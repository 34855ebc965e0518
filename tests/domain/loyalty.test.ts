import { describe, expect, it } from 'vitest';
import { pointsEarned, pointsTakenBack, tierFor, type EarnRule } from '../../hub/domain/loyalty.js';

const SILVER = { name: 'Silver', minPoints: 500, multiplierBp: 12_500 };
const GOLD = { name: 'Gold', minPoints: 2_000, multiplierBp: 20_000 };
const RULE: EarnRule = { earnPoints: 2, spendStepMinor: 1_000, tiers: [GOLD, SILVER] };

describe('loyalty arithmetic', () => {
  it('earns per whole step of spend, rounding down in the store’s favour', () => {
    expect(pointsEarned(RULE, 9_999, 0)).toBe(18);
    expect(pointsEarned(RULE, 10_000, 0)).toBe(20);
    expect(pointsEarned(RULE, 999, 0)).toBe(0);
    expect(pointsEarned(RULE, 0, 0)).toBe(0);
    expect(pointsEarned(RULE, -5_000, 0)).toBe(0);
  });

  it('applies the multiplier of the highest tier reached, whatever order the tiers are in', () => {
    expect(tierFor(RULE.tiers, 499)).toBeNull();
    expect(tierFor(RULE.tiers, 500)).toBe(SILVER);
    expect(tierFor(RULE.tiers, 1_999)).toBe(SILVER);
    expect(tierFor(RULE.tiers, 2_000)).toBe(GOLD);
    expect(tierFor([], 1_000_000)).toBeNull();
    expect(pointsEarned(RULE, 10_000, 500)).toBe(25);
    expect(pointsEarned(RULE, 10_000, 5_000)).toBe(40);
    // x1.25 of 18 is 22.5: rounded down.
    expect(pointsEarned(RULE, 9_000, 600)).toBe(22);
  });

  it('takes back a return’s share, never more in all than the sale earned', () => {
    const sale = { earned: 100, saleTotalMinor: 30_000 };
    expect(pointsTakenBack({ ...sale, alreadyTakenBack: 0, returnedMinor: 10_000 })).toBe(33);
    expect(pointsTakenBack({ ...sale, alreadyTakenBack: 33, returnedMinor: 10_000 })).toBe(33);
    expect(pointsTakenBack({ ...sale, alreadyTakenBack: 66, returnedMinor: 10_000 })).toBe(33);
    expect(pointsTakenBack({ ...sale, alreadyTakenBack: 99, returnedMinor: 10_000 })).toBe(1);
    expect(pointsTakenBack({ ...sale, alreadyTakenBack: 0, returnedMinor: 90_000 })).toBe(100);
    expect(pointsTakenBack({ ...sale, alreadyTakenBack: 100, returnedMinor: 1 })).toBe(0);
    expect(pointsTakenBack({ earned: 0, saleTotalMinor: 100, alreadyTakenBack: 0, returnedMinor: 100 })).toBe(
      0,
    );
  });
});
