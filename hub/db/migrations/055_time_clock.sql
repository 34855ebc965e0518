-- The time clock. A shift runs from clock-in to clock-out (null while the person is still at work); its
-- breaks lie inside it. At most one open shift per person and one open break per shift, enforced here as
-- well as in the service, so two tills clocking the same person in at once cannot both win. Overlap of
-- closed shifts is checked by the service (SQLite has no exclusion constraints).
CREATE TABLE time_shifts (
  id TEXT PRIMARY KEY,
  staff_id TEXT NOT NULL REFERENCES staff (id),
  clock_in_at TEXT NOT NULL,
  clock_out_at TEXT,
  clock_in_till_id TEXT REFERENCES tills (id),
  clock_out_till_id TEXT REFERENCES tills (id),
  -- 1 once a manager has corrected it (the audit log holds who, when, why and the times before).
  corrected INTEGER NOT NULL DEFAULT 0 CHECK (corrected IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (clock_out_at IS NULL OR clock_out_at > clock_in_at)
) STRICT;
CREATE UNIQUE INDEX time_shifts_one_open ON time_shifts (staff_id) WHERE clock_out_at IS NULL;
CREATE INDEX time_shifts_staff ON time_shifts (staff_id, clock_in_at);
CREATE INDEX time_shifts_in ON time_shifts (clock_in_at);

CREATE TABLE time_breaks (
  id TEXT PRIMARY KEY,
  shift_id TEXT NOT NULL REFERENCES time_shifts (id) ON DELETE CASCADE,
  start_at TEXT NOT NULL,
  end_at TEXT,
  CHECK (end_at IS NULL OR end_at > start_at)
) STRICT;
CREATE UNIQUE INDEX time_breaks_one_open ON time_breaks (shift_id) WHERE end_at IS NULL;
CREATE INDEX time_breaks_shift ON time_breaks (shift_id, start_at);
