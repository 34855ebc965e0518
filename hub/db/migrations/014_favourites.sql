-- The store's favourites: the products a till shows as one-tap buttons above the category grid, in the
-- order a manager put them. One list per store (the hub is the store); the whole list is replaced at once.
CREATE TABLE favourites (
  product_id TEXT PRIMARY KEY REFERENCES products (id),
  position INTEGER NOT NULL CHECK (position >= 0),
  updated_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX favourites_position ON favourites (position);
