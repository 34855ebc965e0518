export { applyPromotions } from './apply.js';
export { normalizeCoupon } from './eligibility.js';
export type {
  AppliedPromotion,
  BasketRule,
  ItemPriceRule,
  LinePromotionResult,
  Promotion,
  PromotionContext,
  PromotionLine,
  PromotionResult,
  PromotionRule,
  PromotionTarget,
} from './types.js';
