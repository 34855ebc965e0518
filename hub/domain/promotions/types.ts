/**
 * The promotion engine's vocabulary. Everything is integer minor units; a measured line (sold by weight)
 * carries its price per kilogram and its quantity in grams.
 */

/** Which items a promotion is about: any of these products, or any product in these categories. */
export interface PromotionTarget {
  productIds: readonly string[];
  categoryIds: readonly string[];
}

/** Item price promotions: they change the price of each unit (or kilogram) on their own. */
export type ItemPriceRule =
  /** Percent off, in basis points (2500 = 25 %). */
  | { kind: 'percent_off'; bp: number }
  /** An amount off each unit (or each kilogram of a measured item), never below zero. */
  | { kind: 'amount_off'; amountMinor: number }
  /** A fixed price for each unit (or kilogram); never raises a price. */
  | { kind: 'fixed_price'; priceMinor: number };

/**
 * Basket deals: they need several units together and take those units out of any other promotion.
 * Targets spanning several products make them mix-and-match ("any 3 of these teas for 100").
 */
export type BasketRule =
  /** Buy `buy`, pay for `pay` (3 for 2): the cheapest units of each group are free. */
  | { kind: 'multibuy'; buy: number; pay: number }
  /** `quantity` units for `priceMinor` together ("2 for 30"), spread over the units by price. */
  | { kind: 'bundle_price'; quantity: number; priceMinor: number }
  /** Buy `buy` of the target, get `get` units of `getTarget` with `getPercentBp` off (10000 = free). */
  | { kind: 'buy_get'; buy: number; get: number; getTarget: PromotionTarget; getPercentBp: number };

export type PromotionRule = ItemPriceRule | BasketRule;

export interface Promotion {
  id: string;
  /** Shown on the till and the receipt, in the store's language. */
  name: string;
  target: PromotionTarget;
  rule: PromotionRule;
  /** ISO instants; the campaign applies from `startsAt` (inclusive) to `endsAt` (exclusive). */
  startsAt: string;
  endsAt: string | null;
  /** When set, the promotion applies only to a sale carrying this code (compared case-insensitively). */
  couponCode: string | null;
  /** Only for a sale with a customer attached (member prices). */
  customersOnly: boolean;
  /** Higher goes first among basket deals; ties go by id so the result never depends on list order. */
  priority: number;
}

export interface PromotionLine {
  key: string;
  productId: string;
  /** The style a variant belongs to: a promotion on the style covers every variant. */
  parentProductId?: string | null;
  /** The product's category and every category above it. */
  categoryIds: readonly string[];
  /** Per unit, or per kilogram when `measured`. */
  unitPriceMinor: number;
  /** Pieces, or grams when `measured`. */
  quantity: number;
  measured: boolean;
}

export interface PromotionContext {
  /** ISO instant the cart is priced at. */
  now: string;
  couponCodes: readonly string[];
  customerId: string | null;
}

export interface AppliedPromotion {
  promotionId: string;
  name: string;
  discountMinor: number;
}

export interface LinePromotionResult {
  key: string;
  /** The sum of `applied`: what the promotions take off this line's gross amount. */
  discountMinor: number;
  applied: AppliedPromotion[];
}

export interface PromotionResult {
  lines: LinePromotionResult[];
  /** Per promotion over the whole sale, in the order they were applied. */
  applied: AppliedPromotion[];
  /** Codes the sale carries that no promotion knows or that are not running now. */
  unknownCoupons: string[];
}
