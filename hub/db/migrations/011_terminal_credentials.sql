-- Payment terminal credentials and the terminal each card payment was sent to.
--
-- terminal_credentials holds the nexo shared key of a registered terminal (kind 'terminal'): the
-- passphrase the message keys are derived from, its key identifier and version, and the PEM of the CA
-- (or the terminal's own certificate) that signs the terminal's TLS certificate, with the name the
-- certificate is issued to when it is not the transport's host. The passphrase has to be usable in clear
-- (it is the input of the key derivation), so unlike device secrets it cannot be stored as a hash: it sits
-- here in plain text, and the data dir must be protected like the database itself (file permissions,
-- disk encryption, backups treated as secret). These rows are never written to the outbox (never
-- replicated) and never returned by the API; reads answer hasCredentials and the key identifier and
-- version only. Revoking the terminal deletes its row.
CREATE TABLE terminal_credentials (
  device_id TEXT PRIMARY KEY REFERENCES devices (id),
  passphrase TEXT NOT NULL CHECK (length(passphrase) BETWEEN 8 AND 256),
  key_identifier TEXT NOT NULL,
  key_version INTEGER NOT NULL CHECK (key_version >= 0),
  ca_pem TEXT NOT NULL,
  servername TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

-- Which terminal a card payment or refund was sent to, written before the terminal is called, so a status
-- enquiry or an abort (also after a restart, also after the till got another terminal) asks the terminal
-- that actually has the transaction. Local routing only: not replicated.
CREATE TABLE terminal_payment_routes (
  payment_id TEXT PRIMARY KEY,
  device_id TEXT NOT NULL REFERENCES devices (id),
  created_at TEXT NOT NULL
) STRICT;
