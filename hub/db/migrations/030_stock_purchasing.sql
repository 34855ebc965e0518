-- Stock: suppliers, purchase orders and stock counts. On-hand stays the sum of stock_movements; these
-- tables say why goods moved (a delivery against a purchase order line, a posted count).

CREATE TABLE suppliers (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  contact TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  archived_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX suppliers_name ON suppliers (archived_at, name);

-- number is the store's running order number (the 'purchase_order' counter), printed on what is sent.
CREATE TABLE purchase_orders (
  id TEXT PRIMARY KEY,
  number INTEGER NOT NULL UNIQUE,
  supplier_id TEXT NOT NULL REFERENCES suppliers (id),
  status TEXT NOT NULL CHECK (status IN ('draft', 'sent', 'partly_received', 'received', 'cancelled')),
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  sent_at TEXT,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX purchase_orders_status ON purchase_orders (status, number);

CREATE TABLE purchase_order_lines (
  order_id TEXT NOT NULL REFERENCES purchase_orders (id),
  line_no INTEGER NOT NULL CHECK (line_no >= 1),
  product_id TEXT NOT NULL REFERENCES products (id),
  ordered INTEGER NOT NULL CHECK (ordered > 0),
  received INTEGER NOT NULL DEFAULT 0 CHECK (received >= 0 AND received <= ordered),
  cost_minor INTEGER NOT NULL CHECK (cost_minor >= 0),
  PRIMARY KEY (order_id, line_no)
) STRICT, WITHOUT ROWID;
CREATE INDEX purchase_order_lines_product ON purchase_order_lines (product_id);

-- A count sheet: every stocked product (full) or one category's (cycle). counted is NULL until the
-- product is counted; posting books counted - on-hand as 'count' movements and records it in booked.
CREATE TABLE stock_counts (
  id TEXT PRIMARY KEY,
  number INTEGER NOT NULL UNIQUE,
  scope TEXT NOT NULL CHECK (scope IN ('full', 'cycle')),
  category_id TEXT REFERENCES categories (id),
  status TEXT NOT NULL CHECK (status IN ('open', 'posted', 'cancelled')),
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  posted_at TEXT,
  updated_at TEXT NOT NULL,
  CHECK ((scope = 'cycle') = (category_id IS NOT NULL))
) STRICT;

CREATE TABLE stock_count_lines (
  count_id TEXT NOT NULL REFERENCES stock_counts (id),
  product_id TEXT NOT NULL REFERENCES products (id),
  counted INTEGER CHECK (counted >= 0),
  booked INTEGER,
  PRIMARY KEY (count_id, product_id)
) STRICT, WITHOUT ROWID;

-- Sales velocity reads the ledger by reason and time.
CREATE INDEX stock_movements_reason_at ON stock_movements (reason, at);

-- A store that already exists keeps its roles: a manager who could manage the catalog (stock lived
-- there until now) keeps managing stock under the new permission.
UPDATE roles SET permissions = json_insert(permissions, '$[#]', 'stock.manage')
WHERE EXISTS (SELECT 1 FROM json_each(roles.permissions) WHERE value = 'catalog.manage')
  AND NOT EXISTS (SELECT 1 FROM json_each(roles.permissions) WHERE value = 'stock.manage');
