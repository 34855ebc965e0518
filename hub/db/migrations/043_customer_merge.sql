-- Merging duplicates: the duplicate's sales, ledgers and points move to the customer kept, and the
-- duplicate is deleted; this table keeps which ids were merged into which, so an old id still resolves
-- (a receipt, an export or a till that cached it).
CREATE TABLE customer_merges (
  merged_id TEXT PRIMARY KEY,
  into_id TEXT NOT NULL REFERENCES customers (id),
  merged_name TEXT NOT NULL,
  details TEXT NOT NULL CHECK (json_valid(details)),
  at TEXT NOT NULL
) STRICT;
CREATE INDEX customer_merges_into ON customer_merges (into_id);
