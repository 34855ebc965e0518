-- A cash session is one drawer's shift. Its expected cash is the sum of its movement ledger (float,
-- cash taken, change given, refunds, pay-ins, pay-outs), so expected vs counted never depends on a
-- running total kept somewhere else.
CREATE TABLE cash_sessions (
  id TEXT PRIMARY KEY,
  till_id TEXT NOT NULL REFERENCES tills (id),
  status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
  -- The store currency when the drawer was opened: the counts are in its denominations.
  currency TEXT NOT NULL,
  opened_by TEXT NOT NULL REFERENCES staff (id),
  opened_at TEXT NOT NULL,
  float_minor INTEGER NOT NULL CHECK (float_minor >= 0),
  float_counts TEXT CHECK (float_counts IS NULL OR json_valid(float_counts)),
  closed_by TEXT REFERENCES staff (id),
  closed_at TEXT,
  expected_minor INTEGER,
  counted_minor INTEGER,
  difference_minor INTEGER,
  counts TEXT CHECK (counts IS NULL OR json_valid(counts)),
  z_number INTEGER UNIQUE
) STRICT;
-- At most one open session per till.
CREATE UNIQUE INDEX cash_sessions_open_per_till ON cash_sessions (till_id) WHERE status = 'open';

CREATE TABLE cash_movements (
  id TEXT PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES cash_sessions (id),
  kind TEXT NOT NULL CHECK (kind IN ('float', 'sale', 'refund', 'pay_in', 'pay_out', 'no_sale')),
  amount_minor INTEGER NOT NULL,
  reason TEXT CHECK (reason IS NULL OR length(reason) <= 200),
  sale_id TEXT,
  staff_id TEXT REFERENCES staff (id),
  -- The supervisor who approved a pay-out or drawer open the staff member could not do alone.
  approved_by TEXT REFERENCES staff (id),
  at TEXT NOT NULL
) STRICT;
CREATE INDEX cash_movements_session ON cash_movements (session_id);

-- Z reports are immutable: the report JSON is written once and also chained in the journal.
CREATE TABLE z_reports (
  number INTEGER PRIMARY KEY,
  session_id TEXT NOT NULL UNIQUE REFERENCES cash_sessions (id),
  till_id TEXT NOT NULL REFERENCES tills (id),
  at TEXT NOT NULL,
  report TEXT NOT NULL CHECK (json_valid(report)),
  -- Perpetual totals since the first Z: sales and returns are kept apart so neither ever decreases.
  grand_total_minor INTEGER NOT NULL CHECK (grand_total_minor >= 0),
  grand_returns_minor INTEGER NOT NULL CHECK (grand_returns_minor >= 0),
  journal_seq INTEGER NOT NULL
) STRICT;
CREATE INDEX z_reports_till ON z_reports (till_id, number);
-- Defence in depth for what the close service already guarantees: numbers follow on without gaps and
-- the grand totals never shrink, whatever writes the row.
CREATE TRIGGER z_reports_sequence BEFORE INSERT ON z_reports
WHEN NEW.number <> COALESCE((SELECT MAX(number) FROM z_reports), 0) + 1
  OR NEW.grand_total_minor < COALESCE((SELECT grand_total_minor FROM z_reports ORDER BY number DESC LIMIT 1), 0)
  OR NEW.grand_returns_minor < COALESCE((SELECT grand_returns_minor FROM z_reports ORDER BY number DESC LIMIT 1), 0)
BEGIN
  SELECT RAISE(ABORT, 'z reports are numbered without gaps and their grand totals never decrease');
END;
CREATE TRIGGER z_reports_immutable BEFORE UPDATE ON z_reports
BEGIN
  SELECT RAISE(ABORT, 'z reports are immutable');
END;
CREATE TRIGGER z_reports_undeletable BEFORE DELETE ON z_reports
BEGIN
  SELECT RAISE(ABORT, 'z reports are immutable');
END;
