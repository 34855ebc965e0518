// Loyalty arithmetic, pure: how many points a sale earns, which tier a customer is in, how many points a
// return takes back. Points are integers; every division rounds down, in the store's favour, except the
// take-back of a return, which rounds to nearest and never exceeds what the sale earned.

import { divRoundToNumber } from './money.js';

export interface LoyaltyTier {
  name: string;
  /** Lifetime points earned (net of returns) from which the tier applies. */
  minPoints: number;
  /** Earn multiplier in basis points: 10000 = x1, 15000 = x1.5. */
  multiplierBp: number;
}

export interface EarnRule {
  /** Points earned per whole step of spend. */
  earnPoints: number;
  /** The step of spend in minor units (100 = per 1.00 of the currency). */
  spendStepMinor: number;
  tiers: readonly LoyaltyTier[];
}

/** The highest tier whose threshold the lifetime points reach, or null (no tiers, or below the first). */
export function tierFor(tiers: readonly LoyaltyTier[], lifetimePoints: number): LoyaltyTier | null {
  let best: LoyaltyTier | null = null;
  for (const tier of tiers) {
    if (lifetimePoints >= tier.minPoints && (best === null || tier.minPoints > best.minPoints)) best = tier;
  }
  return best;
}

/** Points for an eligible spend, with the multiplier of the tier the customer held before the sale. */
export function pointsEarned(rule: EarnRule, eligibleMinor: number, lifetimePoints: number): number {
  if (eligibleMinor <= 0) return 0;
  const base = Math.floor(eligibleMinor / rule.spendStepMinor) * rule.earnPoints;
  const multiplier = tierFor(rule.tiers, lifetimePoints)?.multiplierBp ?? 10_000;
  return Math.floor((base * multiplier) / 10_000);
}

/**
 * Points a return takes back: the sale's earned points in proportion to the amount returned, capped so
 * all returns of the sale together never take back more than it earned.
 */
export function pointsTakenBack(args: {
  earned: number;
  alreadyTakenBack: number;
  saleTotalMinor: number;
  returnedMinor: number;
}): number {
  if (args.earned <= 0 || args.saleTotalMinor <= 0 || args.returnedMinor <= 0) return 0;
  const share = divRoundToNumber(
    BigInt(args.earned) * BigInt(Math.min(args.returnedMinor, args.saleTotalMinor)),
    BigInt(args.saleTotalMinor),
    'points taken back',
  );
  return Math.max(0, Math.min(share, args.earned - args.alreadyTakenBack));
}
