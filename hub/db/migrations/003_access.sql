-- Staff, roles, tills and sessions. Secrets are scrypt hashes ('scrypt$N$r$p$salt$hash'); tokens are
-- stored as SHA-256 of a random 32-byte value, so a database leak does not hand out sessions.
CREATE TABLE roles (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  permissions TEXT NOT NULL CHECK (json_valid(permissions)),
  discount_limit_bp INTEGER NOT NULL DEFAULT 0 CHECK (discount_limit_bp BETWEEN 0 AND 10000),
  builtin INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE staff (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  role_id TEXT NOT NULL REFERENCES roles (id),
  login TEXT UNIQUE,
  pin_hash TEXT,
  password_hash TEXT,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  failed_attempts INTEGER NOT NULL DEFAULT 0,
  locked_until TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE tills (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  number INTEGER NOT NULL UNIQUE,
  status TEXT NOT NULL CHECK (status IN ('pending', 'active', 'revoked')),
  pairing_code TEXT UNIQUE,
  pairing_secret_hash TEXT,
  token_hash TEXT UNIQUE,
  requested_at TEXT NOT NULL,
  approved_at TEXT,
  approved_by TEXT REFERENCES staff (id),
  revoked_at TEXT,
  last_seen_at TEXT
) STRICT;

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('till', 'admin')),
  staff_id TEXT NOT NULL REFERENCES staff (id),
  till_id TEXT REFERENCES tills (id),
  csrf_token TEXT,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  revoked_at TEXT
) STRICT, WITHOUT ROWID;

CREATE TABLE login_attempts (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('pin', 'password', 'override')),
  staff_id TEXT,
  till_id TEXT,
  address TEXT,
  success INTEGER NOT NULL CHECK (success IN (0, 1)),
  reason TEXT
) STRICT;
CREATE INDEX login_attempts_staff ON login_attempts (staff_id, at);
