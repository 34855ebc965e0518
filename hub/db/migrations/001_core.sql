-- Store-wide settings, tax classes, tenders, counters, the fiscal journal, the replication outbox and the
-- audit log. Settings are one JSON document validated by the settings schema in code, so adding a setting
-- needs no migration; tax classes are rows because products and sale lines refer to them.
CREATE TABLE store_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  settings TEXT NOT NULL CHECK (json_valid(settings)),
  updated_at TEXT NOT NULL
) STRICT;

-- code is the preset's stable handle ('standard', 'reduced', 'food'): applying a preset twice updates the
-- same rows, and the demo seed picks the food rate without knowing the country's ids.
CREATE TABLE tax_classes (
  id TEXT PRIMARY KEY,
  code TEXT UNIQUE,
  name TEXT NOT NULL,
  rate_bp INTEGER NOT NULL CHECK (rate_bp >= 0 AND rate_bp <= 10000),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  updated_at TEXT NOT NULL
) STRICT;

-- kind drives behaviour: cash opens the drawer and is rounded; card goes to a terminal; the rest are
-- recorded tenders (mobile wallet, voucher, store credit) configured per store.
CREATE TABLE tenders (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('cash', 'card', 'mobile', 'voucher', 'store_credit', 'other')),
  name TEXT NOT NULL,
  enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
  sort INTEGER NOT NULL DEFAULT 0
) STRICT;

-- Gap-free numbers (receipt numbers per till, Z report numbers) are taken inside the transaction that
-- uses them, so a rolled-back sale never burns a number.
CREATE TABLE counters (
  name TEXT PRIMARY KEY,
  value INTEGER NOT NULL
) STRICT;

CREATE TABLE journal (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  type TEXT NOT NULL,
  entity_id TEXT,
  payload TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE
) STRICT;

CREATE TABLE outbox (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  op TEXT NOT NULL,
  payload TEXT NOT NULL,
  created_at TEXT NOT NULL,
  sent_at TEXT
);
CREATE INDEX outbox_unsent ON outbox (seq) WHERE sent_at IS NULL;

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor_kind TEXT NOT NULL CHECK (actor_kind IN ('staff', 'admin', 'till', 'system', 'anonymous')),
  actor_id TEXT,
  till_id TEXT,
  action TEXT NOT NULL,
  target TEXT,
  outcome TEXT NOT NULL DEFAULT 'ok',
  details TEXT NOT NULL DEFAULT '{}'
) STRICT;
CREATE INDEX audit_log_at ON audit_log (at);
