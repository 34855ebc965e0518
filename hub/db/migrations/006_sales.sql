-- Sales and returns (kind='return', original_sale_id set, quantities and amounts stored positive and
-- read with the sign of the kind). request_hash is the hash of the create request, so the same id with
-- the same content is a replay and with other content a conflict.
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
  rounding_minor INTEGER NOT NULL DEFAULT 0,
  total_minor INTEGER NOT NULL DEFAULT 0,
  receipt_number INTEGER,
  receipt_code TEXT UNIQUE,
  request_hash TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  completed_at TEXT,
  UNIQUE (till_id, receipt_number)
) STRICT;
CREATE INDEX sales_status ON sales (status, till_id);
CREATE INDEX sales_completed ON sales (completed_at);
CREATE INDEX sales_customer ON sales (customer_id);
CREATE INDEX sales_original ON sales (original_sale_id);

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
  unit_price_minor INTEGER NOT NULL CHECK (unit_price_minor >= 0),
  catalog_price_minor INTEGER NOT NULL,
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
  UNIQUE (sale_id, line_no)
) STRICT;
CREATE INDEX sale_lines_sale ON sale_lines (sale_id);
CREATE INDEX sale_lines_original ON sale_lines (original_line_id);
CREATE INDEX sale_lines_product ON sale_lines (product_id);

-- A payment is a state machine row (pending -> approved / declined / cancelled / unknown -> resolved
-- to one of the final states). A refund is a payment row with direction 'refund'.
CREATE TABLE payments (
  id TEXT PRIMARY KEY,
  sale_id TEXT NOT NULL REFERENCES sales (id),
  tender_id TEXT NOT NULL REFERENCES tenders (id),
  tender_kind TEXT NOT NULL,
  direction TEXT NOT NULL CHECK (direction IN ('charge', 'refund')),
  status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'declined', 'cancelled', 'unknown')),
  amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
  tendered_minor INTEGER,
  change_minor INTEGER NOT NULL DEFAULT 0,
  rounding_minor INTEGER NOT NULL DEFAULT 0,
  original_payment_id TEXT REFERENCES payments (id),
  terminal_ref TEXT,
  provider_data TEXT NOT NULL DEFAULT '{}',
  request_hash TEXT NOT NULL,
  staff_id TEXT REFERENCES staff (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  resolved_at TEXT
) STRICT;
CREATE INDEX payments_sale ON payments (sale_id);
CREATE INDEX payments_unknown ON payments (status) WHERE status IN ('pending', 'unknown');

-- Supervisor overrides are recorded on the sale they allowed.
CREATE TABLE sale_overrides (
  id INTEGER PRIMARY KEY,
  sale_id TEXT NOT NULL REFERENCES sales (id),
  permission TEXT NOT NULL,
  cashier_id TEXT NOT NULL REFERENCES staff (id),
  supervisor_id TEXT NOT NULL REFERENCES staff (id),
  details TEXT NOT NULL DEFAULT '{}',
  at TEXT NOT NULL
) STRICT;
CREATE INDEX sale_overrides_sale ON sale_overrides (sale_id);
