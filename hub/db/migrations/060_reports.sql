-- Reports. A completed sale or return records what each line cost at that moment (so gross margin stays
-- what it was when the goods left), and adds itself to summary tables in the same transaction, so a report
-- over a year reads thousands of summary rows instead of millions of lines.
--
-- Buckets are in the store's local time when the document completed: `hour` is whole hours since
-- 1970-01-01T00:00 local time, `day` whole days (hour / 24). A later change of the store's time zone
-- leaves history in the days the store lived then. Amounts are stored as on the documents, positive for
-- both kinds; `kind` tells a sale from a return and the reports subtract returns.

-- unit_cost_minor is per piece, or per kg / l for measured lines (like unit_price_minor);
-- cost_minor is the line's cost, rounded once (measured: unit cost * quantity / 1000, halves away from 0).
ALTER TABLE sale_lines ADD COLUMN unit_cost_minor INTEGER CHECK (unit_cost_minor IS NULL OR unit_cost_minor >= 0);
ALTER TABLE sale_lines ADD COLUMN cost_minor INTEGER CHECK (cost_minor IS NULL OR cost_minor >= 0);

-- Sales completed before this migration take today's product cost: the best that is known.
UPDATE sale_lines
   SET unit_cost_minor = (SELECT p.cost_minor FROM products p WHERE p.id = sale_lines.product_id)
 WHERE sale_id IN (SELECT id FROM sales WHERE status = 'completed');
UPDATE sale_lines
   SET cost_minor = CASE WHEN measured = 1 THEN (unit_cost_minor * quantity + 500) / 1000
                         ELSE unit_cost_minor * quantity END
 WHERE unit_cost_minor IS NOT NULL;

-- Lines by hour, till, staff, category ('' for none) and tax rate. docs counts each document once per
-- category: 1 in the group of its first line in that category, 0 in the category's other tax rates, so a
-- category filter summing docs counts the sales that had that category, each once.
CREATE TABLE report_line_hours (
  hour INTEGER NOT NULL,
  till_id TEXT NOT NULL,
  staff_id TEXT NOT NULL,
  category_id TEXT NOT NULL,
  tax_rate_bp INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('sale', 'return')),
  docs INTEGER NOT NULL,
  lines INTEGER NOT NULL,
  -- Pieces for piece lines, one per measured line.
  items INTEGER NOT NULL,
  gross_minor INTEGER NOT NULL,
  promotion_discount_minor INTEGER NOT NULL,
  line_discount_minor INTEGER NOT NULL,
  sale_discount_minor INTEGER NOT NULL,
  net_minor INTEGER NOT NULL,
  tax_minor INTEGER NOT NULL,
  total_minor INTEGER NOT NULL,
  cost_minor INTEGER NOT NULL,
  PRIMARY KEY (hour, till_id, staff_id, category_id, tax_rate_bp, kind)
) STRICT, WITHOUT ROWID;

-- Documents by hour, till and staff: the sales-by-period reports without a category filter read only this.
CREATE TABLE report_doc_hours (
  hour INTEGER NOT NULL,
  till_id TEXT NOT NULL,
  staff_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('sale', 'return')),
  docs INTEGER NOT NULL,
  lines INTEGER NOT NULL,
  items INTEGER NOT NULL,
  gross_minor INTEGER NOT NULL,
  discount_minor INTEGER NOT NULL,
  tax_minor INTEGER NOT NULL,
  total_minor INTEGER NOT NULL,
  cost_minor INTEGER NOT NULL,
  -- Cash rounding: total + rounding is what was paid.
  rounding_minor INTEGER NOT NULL,
  PRIMARY KEY (hour, till_id, staff_id, kind)
) STRICT, WITHOUT ROWID;

-- Products by day. Each document adds to two rows: its till and staff, and the store-wide row with
-- till_id = staff_id = '*', so the unfiltered best-seller report reads one row per product and day.
CREATE TABLE report_product_days (
  day INTEGER NOT NULL,
  till_id TEXT NOT NULL,
  staff_id TEXT NOT NULL,
  product_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('sale', 'return')),
  category_id TEXT NOT NULL,
  lines INTEGER NOT NULL,
  quantity INTEGER NOT NULL,
  gross_minor INTEGER NOT NULL,
  discount_minor INTEGER NOT NULL,
  tax_minor INTEGER NOT NULL,
  total_minor INTEGER NOT NULL,
  cost_minor INTEGER NOT NULL,
  PRIMARY KEY (till_id, staff_id, day, product_id, kind)
) STRICT, WITHOUT ROWID;

-- Approved payments and refunds by hour, till, staff and tender.
CREATE TABLE report_payment_hours (
  hour INTEGER NOT NULL,
  till_id TEXT NOT NULL,
  staff_id TEXT NOT NULL,
  tender_id TEXT NOT NULL,
  direction TEXT NOT NULL CHECK (direction IN ('charge', 'refund')),
  tender_kind TEXT NOT NULL,
  payments INTEGER NOT NULL,
  amount_minor INTEGER NOT NULL,
  PRIMARY KEY (hour, till_id, staff_id, tender_id, direction)
) STRICT, WITHOUT ROWID;

-- Whether the summaries hold every completed document; the reports module rebuilds them once when not
-- (after this migration on a store that already sold: local hours need the time zone, which SQL lacks).
CREATE TABLE report_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  built INTEGER NOT NULL CHECK (built IN (0, 1))
) STRICT;
INSERT INTO report_state (id, built)
SELECT 1, CASE WHEN EXISTS (SELECT 1 FROM sales WHERE status = 'completed') THEN 0 ELSE 1 END;

-- Voids, removed lines and returns are rare: partial indexes find them by time without the summaries.
CREATE INDEX sales_voided_at ON sales (voided_at) WHERE status = 'voided';
CREATE INDEX sales_returns_completed ON sales (completed_at) WHERE kind = 'return' AND status = 'completed';
CREATE INDEX sale_lines_removed_at ON sale_lines (removed_at) WHERE status = 'removed';
CREATE INDEX cash_sessions_opened ON cash_sessions (opened_at);
