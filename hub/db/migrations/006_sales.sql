-- Sales and returns. A return is a sale row with kind='return' and original_sale_id set (null for a blind
-- return); its quantities and amounts are stored positive and read with the sign of the kind, so the
-- same totals code prices both. request_hash is the hash of the create request (the same id with the same
-- content is a replay, with other content a conflict); cart_hash is the hash of the last cart applied by
-- PUT, so a replayed cart update is recognised after version has moved on.
CREATE TABLE sales (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('sale', 'return')),
  status TEXT NOT NULL CHECK (status IN ('open', 'parked', 'completed', 'voided')),
  till_id TEXT NOT NULL REFERENCES tills (id),
  staff_id TEXT NOT NULL REFERENCES staff (id),
  customer_id TEXT REFERENCES customers (id),
  original_sale_id TEXT REFERENCES sales (id),
  cash_session_id TEXT REFERENCES cash_sessions (id),
  currency TEXT NOT NULL,
  tax_mode TEXT NOT NULL CHECK (tax_mode IN ('inclusive', 'exclusive')),
  sale_discount TEXT CHECK (sale_discount IS NULL OR json_valid(sale_discount)),
  sale_discount_reason TEXT,
  subtotal_minor INTEGER NOT NULL DEFAULT 0,
  discount_minor INTEGER NOT NULL DEFAULT 0,
  tax_minor INTEGER NOT NULL DEFAULT 0,
  -- Cash rounding booked when cash settled the rest: total_minor + rounding_minor is what was paid.
  rounding_minor INTEGER NOT NULL DEFAULT 0,
  total_minor INTEGER NOT NULL DEFAULT 0,
  receipt_number INTEGER,
  receipt_code TEXT UNIQUE,
  request_hash TEXT NOT NULL,
  cart_hash TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  parked_at TEXT,
  voided_at TEXT,
  voided_by TEXT REFERENCES staff (id),
  completed_at TEXT,
  completed_by TEXT REFERENCES staff (id),
  UNIQUE (till_id, receipt_number),
  CHECK ((status = 'completed') = (receipt_number IS NOT NULL))
) STRICT;
CREATE INDEX sales_status ON sales (status, till_id);
CREATE INDEX sales_completed ON sales (completed_at);
CREATE INDEX sales_customer ON sales (customer_id);
CREATE INDEX sales_original ON sales (original_sale_id);

-- A line removed after entry stays as status 'removed' (who and when), so a scanned-then-deleted item is
-- visible to loss prevention. Prices are captured when the line is first added: a catalog change during
-- the sale does not move the price the customer was shown.
CREATE TABLE sale_lines (
  id TEXT PRIMARY KEY,
  sale_id TEXT NOT NULL REFERENCES sales (id),
  line_no INTEGER NOT NULL,
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'removed')),
  product_id TEXT NOT NULL REFERENCES products (id),
  sku TEXT NOT NULL,
  name TEXT NOT NULL,
  quantity INTEGER NOT NULL CHECK (quantity > 0),
  measured INTEGER NOT NULL CHECK (measured IN (0, 1)),
  weight_source TEXT CHECK (weight_source IS NULL OR weight_source IN ('scale', 'label', 'manual')),
  unit_price_minor INTEGER NOT NULL CHECK (unit_price_minor >= 0),
  catalog_price_minor INTEGER NOT NULL,
  -- The price printed on a price-embedded label; when set it is the line's gross amount.
  embedded_price_minor INTEGER CHECK (embedded_price_minor IS NULL OR embedded_price_minor >= 0),
  discount TEXT CHECK (discount IS NULL OR json_valid(discount)),
  discount_reason TEXT,
  gross_minor INTEGER NOT NULL,
  line_discount_minor INTEGER NOT NULL,
  sale_discount_minor INTEGER NOT NULL,
  net_minor INTEGER NOT NULL,
  tax_class_id TEXT NOT NULL,
  tax_rate_bp INTEGER NOT NULL,
  tax_minor INTEGER NOT NULL,
  total_minor INTEGER NOT NULL,
  original_line_id TEXT REFERENCES sale_lines (id),
  restock INTEGER CHECK (restock IS NULL OR restock IN (0, 1)),
  return_reason TEXT,
  note TEXT NOT NULL DEFAULT '',
  removed_at TEXT,
  removed_by TEXT REFERENCES staff (id),
  UNIQUE (sale_id, line_no)
) STRICT;
CREATE INDEX sale_lines_sale ON sale_lines (sale_id);
CREATE INDEX sale_lines_original ON sale_lines (original_line_id);
CREATE INDEX sale_lines_product ON sale_lines (product_id);

-- A payment is a state machine row (pending -> approved / declined / cancelled / unknown; unknown ->
-- approved / declined / cancelled with resolved_at; approved -> cancelled when cash is handed back before
-- completion). A refund is a payment row with direction 'refund'. amount_minor is what the sale is paid
-- (net of change); it may be 0 only for a cash payment whose rounding took the last few units.
CREATE TABLE payments (
  id TEXT PRIMARY KEY,
  sale_id TEXT NOT NULL REFERENCES sales (id),
  tender_id TEXT NOT NULL REFERENCES tenders (id),
  tender_kind TEXT NOT NULL,
  direction TEXT NOT NULL CHECK (direction IN ('charge', 'refund')),
  status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'declined', 'cancelled', 'unknown')),
  amount_minor INTEGER NOT NULL CHECK (amount_minor >= 0),
  tendered_minor INTEGER,
  change_minor INTEGER NOT NULL DEFAULT 0,
  rounding_minor INTEGER NOT NULL DEFAULT 0,
  original_payment_id TEXT REFERENCES payments (id),
  terminal_ref TEXT,
  reference TEXT,
  reason TEXT,
  provider_data TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(provider_data)),
  request_hash TEXT NOT NULL,
  staff_id TEXT REFERENCES staff (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  resolved_at TEXT
) STRICT;
CREATE INDEX payments_sale ON payments (sale_id);
CREATE INDEX payments_unresolved ON payments (status) WHERE status IN ('pending', 'unknown');
CREATE INDEX payments_original ON payments (original_payment_id);

-- Supervisor overrides are recorded on the sale they allowed.
CREATE TABLE sale_overrides (
  id INTEGER PRIMARY KEY,
  sale_id TEXT NOT NULL REFERENCES sales (id),
  permission TEXT NOT NULL,
  cashier_id TEXT NOT NULL REFERENCES staff (id),
  supervisor_id TEXT NOT NULL REFERENCES staff (id),
  details TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(details)),
  at TEXT NOT NULL
) STRICT;
CREATE INDEX sale_overrides_sale ON sale_overrides (sale_id);
