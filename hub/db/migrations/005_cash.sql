-- A cash session is one drawer's shift. Its expected cash is the sum of its movement ledger (float,
-- cash taken, change given, refunds, pay-ins, pay-outs), so expected vs counted never depends on a
-- running total kept somewhere else.
CREATE TABLE cash_sessions (
  id TEXT PRIMARY KEY,
  till_id TEXT NOT NULL REFERENCES tills (id),
  status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
  opened_by TEXT NOT NULL REFERENCES staff (id),
  opened_at TEXT NOT NULL,
  float_minor INTEGER NOT NULL CHECK (float_minor >= 0),
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
  reason TEXT,
  sale_id TEXT,
  staff_id TEXT REFERENCES staff (id),
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
  grand_total_minor INTEGER NOT NULL,
  journal_seq INTEGER NOT NULL
) STRICT;
CREATE TRIGGER z_reports_immutable BEFORE UPDATE ON z_reports
BEGIN
  SELECT RAISE(ABORT, 'z reports are immutable');
END;
CREATE TRIGGER z_reports_undeletable BEFORE DELETE ON z_reports
BEGIN
  SELECT RAISE(ABORT, 'z reports are immutable');
END;
