-- Right to erasure (UK GDPR art. 17). One row per customer erased: the data-protection officer's
-- log reads who, when, the reference and the request date; desktops read the same rows by cursor
-- (seq, from the 'erasure' counter) to remove their own copies. The customer row itself stays,
-- anonymised, so the money given to them (gesture amounts, budgets, the 12-month cap) still adds up.
CREATE TABLE customer_erasures (
  seq INTEGER PRIMARY KEY,
  reference TEXT NOT NULL UNIQUE,
  customer_id TEXT NOT NULL UNIQUE REFERENCES customers(id),
  request_case_reference TEXT NOT NULL,
  requested_on TEXT NOT NULL,
  erased_by TEXT NOT NULL REFERENCES users(id),
  erased_at INTEGER NOT NULL,
  counts TEXT NOT NULL,
  case_ids TEXT NOT NULL DEFAULT '',
  call_ids TEXT NOT NULL DEFAULT '',
  phone_salt TEXT,
  phone_digests TEXT NOT NULL DEFAULT ''
);
CREATE INDEX customer_erasures_erased_at ON customer_erasures(erased_at);
ALTER TABLE customers ADD COLUMN erased_at INTEGER;
INSERT INTO counters (name, value) VALUES ('erasure', 0);
INSERT INTO organisation_settings (key, value, updated_at) VALUES
  ('erasure_deadline_days', '30', 0),
  ('retention_call_history_days', '30', 0),
  ('retention_note_draft_days', '7', 0),
  ('retention_wipe_at_sign_out', '0', 0);
