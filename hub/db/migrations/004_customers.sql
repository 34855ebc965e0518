-- Customers. phone is stored normalised (digits with an optional leading '+') so a lookup matches however
-- the number was typed. name_key is the name folded in code (NFKC, Unicode lower case) because SQLite's
-- lower() folds ASCII only; email is searched through lower() since addresses are ASCII in practice.
CREATE TABLE customers (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  phone TEXT,
  email TEXT,
  tax_id TEXT,
  notes TEXT NOT NULL DEFAULT '',
  marketing_consent INTEGER NOT NULL DEFAULT 0 CHECK (marketing_consent IN (0, 1)),
  consent_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (marketing_consent = 0 OR consent_at IS NOT NULL)
) STRICT;
CREATE INDEX customers_phone ON customers (phone);
CREATE INDEX customers_email ON customers (lower(email));
CREATE INDEX customers_name ON customers (name_key);
