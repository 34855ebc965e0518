-- Bulk and scheduled price changes. A change is priced when the manager makes it (each item holds the
-- old and the new price, so what was previewed is what is applied) and applied by the hub at
-- effective_at: at once for an immediate change, by the price scheduler for a future date. Status moves
-- pending -> applied or pending -> cancelled only, in the transaction that does the work, so applying
-- twice (two timers, a restart) changes nothing the second time.
CREATE TABLE price_changes (
  id TEXT PRIMARY KEY,
  note TEXT NOT NULL DEFAULT '',
  selection TEXT NOT NULL CHECK (json_valid(selection)),
  adjust TEXT NOT NULL CHECK (json_valid(adjust)),
  effective_at TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'applied', 'cancelled')),
  item_count INTEGER NOT NULL CHECK (item_count >= 0),
  created_at TEXT NOT NULL,
  created_by TEXT,
  applied_at TEXT,
  cancelled_at TEXT
) STRICT;
-- The scheduler's question: pending changes whose time has come, oldest first.
CREATE INDEX price_changes_due ON price_changes (status, effective_at);

CREATE TABLE price_change_items (
  change_id TEXT NOT NULL REFERENCES price_changes (id),
  product_id TEXT NOT NULL REFERENCES products (id),
  from_minor INTEGER NOT NULL CHECK (from_minor >= 0),
  to_minor INTEGER NOT NULL CHECK (to_minor >= 0),
  PRIMARY KEY (change_id, product_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX price_change_items_product ON price_change_items (product_id);
