-- Catalog CSV imports. The file is uploaded in pieces to the data dir, checked as a whole (status
-- 'checked', with every row error kept below), and only then imported, in batches of rows each in its own
-- transaction, with progress in processed_rows. A file with errors is imported only when the manager
-- chose mode 'valid_only'.
CREATE TABLE catalog_imports (
  id TEXT PRIMARY KEY,
  file_name TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('uploading', 'checking', 'checked', 'importing', 'done', 'failed')),
  mode TEXT CHECK (mode IN ('all', 'valid_only')),
  bytes INTEGER NOT NULL DEFAULT 0,
  total_rows INTEGER NOT NULL DEFAULT 0,
  valid_rows INTEGER NOT NULL DEFAULT 0,
  error_rows INTEGER NOT NULL DEFAULT 0,
  processed_rows INTEGER NOT NULL DEFAULT 0,
  created_products INTEGER NOT NULL DEFAULT 0,
  updated_products INTEGER NOT NULL DEFAULT 0,
  -- The first rows as they will be written (JSON), for the preview.
  sample TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(sample)),
  message TEXT,
  created_by TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE catalog_import_errors (
  import_id TEXT NOT NULL REFERENCES catalog_imports (id),
  seq INTEGER NOT NULL,
  row INTEGER NOT NULL,
  column_name TEXT,
  message TEXT NOT NULL,
  PRIMARY KEY (import_id, seq)
) STRICT, WITHOUT ROWID;
