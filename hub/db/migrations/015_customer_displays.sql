-- Customer displays (the /display app): a browser paired to one till whose only right is to read that
-- till's cart topic on the broker. The display asks (anonymous, rate-limited like tills), shows a code,
-- and a cashier logged in at the till types it; the display then collects its token once with its pairing
-- secret. Secrets and tokens are SHA-256 hashes (hashToken), as for tills: they are long random values.
CREATE TABLE customer_displays (
  id TEXT PRIMARY KEY,
  till_id TEXT REFERENCES tills (id),
  status TEXT NOT NULL CHECK (status IN ('pending', 'active', 'revoked')),
  pairing_code TEXT UNIQUE,
  pairing_secret_hash TEXT UNIQUE,
  pairing_expires_at TEXT,
  token_hash TEXT UNIQUE,
  requested_at TEXT NOT NULL,
  approved_at TEXT,
  approved_by TEXT REFERENCES staff (id),
  revoked_at TEXT,
  last_seen_at TEXT,
  CHECK (status = 'pending' OR till_id IS NOT NULL)
) STRICT;
CREATE INDEX customer_displays_till ON customer_displays (till_id, status);
