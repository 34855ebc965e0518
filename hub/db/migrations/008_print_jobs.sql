-- Print jobs are persisted state machines (queued -> sent -> done / failed): a job survives a hub restart
-- or a printer that is off and is printed once. The ESC/POS bytes are rendered when the job is queued and
-- stored with it, so what prints after an outage is what the till was told would print (prices, receipt
-- number, COPY mark), not a re-render against data that may have changed since.
-- No foreign key to devices: a job is history and outlives a printer that is later removed.
CREATE TABLE print_jobs (
  id TEXT PRIMARY KEY,
  device_id TEXT NOT NULL,
  till_id TEXT,
  sale_id TEXT,
  kind TEXT NOT NULL CHECK (kind IN ('receipt', 'copy', 'report', 'test')),
  status TEXT NOT NULL CHECK (status IN ('queued', 'sent', 'done', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  last_error TEXT CHECK (last_error IS NULL OR length(last_error) <= 500),
  payload BLOB NOT NULL CHECK (length(payload) > 0),
  created_by TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  sent_at TEXT,
  done_at TEXT
) STRICT;
-- The dispatcher's question: the oldest waiting job of each printer (ids are UUIDv7: creation order).
CREATE INDEX print_jobs_device_status ON print_jobs (device_id, status, id);
CREATE INDEX print_jobs_sale ON print_jobs (sale_id) WHERE sale_id IS NOT NULL;
-- At most one automatic receipt per sale, so a replayed sale.completed never queues a second one.
CREATE UNIQUE INDEX print_jobs_one_receipt_per_sale ON print_jobs (sale_id) WHERE kind = 'receipt';
