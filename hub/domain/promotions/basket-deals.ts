import { allocate, divRoundToNumber } from '../money.js';
import { pickUnits, priceSum, takeUnits, unitCount, type TakenUnits, type UnitRun } from './unit-runs.js';
import type { BasketRule, Promotion, PromotionTarget } from './types.js';

export type BasketPromotion = Promotion & { rule: BasketRule };

export function isBasketPromotion(promotion: Promotion): promotion is BasketPromotion {
  const kind = promotion.rule.kind;
  return kind === 'multibuy' || kind === 'bundle_price' || kind === 'buy_get';
}

/** One application of a deal: the units it takes and what it takes off each slice of them. */
interface DealGroup {
  taken: TakenUnits[];
  discounts: { run: UnitRun; discountMinor: number }[];
  /** How many identical groups can be taken at once (a long run of the same item). */
  times: number;
}

export interface DealDiscount {
  lineIndex: number;
  discountMinor: number;
}

export interface BasketDealInput {
  promotion: BasketPromotion;
  /** Runs of the piece lines that the deal's target (and for buy_get, its get target) matches. */
  runsFor(target: PromotionTarget): UnitRun[];
  /** What the best item price promotion would take off one unit of this line instead. */
  itemDiscountPerUnit(lineIndex: number): number;
}

function wholeRun(picked: readonly TakenUnits[]): UnitRun | null {
  return picked.length === 1 ? (picked[0]?.run ?? null) : null;
}

/** Buy N, pay for M: the cheapest N - M units of the group are free. */
function multibuyGroup(runs: UnitRun[], buy: number, pay: number): DealGroup | null {
  const taken = pickUnits(runs, buy, 'dearest');
  if (taken === null) return null;
  let free = buy - pay;
  const discounts: DealGroup['discounts'] = [];
  for (const slice of [...taken].reverse()) {
    const freeHere = Math.min(free, slice.count);
    if (freeHere > 0) discounts.push({ run: slice.run, discountMinor: freeHere * slice.run.priceMinor });
    free -= freeHere;
  }
  const run = wholeRun(taken);
  return { taken, discounts, times: run === null ? 1 : Math.floor(run.remaining / buy) };
}

/** N units for a price: the saving is spread over the group's units in proportion to their prices. */
function bundleGroup(runs: UnitRun[], quantity: number, priceMinor: number): DealGroup | null {
  const taken = pickUnits(runs, quantity, 'dearest');
  if (taken === null) return null;
  const saving = priceSum(taken) - priceMinor;
  if (saving <= 0) return null;
  const parts = allocate(
    saving,
    taken.map((slice) => slice.count * slice.run.priceMinor),
  );
  const discounts = taken.map((slice, i) => ({ run: slice.run, discountMinor: parts[i] ?? 0 }));
  const run = wholeRun(taken);
  return { taken, discounts, times: run === null ? 1 : Math.floor(run.remaining / quantity) };
}

/** Buy N of the target, get M of the get target (the cheapest ones) at a percentage off. */
function buyGetGroup(
  input: BasketDealInput,
  rule: Extract<BasketRule, { kind: 'buy_get' }>,
): DealGroup | null {
  const bought = pickUnits(input.runsFor(input.promotion.target), rule.buy, 'dearest');
  if (bought === null) return null;
  const got = pickUnits(input.runsFor(rule.getTarget), rule.get, 'cheapest', bought);
  if (got === null) return null;
  const discounts = got.map((slice) => ({
    run: slice.run,
    discountMinor:
      slice.count *
      divRoundToNumber(
        BigInt(slice.run.priceMinor) * BigInt(rule.getPercentBp),
        10_000n,
        'promotion discount',
      ),
  }));
  const boughtRun = wholeRun(bought);
  const gotRun = wholeRun(got);
  let times = 1;
  if (boughtRun !== null && gotRun !== null) {
    times =
      boughtRun === gotRun
        ? Math.floor(boughtRun.remaining / (rule.buy + rule.get))
        : Math.min(Math.floor(boughtRun.remaining / rule.buy), Math.floor(gotRun.remaining / rule.get));
  }
  return { taken: [...bought, ...got], discounts, times };
}

function nextGroup(input: BasketDealInput): DealGroup | null {
  const rule = input.promotion.rule;
  switch (rule.kind) {
    case 'multibuy':
      return multibuyGroup(input.runsFor(input.promotion.target), rule.buy, rule.pay);
    case 'bundle_price':
      return bundleGroup(input.runsFor(input.promotion.target), rule.quantity, rule.priceMinor);
    case 'buy_get':
      return buyGetGroup(input, rule);
  }
}

/**
 * Applies one deal as many times as it can. A group is taken only while it saves the customer more than
 * the best item price promotions would on the same units; the first group that does not ends the deal.
 */
export function applyBasketDeal(input: BasketDealInput): DealDiscount[] {
  const byLine = new Map<number, number>();
  for (;;) {
    const group = nextGroup(input);
    if (group === null || group.times < 1) break;
    const saving = group.discounts.reduce((sum, d) => sum + d.discountMinor, 0);
    const instead = group.taken.reduce(
      (sum, slice) => sum + slice.count * input.itemDiscountPerUnit(slice.run.lineIndex),
      0,
    );
    if (saving <= instead || unitCount(group.taken) === 0) break;
    takeUnits(group.taken, group.times);
    for (const d of group.discounts) {
      byLine.set(d.run.lineIndex, (byLine.get(d.run.lineIndex) ?? 0) + d.discountMinor * group.times);
    }
  }
  return [...byLine].map(([lineIndex, discountMinor]) => ({ lineIndex, discountMinor }));
}
