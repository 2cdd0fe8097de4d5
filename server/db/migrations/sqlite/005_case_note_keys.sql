ALTER TABLE case_notes ADD COLUMN idempotency_key TEXT;
CREATE UNIQUE INDEX case_notes_author_key ON case_notes(author_id, idempotency_key);
