CREATE TABLE sites (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('in_house', 'partner')),
  partner_name TEXT,
  city TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE teams (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  site_id TEXT NOT NULL REFERENCES sites(id),
  supervisor_id TEXT,
  created_at INTEGER NOT NULL,
  UNIQUE (site_id, name)
);
CREATE TABLE users (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('advisor', 'supervisor', 'admin')),
  site_id TEXT NOT NULL REFERENCES sites(id),
  team_id TEXT REFERENCES teams(id),
  extension TEXT UNIQUE,
  password_hash TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0,
  failed_attempts INTEGER NOT NULL DEFAULT 0,
  locked_until INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id),
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL,
  client TEXT
);
CREATE INDEX sessions_user ON sessions(user_id);
CREATE TABLE queues (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  line TEXT NOT NULL CHECK (line IN ('food', 'funeralcare', 'membership')),
  dialled_number TEXT NOT NULL UNIQUE
);
CREATE TABLE wrapup_codes (
  id TEXT PRIMARY KEY,
  line TEXT NOT NULL,
  label TEXT NOT NULL,
  position INTEGER NOT NULL
);
CREATE TABLE customers (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  phone TEXT,
  phone_alt TEXT,
  email TEXT,
  membership_number TEXT UNIQUE,
  postcode TEXT,
  bereaved INTEGER NOT NULL DEFAULT 0,
  bereavement_ref TEXT,
  bereaved_at INTEGER,
  vulnerable INTEGER NOT NULL DEFAULT 0,
  vulnerability_note TEXT,
  marketing_suppressed INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX customers_phone ON customers(phone);
CREATE INDEX customers_phone_alt ON customers(phone_alt);
CREATE TABLE cases (
  id TEXT PRIMARY KEY,
  reference TEXT NOT NULL UNIQUE,
  customer_id TEXT REFERENCES customers(id),
  channel TEXT NOT NULL,
  line TEXT NOT NULL,
  queue_id TEXT,
  call_id TEXT,
  status TEXT NOT NULL CHECK (status IN ('open', 'pending', 'closed')),
  wrapup_code TEXT,
  subject TEXT NOT NULL,
  site_id TEXT NOT NULL REFERENCES sites(id),
  owner_id TEXT REFERENCES users(id),
  opened_at INTEGER NOT NULL,
  closed_at INTEGER,
  updated_at INTEGER NOT NULL
);
CREATE INDEX cases_customer ON cases(customer_id, opened_at);
CREATE INDEX cases_owner ON cases(owner_id, updated_at);
CREATE INDEX cases_call ON cases(call_id);
CREATE TABLE case_notes (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases(id),
  author_id TEXT REFERENCES users(id),
  body TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX case_notes_case ON case_notes(case_id, created_at);
CREATE TABLE knowledge_articles (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  summary TEXT NOT NULL,
  body TEXT NOT NULL,
  line TEXT NOT NULL,
  category TEXT NOT NULL,
  tags TEXT NOT NULL,
  audience_roles TEXT NOT NULL DEFAULT '',
  audience_sites TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('draft', 'published', 'retired')),
  author_id TEXT REFERENCES users(id),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  published_at INTEGER,
  change_seq INTEGER NOT NULL
);
CREATE INDEX knowledge_change_seq ON knowledge_articles(change_seq);
CREATE TABLE counters (
  name TEXT PRIMARY KEY,
  value INTEGER NOT NULL
);
INSERT INTO counters (name, value) VALUES ('knowledge', 0), ('case_reference', 100000);
CREATE TABLE gesture_items (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  kind TEXT NOT NULL,
  min_pence INTEGER NOT NULL,
  max_pence INTEGER NOT NULL,
  tone TEXT NOT NULL CHECK (tone IN ('celebratory', 'neutral', 'condolence')),
  bereavement_suitable INTEGER NOT NULL,
  fields TEXT NOT NULL,
  templates TEXT NOT NULL,
  fulfilment TEXT NOT NULL,
  lines TEXT NOT NULL,
  sites TEXT NOT NULL DEFAULT '',
  tags TEXT NOT NULL DEFAULT '',
  retired INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  CHECK (min_pence <= max_pence)
);
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at INTEGER NOT NULL,
  actor_id TEXT,
  actor_role TEXT,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT,
  site_id TEXT,
  detail TEXT NOT NULL
);
CREATE INDEX audit_at ON audit_log(at);
