CREATE TABLE gesture_limits (
  role TEXT PRIMARY KEY CHECK (role IN ('advisor', 'supervisor')),
  limit_pence BIGINT NOT NULL CHECK (limit_pence >= 0),
  updated_at BIGINT NOT NULL
);
INSERT INTO gesture_limits (role, limit_pence, updated_at) VALUES ('advisor', 2500, 0), ('supervisor', 15000, 0);
CREATE TABLE gesture_settings (
  key TEXT PRIMARY KEY,
  value BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
INSERT INTO gesture_settings (key, value, updated_at) VALUES
  ('customer_cap_pence', 10000, 0),
  ('cap_window_days', 365, 0),
  ('pending_expiry_hours', 120, 0),
  ('follow_up_days', 7, 0),
  ('budget_default_in_house', 200000, 0),
  ('budget_default_partner', 150000, 0);
CREATE TABLE budgets (
  site_id TEXT NOT NULL REFERENCES sites(id),
  month TEXT NOT NULL,
  budget_pence BIGINT NOT NULL,
  reserved_pence BIGINT NOT NULL DEFAULT 0,
  committed_pence BIGINT NOT NULL DEFAULT 0,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (site_id, month),
  CHECK (reserved_pence >= 0 AND committed_pence >= 0 AND reserved_pence + committed_pence <= budget_pence)
);
CREATE TABLE gesture_requests (
  id TEXT PRIMARY KEY,
  idempotency_key TEXT NOT NULL,
  requested_by TEXT NOT NULL REFERENCES users(id),
  requester_role TEXT NOT NULL,
  case_id TEXT NOT NULL REFERENCES cases(id),
  customer_id TEXT NOT NULL REFERENCES customers(id),
  item_id TEXT NOT NULL REFERENCES gesture_items(id),
  item_name TEXT NOT NULL,
  item_kind TEXT NOT NULL,
  item_tone TEXT NOT NULL,
  amount_pence BIGINT NOT NULL CHECK (amount_pence >= 0),
  personalisation TEXT NOT NULL,
  message TEXT NOT NULL,
  reason_code TEXT NOT NULL,
  reason TEXT NOT NULL,
  sensitive BIGINT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'withdrawn', 'expired')),
  approver_level TEXT NOT NULL CHECK (approver_level IN ('advisor', 'supervisor', 'head')),
  site_id TEXT NOT NULL REFERENCES sites(id),
  line TEXT NOT NULL,
  budget_month TEXT NOT NULL,
  decided_by TEXT REFERENCES users(id),
  decided_at BIGINT,
  decision_reason TEXT,
  fulfilment_status TEXT CHECK (fulfilment_status IN ('approved', 'ordered', 'delivered', 'donation_confirmed')),
  fulfilment_updated_at BIGINT,
  expires_at BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  UNIQUE (requested_by, idempotency_key)
);
CREATE INDEX gesture_requests_site_status ON gesture_requests(site_id, status, created_at);
CREATE INDEX gesture_requests_customer ON gesture_requests(customer_id, created_at);
CREATE INDEX gesture_requests_case ON gesture_requests(case_id, created_at);
CREATE INDEX gesture_requests_pending ON gesture_requests(status, expires_at);
CREATE INDEX gesture_requests_month ON gesture_requests(budget_month, site_id);
CREATE TABLE follow_ups (
  id TEXT PRIMARY KEY,
  request_id TEXT NOT NULL UNIQUE REFERENCES gesture_requests(id),
  advisor_id TEXT NOT NULL REFERENCES users(id),
  due_at BIGINT NOT NULL,
  done_at BIGINT,
  outcome TEXT,
  created_at BIGINT NOT NULL
);
CREATE INDEX follow_ups_advisor ON follow_ups(advisor_id, done_at, due_at);
