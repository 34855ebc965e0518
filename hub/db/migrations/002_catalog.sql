-- Catalog. Every write bumps change_seq from the 'catalog' counter so tills load and follow the catalog
-- incrementally (WHERE change_seq > ?); archiving is a change, never a delete, so the feed carries it.
CREATE TABLE categories (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  parent_id TEXT REFERENCES categories (id),
  sort INTEGER NOT NULL DEFAULT 0,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  change_seq INTEGER NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
-- Unique: each changed row takes its own counter value, so paging the feed by change_seq can never cut
-- a group of rows that share one value.
CREATE UNIQUE INDEX categories_change_seq ON categories (change_seq);
CREATE INDEX categories_updated_at ON categories (updated_at);

-- A product row is a sellable item. Variants (size, colour) are product rows with parent_id set and their
-- attributes in JSON; a parent that has variants is a style and is not sold itself.
-- num is the FTS rowid: an INTEGER PRIMARY KEY survives VACUUM, an implicit rowid may not.
CREATE TABLE products (
  num INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  parent_id TEXT REFERENCES products (id),
  sku TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  attributes TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(attributes)),
  category_id TEXT REFERENCES categories (id),
  tax_class_id TEXT NOT NULL REFERENCES tax_classes (id),
  unit TEXT NOT NULL CHECK (unit IN ('piece', 'kg', 'l')),
  weighed INTEGER NOT NULL DEFAULT 0 CHECK (weighed IN (0, 1)),
  price_minor INTEGER NOT NULL CHECK (price_minor >= 0),
  cost_minor INTEGER NOT NULL DEFAULT 0 CHECK (cost_minor >= 0),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  has_variants INTEGER NOT NULL DEFAULT 0 CHECK (has_variants IN (0, 1)),
  reorder_point INTEGER,
  change_seq INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX products_change_seq ON products (change_seq);
CREATE INDEX products_updated_at ON products (updated_at);
CREATE INDEX products_name ON products (active, name);
CREATE INDEX products_category ON products (category_id);
CREATE INDEX products_parent ON products (parent_id);

-- code is normalised: GTINs as 14 digits; scale PLUs as 'PLU:<item code without leading zeros>' (one
-- PLU space for all label templates, as on the scale itself); internal codes as typed, upper-cased.
CREATE TABLE barcodes (
  code TEXT PRIMARY KEY,
  product_id TEXT NOT NULL REFERENCES products (id),
  kind TEXT NOT NULL CHECK (kind IN ('gtin', 'code', 'plu'))
) STRICT, WITHOUT ROWID;
CREATE INDEX barcodes_product ON barcodes (product_id);

CREATE TABLE label_templates (
  id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 40),
  definition TEXT NOT NULL CHECK (json_valid(definition)),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  updated_at TEXT NOT NULL
) STRICT;

-- Full-text search over name, sku and barcodes. search_text is prepared in code: CJK characters are
-- separated by spaces so the unicode61 tokenizer indexes each Han character as a token and a query
-- for 牛奶 becomes the phrase "牛 奶".
CREATE VIRTUAL TABLE products_fts USING fts5 (
  search_text,
  content = '',
  contentless_delete = 1,
  prefix = '2 3',
  tokenize = 'unicode61 remove_diacritics 2'
);

-- On-hand is the sum of this ledger, never a counter that can drift.
CREATE TABLE stock_movements (
  id INTEGER PRIMARY KEY,
  product_id TEXT NOT NULL REFERENCES products (id),
  quantity INTEGER NOT NULL,
  reason TEXT NOT NULL CHECK (reason IN ('sale', 'return', 'receive', 'adjust', 'damage', 'theft', 'count', 'writeoff', 'initial')),
  ref_id TEXT,
  cost_minor INTEGER,
  staff_id TEXT,
  note TEXT,
  at TEXT NOT NULL
) STRICT;
-- Covers SUM(quantity) per product, so on-hand reads only the index.
CREATE INDEX stock_movements_product ON stock_movements (product_id, quantity);
