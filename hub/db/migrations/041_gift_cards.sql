-- Gift cards: a card is a code (printed or encoded on the plastic); its balance is the sum of its ledger
-- entries, never a stored counter. Entries are only ever added: a load when a sale line selling or
-- reloading the card completes (+), a redemption by a payment (-), the reversal of a redemption when that
-- payment is cancelled (+), and a manager's reload or correction (+/-, audited).
CREATE TABLE gift_cards (
  code TEXT PRIMARY KEY,
  currency TEXT NOT NULL,
  activated_sale_id TEXT REFERENCES sales (id),
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE gift_card_entries (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL REFERENCES gift_cards (code),
  kind TEXT NOT NULL CHECK (kind IN ('load', 'redeem', 'reversal', 'adjust')),
  amount_minor INTEGER NOT NULL CHECK (amount_minor <> 0),
  sale_id TEXT REFERENCES sales (id),
  line_id TEXT REFERENCES sale_lines (id),
  payment_id TEXT REFERENCES payments (id),
  staff_id TEXT,
  note TEXT NOT NULL DEFAULT '',
  at TEXT NOT NULL,
  CHECK (kind <> 'redeem' OR amount_minor < 0),
  CHECK (kind NOT IN ('load', 'reversal') OR amount_minor > 0)
) STRICT;
CREATE INDEX gift_card_entries_code ON gift_card_entries (code);
-- A payment redeems once and is reversed at most once; a sale line loads once.
CREATE UNIQUE INDEX gift_card_entries_payment ON gift_card_entries (payment_id, kind)
  WHERE payment_id IS NOT NULL;
CREATE UNIQUE INDEX gift_card_entries_line ON gift_card_entries (line_id) WHERE line_id IS NOT NULL;

-- Products that are gift cards: a completed sale line of one loads the card whose code is the line's note
-- (the till puts the scanned card code there). Usually one product per denomination plus an open amount.
CREATE TABLE gift_card_products (
  product_id TEXT PRIMARY KEY REFERENCES products (id),
  created_at TEXT NOT NULL
) STRICT;
