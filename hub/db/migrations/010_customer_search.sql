-- Customer lookup by any part of a phone number and by the start of any word of the name, through
-- indexes (a till searches while the customer waits, and a store may have tens of thousands).
--
-- customer_phone_keys: every suffix of the phone's digits, so "starts with" on a key finds the digits
-- anywhere in the number: +45 12 34 56 78 is found by 4512345678, 12345678, 5678 and "12 34".
-- is_start marks the key that is the whole number, for a search typed with a leading '+'.
CREATE TABLE customer_phone_keys (
  key TEXT NOT NULL,
  customer_id TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  is_start INTEGER NOT NULL CHECK (is_start IN (0, 1)),
  PRIMARY KEY (key, customer_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX customer_phone_keys_customer ON customer_phone_keys (customer_id);

-- customer_name_words: each word of the folded name (customers.name_key), so "wei" finds "Chen Wei".
-- The service writes both tables with the customer row; words are split on anything that is not a
-- letter or digit ("Anne-Marie" is "anne" and "marie").
CREATE TABLE customer_name_words (
  word TEXT NOT NULL,
  customer_id TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  PRIMARY KEY (word, customer_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX customer_name_words_customer ON customer_name_words (customer_id);

-- Existing customers. Names are split on spaces and hyphens here (SQL has no Unicode word boundaries);
-- the next edit of a customer rewrites its words with the service's rule.
INSERT OR IGNORE INTO customer_phone_keys (key, customer_id, is_start)
WITH RECURSIVE digits (customer_id, d) AS (
  SELECT id, replace(phone, '+', '') FROM customers WHERE phone IS NOT NULL
), suffixes (customer_id, key, is_start) AS (
  SELECT customer_id, d, 1 FROM digits
  UNION ALL
  SELECT customer_id, substr(key, 2), 0 FROM suffixes WHERE length(key) > 1
)
SELECT key, customer_id, is_start FROM suffixes;

INSERT OR IGNORE INTO customer_name_words (word, customer_id)
WITH RECURSIVE split (customer_id, word, rest) AS (
  SELECT id, '', replace(name_key, '-', ' ') || ' ' FROM customers
  UNION ALL
  SELECT customer_id, substr(rest, 1, instr(rest, ' ') - 1), substr(rest, instr(rest, ' ') + 1)
  FROM split WHERE rest <> ''
)
SELECT word, customer_id FROM split WHERE word <> '';
