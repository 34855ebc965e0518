-- Loyalty points: a ledger per customer, never a counter. earn (+) when a sale with the customer
-- completes, return (-) when a return of such a sale completes, redeem (-) by a payment, reversal (+)
-- when that payment is cancelled, adjust (+/-) by a manager, merge (+/-) when two customers become one.
CREATE TABLE loyalty_entries (
  id TEXT PRIMARY KEY,
  customer_id TEXT NOT NULL REFERENCES customers (id),
  kind TEXT NOT NULL CHECK (kind IN ('earn', 'return', 'redeem', 'reversal', 'adjust', 'merge')),
  points INTEGER NOT NULL CHECK (points <> 0),
  sale_id TEXT REFERENCES sales (id),
  payment_id TEXT REFERENCES payments (id),
  staff_id TEXT,
  note TEXT NOT NULL DEFAULT '',
  at TEXT NOT NULL,
  CHECK (kind NOT IN ('earn', 'reversal') OR points > 0),
  CHECK (kind NOT IN ('return', 'redeem') OR points < 0)
) STRICT;
CREATE INDEX loyalty_entries_customer ON loyalty_entries (customer_id, at);
CREATE INDEX loyalty_entries_sale ON loyalty_entries (sale_id);
-- A sale earns once, a return takes back once, a payment redeems once and is reversed at most once.
CREATE UNIQUE INDEX loyalty_entries_sale_kind ON loyalty_entries (sale_id, kind)
  WHERE sale_id IS NOT NULL AND kind IN ('earn', 'return');
CREATE UNIQUE INDEX loyalty_entries_payment ON loyalty_entries (payment_id, kind)
  WHERE payment_id IS NOT NULL;

-- The programme's rules, one JSON document validated in code (hub/services/customers/loyalty-settings.ts).
CREATE TABLE loyalty_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  settings TEXT NOT NULL CHECK (json_valid(settings)),
  updated_at TEXT NOT NULL
) STRICT;
