CREATE TABLE agent_states (
  user_id TEXT PRIMARY KEY REFERENCES users(id),
  state TEXT NOT NULL,
  reason TEXT,
  until_at BIGINT,
  updated_at BIGINT NOT NULL
);
CREATE TABLE pbx_connections (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  host TEXT NOT NULL,
  port BIGINT NOT NULL,
  username TEXT NOT NULL,
  secret TEXT NOT NULL,
  interface_template TEXT NOT NULL,
  dial_context TEXT NOT NULL,
  enabled BIGINT NOT NULL DEFAULT 1,
  updated_at BIGINT NOT NULL
);
