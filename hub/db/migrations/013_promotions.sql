-- Promotions (docs/promotions.md): a campaign is a target (products, categories), a rule, a window and
-- optional coupon / customer conditions, all read by the pure engine in hub/domain/promotions. Rows are
-- archived, never deleted: a completed sale names the promotions it got.
CREATE TABLE promotions (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  target TEXT NOT NULL CHECK (json_valid(target)),
  rule TEXT NOT NULL CHECK (json_valid(rule)),
  starts_at TEXT NOT NULL,
  ends_at TEXT,
  coupon_code TEXT,
  customers_only INTEGER NOT NULL DEFAULT 0 CHECK (customers_only IN (0, 1)),
  priority INTEGER NOT NULL DEFAULT 0,
  archived_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX promotions_live ON promotions (archived_at, starts_at);

-- What promotions took off a line, before the cashier's line discount, and which ones (JSON list of
-- {promotionId, name, discountMinor}) so the till, the receipt and the reports can name them.
ALTER TABLE sale_lines ADD COLUMN promotion_discount_minor INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sale_lines ADD COLUMN promotions TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(promotions));
-- Coupon codes the cashier entered on the sale (JSON list of strings).
ALTER TABLE sales ADD COLUMN coupon_codes TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(coupon_codes));
