-- Store credit: a credit is a code printed on the receipt of the return that issued it; its balance is the
-- sum of its ledger entries, never a stored counter. Entries are only ever added: an issue (+), a
-- redemption by a payment (-), and the reversal of a redemption when that payment is cancelled (+).
CREATE TABLE store_credits (
  code TEXT PRIMARY KEY,
  currency TEXT NOT NULL,
  issued_sale_id TEXT REFERENCES sales (id),
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE store_credit_entries (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL REFERENCES store_credits (code),
  kind TEXT NOT NULL CHECK (kind IN ('issue', 'redeem', 'reversal')),
  amount_minor INTEGER NOT NULL CHECK (amount_minor <> 0),
  sale_id TEXT REFERENCES sales (id),
  payment_id TEXT REFERENCES payments (id),
  staff_id TEXT REFERENCES staff (id),
  at TEXT NOT NULL,
  CHECK ((kind = 'redeem') = (amount_minor < 0))
) STRICT;
CREATE INDEX store_credit_entries_code ON store_credit_entries (code);
-- A payment redeems once, is reversed at most once, and a refund row issues once.
CREATE UNIQUE INDEX store_credit_entries_payment ON store_credit_entries (payment_id, kind)
  WHERE payment_id IS NOT NULL;
