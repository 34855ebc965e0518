-- The store's logo at the top of printed receipts: a 1-bit raster as ESC/POS GS v 0 prints it (rows of
-- ceil(width / 8) bytes, most significant bit first, 1 = black). Made from the manager's image in the
-- admin page, so the hub never decodes uploaded image files. One per store.
CREATE TABLE receipt_logo (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  width INTEGER NOT NULL CHECK (width BETWEEN 8 AND 576),
  height INTEGER NOT NULL CHECK (height BETWEEN 8 AND 400),
  bits BLOB NOT NULL CHECK (length(bits) = ((width + 7) / 8) * height),
  updated_at TEXT NOT NULL
) STRICT;
