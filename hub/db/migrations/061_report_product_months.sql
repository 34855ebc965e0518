-- Products by calendar month (local time), kept beside report_product_days with the same store-wide '*'
-- rows: a best-seller report over a year reads twelve months of rows and the days of any partial month
-- at its ends, instead of 365 days of rows. month = year * 12 + (month of year - 1).
CREATE TABLE report_product_months (
  till_id TEXT NOT NULL,
  staff_id TEXT NOT NULL,
  month INTEGER NOT NULL,
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
  PRIMARY KEY (till_id, staff_id, month, product_id, kind)
) STRICT, WITHOUT ROWID;

-- Summaries kept before this table existed are rebuilt once at start-up (see report_state).
UPDATE report_state SET built = 0 WHERE EXISTS (SELECT 1 FROM sales WHERE status = 'completed');
