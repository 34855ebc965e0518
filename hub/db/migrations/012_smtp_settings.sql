-- The mail server the hub sends e-receipts through (one per store).
--
-- The password has to be handed to the mail server in clear, so like a terminal's nexo passphrase
-- (011_terminal_credentials.sql) it cannot be a hash: it sits here in plain text, in its own table, never
-- written to the outbox (never replicated), never returned by the API (reads say only whether one is set)
-- and never in an audit row. The data dir must be protected like the database itself.
CREATE TABLE smtp_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  host TEXT NOT NULL CHECK (length(host) BETWEEN 1 AND 253),
  port INTEGER NOT NULL CHECK (port BETWEEN 1 AND 65535),
  -- 1: TLS from the first byte (port 465); 0: plain, upgraded with STARTTLS when the server offers it.
  secure INTEGER NOT NULL CHECK (secure IN (0, 1)),
  username TEXT CHECK (username IS NULL OR length(username) BETWEEN 1 AND 254),
  password TEXT CHECK (password IS NULL OR length(password) BETWEEN 1 AND 512),
  from_address TEXT NOT NULL CHECK (length(from_address) BETWEEN 3 AND 254),
  updated_at TEXT NOT NULL
) STRICT;
