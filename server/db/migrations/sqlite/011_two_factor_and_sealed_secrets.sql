-- Which key sealed this database's secrets (a fingerprint, never the key), so an instance started
-- with another key stops instead of failing later.
CREATE TABLE hub_secret_key (
  id TEXT PRIMARY KEY,
  fingerprint TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
-- One authenticator per person: the TOTP key sealed with the hub's secret key; confirmed_at is null
-- while enrolling; last_step is the last 30-second step a code was accepted for (no code twice).
CREATE TABLE two_factor (
  user_id TEXT PRIMARY KEY REFERENCES users(id),
  secret TEXT NOT NULL,
  confirmed_at INTEGER,
  last_step INTEGER,
  created_at INTEGER NOT NULL
);
-- One-time recovery codes, hashed; each is spent once.
CREATE TABLE two_factor_recovery_codes (
  user_id TEXT NOT NULL REFERENCES users(id),
  code_hash TEXT NOT NULL,
  used_at INTEGER,
  PRIMARY KEY (user_id, code_hash)
);
-- The roles an organisation admin requires two-factor sign-in of.
CREATE TABLE two_factor_required_roles (
  role TEXT PRIMARY KEY,
  set_by TEXT,
  set_at INTEGER NOT NULL
);
-- A password accepted, waiting for its code (or for enrolment): short-lived, kept in the database so
-- any hub instance can finish the sign-in.
CREATE TABLE sign_in_challenges (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id),
  kind TEXT NOT NULL CHECK (kind IN ('code', 'enrol')),
  expires_at INTEGER NOT NULL,
  client TEXT
);
CREATE INDEX sign_in_challenges_user ON sign_in_challenges (user_id);
