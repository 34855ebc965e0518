-- Staff, roles, tills and sessions. Secrets are scrypt hashes ('scrypt$N$r$p$salt$hash'); tokens are
-- stored as SHA-256 of a random 32-byte value, so a database leak does not hand out sessions.
-- Builtin roles have fixed ids (see services/access/roles.ts) so every store agrees on them.
CREATE TABLE roles (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  permissions TEXT NOT NULL CHECK (json_valid(permissions)),
  discount_limit_bp INTEGER NOT NULL DEFAULT 0 CHECK (discount_limit_bp BETWEEN 0 AND 10000),
  builtin INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
  updated_at TEXT NOT NULL
) STRICT;

-- failed_attempts / locked_until hold the PIN lockout; PIN logins and supervisor overrides share it, so
-- guessing a supervisor's PIN through the override prompt is as slow as through the login screen.
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

-- A till is created 'pending' by an anonymous pairing request and gets its number only when a manager
-- approves it, so abandoned requests never burn a number (receipt numbering is per till number).
-- The device token is minted on the first status poll after approval and only its hash is kept, so
-- the hub never stores a usable token; pairing_secret_hash is cleared once the token is handed over.
-- invited = 1: a manager (or the demo start-up) issued the code first and the browser claims it by typing
-- it, instead of the browser asking and a manager approving.
CREATE TABLE tills (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  number INTEGER UNIQUE,
  status TEXT NOT NULL CHECK (status IN ('pending', 'active', 'revoked')),
  pairing_code TEXT UNIQUE,
  pairing_secret_hash TEXT UNIQUE,
  pairing_expires_at TEXT,
  invited INTEGER NOT NULL DEFAULT 0 CHECK (invited IN (0, 1)),
  token_hash TEXT UNIQUE,
  requested_at TEXT NOT NULL,
  approved_at TEXT,
  approved_by TEXT REFERENCES staff (id),
  revoked_at TEXT,
  last_seen_at TEXT,
  CHECK (status <> 'active' OR number IS NOT NULL)
) STRICT;

-- expires_at is the absolute end; admin sessions also end after an idle period measured from
-- last_seen_at (see services/access/policy.ts).
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('till', 'admin')),
  staff_id TEXT NOT NULL REFERENCES staff (id),
  till_id TEXT REFERENCES tills (id),
  csrf_token TEXT,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  revoked_at TEXT,
  CHECK ((kind = 'till') = (till_id IS NOT NULL)),
  CHECK ((kind = 'admin') = (csrf_token IS NOT NULL))
) STRICT, WITHOUT ROWID;
CREATE INDEX sessions_till ON sessions (till_id) WHERE revoked_at IS NULL;
CREATE INDEX sessions_staff ON sessions (staff_id) WHERE revoked_at IS NULL;

CREATE TABLE login_attempts (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('pin', 'password', 'override', 'pairing')),
  staff_id TEXT,
  till_id TEXT,
  address TEXT,
  success INTEGER NOT NULL CHECK (success IN (0, 1)),
  reason TEXT
) STRICT;
CREATE INDEX login_attempts_staff ON login_attempts (staff_id, at);
CREATE INDEX login_attempts_address ON login_attempts (kind, address, at);
