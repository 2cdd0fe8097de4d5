-- Every call an advisor was offered or made, from the hub's PBX gateway or reported by a softphone desktop:
-- who, when, which queue, how long and how it ended. One row per call and advisor (a transfer gives two).
CREATE TABLE call_records (
  call_id TEXT NOT NULL,
  user_id TEXT NOT NULL REFERENCES users(id),
  site_id TEXT NOT NULL,
  extension TEXT,
  source TEXT NOT NULL,
  direction TEXT NOT NULL,
  customer_number TEXT NOT NULL,
  queue TEXT,
  offered_at INTEGER NOT NULL,
  connected_at INTEGER,
  ended_at INTEGER NOT NULL,
  duration_seconds INTEGER,
  outcome TEXT NOT NULL,
  phase TEXT NOT NULL,
  transferred_to TEXT,
  PRIMARY KEY (call_id, user_id)
);
CREATE INDEX call_records_site_time ON call_records (site_id, offered_at);
