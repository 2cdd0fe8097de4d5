-- Cases are worked at any time, not only during a call. Four statuses instead of three: open,
-- waiting (on the customer; was "pending"), resolved and closed, with the outcome in words and when
-- it was resolved. SQLite changes a CHECK by rebuilding the table (see migrate.ts).
CREATE TABLE cases_new (
  id TEXT PRIMARY KEY,
  reference TEXT NOT NULL UNIQUE,
  customer_id TEXT REFERENCES customers(id),
  channel TEXT NOT NULL,
  line TEXT NOT NULL,
  queue_id TEXT,
  call_id TEXT,
  status TEXT NOT NULL CHECK (status IN ('open', 'waiting', 'resolved', 'closed')),
  wrapup_code TEXT,
  subject TEXT NOT NULL,
  site_id TEXT NOT NULL REFERENCES sites(id),
  owner_id TEXT REFERENCES users(id),
  opened_at INTEGER NOT NULL,
  closed_at INTEGER,
  updated_at INTEGER NOT NULL,
  outcome TEXT,
  resolved_at INTEGER
);
INSERT INTO cases_new (id, reference, customer_id, channel, line, queue_id, call_id, status, wrapup_code, subject, site_id, owner_id,
  opened_at, closed_at, updated_at)
SELECT id, reference, customer_id, channel, line, queue_id, call_id, CASE WHEN status = 'pending' THEN 'waiting' ELSE status END,
  wrapup_code, subject, site_id, owner_id, opened_at, closed_at, updated_at
FROM cases;
DROP TABLE cases;
ALTER TABLE cases_new RENAME TO cases;
CREATE INDEX cases_customer ON cases(customer_id, opened_at);
CREATE INDEX cases_owner ON cases(owner_id, updated_at);
CREATE INDEX cases_call ON cases(call_id);
CREATE INDEX cases_site ON cases(site_id, updated_at);

-- Every status change, with the reason a reopening needs: the case shows its own history.
CREATE TABLE case_status_changes (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases(id),
  from_status TEXT NOT NULL,
  to_status TEXT NOT NULL,
  reason TEXT,
  actor_id TEXT REFERENCES users(id),
  site_id TEXT NOT NULL REFERENCES sites(id),
  changed_at INTEGER NOT NULL
);
CREATE INDEX case_status_changes_case ON case_status_changes(case_id, changed_at);

-- Notes are append-only: an edit is a new revision (the note row carries the latest text for the
-- readers that only want it), each note keeps the site it was written at.
ALTER TABLE case_notes ADD COLUMN site_id TEXT REFERENCES sites(id);
ALTER TABLE case_notes ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE case_notes ADD COLUMN edited_at INTEGER;
UPDATE case_notes SET site_id = COALESCE(
  (SELECT u.site_id FROM users u WHERE u.id = case_notes.author_id),
  (SELECT c.site_id FROM cases c WHERE c.id = case_notes.case_id));
CREATE TABLE case_note_revisions (
  note_id TEXT NOT NULL REFERENCES case_notes(id),
  revision INTEGER NOT NULL,
  body TEXT NOT NULL,
  author_id TEXT REFERENCES users(id),
  site_id TEXT REFERENCES sites(id),
  written_at INTEGER NOT NULL,
  idempotency_key TEXT,
  PRIMARY KEY (note_id, revision)
);
CREATE UNIQUE INDEX case_note_revisions_key ON case_note_revisions(author_id, idempotency_key);
INSERT INTO case_note_revisions (note_id, revision, body, author_id, site_id, written_at)
SELECT id, 1, body, author_id, site_id, created_at FROM case_notes;

-- Wrap-up codes are a list an organisation admin keeps per line; a code may mean that someone has
-- died (the desk then asks for the bereavement). A code taken off the list is retired, never
-- deleted: old cases keep their label.
ALTER TABLE wrapup_codes ADD COLUMN means_death INTEGER NOT NULL DEFAULT 0;
ALTER TABLE wrapup_codes ADD COLUMN retired INTEGER NOT NULL DEFAULT 0;
UPDATE wrapup_codes SET means_death = 1 WHERE id IN ('fc-first-call', 'mem-deceased');

-- Note templates per line, kept by an organisation admin.
CREATE TABLE note_templates (
  id TEXT PRIMARY KEY,
  line TEXT NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  position INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX note_templates_line ON note_templates(line, position);
INSERT INTO note_templates (id, line, title, body, position, updated_at) VALUES
  ('tpl-fc-bereavement', 'funeralcare', 'Bereavement notification',
   'Bereavement notified by {caller} ({relationship}). Notification service: {service}. Reference: {reference}. Date of death: {date of death}.', 1, 0),
  ('tpl-fc-arrangements', 'funeralcare', 'Arrangements agreed',
   'Arrangements discussed with {caller}: {what was agreed}. Next contact: {date}.', 2, 0),
  ('tpl-mem-bereavement', 'membership', 'Bereavement notification',
   'Bereavement notified by {caller} ({relationship}). Notification service: {service}. Reference: {reference}. Date of death: {date of death}. Membership {membership number} to be closed.', 1, 0),
  ('tpl-food-product', 'food', 'Product complaint',
   'Product: {product}. Barcode: {barcode}. Use by: {date}. Bought at: {store}. What went wrong: {what happened}.', 1, 0);

-- Follow-up tasks on a case: a due time and an assignee (the advisor, unless they choose a colleague).
CREATE TABLE case_tasks (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases(id),
  site_id TEXT NOT NULL REFERENCES sites(id),
  title TEXT NOT NULL,
  due_at INTEGER NOT NULL,
  assignee_id TEXT NOT NULL REFERENCES users(id),
  created_by TEXT REFERENCES users(id),
  created_at INTEGER NOT NULL,
  done_at INTEGER,
  done_by TEXT REFERENCES users(id),
  idempotency_key TEXT
);
CREATE INDEX case_tasks_assignee ON case_tasks(assignee_id, done_at, due_at);
CREATE INDEX case_tasks_case ON case_tasks(case_id, due_at);
CREATE INDEX case_tasks_site ON case_tasks(site_id, done_at, due_at);
CREATE UNIQUE INDEX case_tasks_key ON case_tasks(created_by, idempotency_key);
