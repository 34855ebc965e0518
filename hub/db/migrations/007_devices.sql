-- Device registry. The id is a UUIDv7: it is the device's MQTT username and a topic segment
-- (pos/<store>/devices/<id>/...), and UUIDs match TOPIC_SEGMENT in contract/mqtt.ts.
-- The secret is stored only as a scrypt hash and cleared on revoke, so a revoked device can never
-- authenticate again even if the status check were bypassed. credential_version counts rotations.
-- transport is validated per transport type by services/devices/transport.ts before it is written.
-- last_state / last_seen_at / counters are the last retained state the device published, kept so the
-- registry can show something after a hub restart before the broker replays retained messages.
CREATE TABLE devices (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('printer', 'drawer', 'scale', 'scanner', 'display', 'terminal')),
  name TEXT NOT NULL,
  profile_id TEXT NOT NULL,
  transport TEXT NOT NULL CHECK (json_valid(transport)),
  till_id TEXT REFERENCES tills (id),
  role TEXT CHECK (
    role IN ('receipt_printer', 'kitchen_printer', 'drawer', 'scale', 'scanner', 'customer_display', 'terminal')
  ),
  status TEXT NOT NULL CHECK (status IN ('registered', 'active', 'revoked')),
  secret_hash TEXT,
  credential_version INTEGER NOT NULL DEFAULT 1 CHECK (credential_version >= 1),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  activated_at TEXT,
  revoked_at TEXT,
  last_seen_at TEXT,
  last_state TEXT CHECK (last_state IS NULL OR json_valid(last_state)),
  counters TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(counters)),
  CHECK ((till_id IS NULL) = (role IS NULL)),
  CHECK ((status = 'revoked') = (secret_hash IS NULL))
) STRICT;

-- One device per (till, role), except kitchen printers (a kitchen can have several stations). Revoked
-- devices keep their last assignment for the record but no longer hold the role.
CREATE UNIQUE INDEX devices_till_role ON devices (till_id, role)
  WHERE till_id IS NOT NULL AND role <> 'kitchen_printer' AND status <> 'revoked';
CREATE INDEX devices_till ON devices (till_id) WHERE till_id IS NOT NULL AND status <> 'revoked';
