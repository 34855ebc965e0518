-- migrate: foreign_keys off
-- Gift cards and loyalty points become ways to pay. A CHECK constraint changes only by rebuilding the
-- table (payments refer to it, so the migration runs with foreign keys off and checks them before commit).
CREATE TABLE tenders_new (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('cash', 'card', 'mobile', 'voucher', 'store_credit', 'other', 'gift_card', 'loyalty')),
  name TEXT NOT NULL,
  enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
  sort INTEGER NOT NULL DEFAULT 0
) STRICT;
INSERT INTO tenders_new (id, kind, name, enabled, sort) SELECT id, kind, name, enabled, sort FROM tenders;
DROP TABLE tenders;
ALTER TABLE tenders_new RENAME TO tenders;
