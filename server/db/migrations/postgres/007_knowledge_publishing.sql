-- Knowledge publishing: every saved state of an article is a version; knowledge_articles keeps only
-- what desktops may read (the live version of articles published at least once), so drafts and
-- articles under review never reach an advisor's change feed, not even their ids.
ALTER TABLE knowledge_articles ADD COLUMN audience_scope TEXT NOT NULL DEFAULT 'all';
ALTER TABLE knowledge_articles ADD COLUMN live_version BIGINT;
ALTER TABLE knowledge_articles ADD COLUMN retire_at BIGINT;
CREATE TABLE knowledge_versions (
  article_id TEXT NOT NULL,
  version BIGINT NOT NULL,
  title TEXT NOT NULL,
  summary TEXT NOT NULL,
  body TEXT NOT NULL,
  line TEXT NOT NULL,
  category TEXT NOT NULL,
  tags TEXT NOT NULL DEFAULT '',
  audience_scope TEXT NOT NULL DEFAULT 'all' CHECK (audience_scope IN ('all', 'in_house', 'sites')),
  audience_roles TEXT NOT NULL DEFAULT '',
  audience_sites TEXT NOT NULL DEFAULT '',
  owner_id TEXT REFERENCES users(id),
  review_by TEXT,
  state TEXT NOT NULL CHECK (state IN ('draft', 'in_review', 'approved', 'published', 'superseded', 'retired', 'withdrawn')),
  based_on BIGINT,
  editors TEXT NOT NULL DEFAULT '',
  created_by TEXT REFERENCES users(id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  submitted_by TEXT REFERENCES users(id),
  submitted_at BIGINT,
  reviewed_by TEXT REFERENCES users(id),
  reviewed_at BIGINT,
  review_note TEXT,
  publish_at BIGINT,
  published_by TEXT REFERENCES users(id),
  published_at BIGINT,
  ended_at BIGINT,
  PRIMARY KEY (article_id, version)
);
-- One version at a time is being worked on per article; two admins editing at once cannot make two.
CREATE UNIQUE INDEX knowledge_versions_open ON knowledge_versions(article_id) WHERE state IN ('draft', 'in_review', 'approved');
CREATE INDEX knowledge_versions_due ON knowledge_versions(state, publish_at);
CREATE INDEX knowledge_articles_retire_at ON knowledge_articles(retire_at);
INSERT INTO knowledge_versions (article_id, version, title, summary, body, line, category, tags, audience_roles, audience_sites,
  state, editors, created_by, created_at, updated_at, published_at)
SELECT id, 1, title, summary, body, line, category, tags, audience_roles, audience_sites,
  CASE status WHEN 'published' THEN 'published' WHEN 'retired' THEN 'retired' ELSE 'draft' END,
  COALESCE(author_id, ''), author_id, created_at, updated_at, published_at
FROM knowledge_articles;
UPDATE knowledge_articles SET live_version = 1 WHERE status <> 'draft';
DELETE FROM knowledge_articles WHERE status = 'draft';
CREATE TABLE organisation_settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at BIGINT NOT NULL
);
INSERT INTO organisation_settings (key, value, updated_at) VALUES ('knowledge_four_eyes', '1', 0);
ALTER TABLE knowledge_feedback ADD COLUMN reply TEXT;
ALTER TABLE knowledge_feedback ADD COLUMN replied_by TEXT REFERENCES users(id);
ALTER TABLE knowledge_feedback ADD COLUMN replied_at BIGINT;
ALTER TABLE knowledge_feedback ADD COLUMN resolved_by TEXT REFERENCES users(id);
ALTER TABLE knowledge_feedback ADD COLUMN resolved_at BIGINT;
CREATE INDEX knowledge_feedback_user ON knowledge_feedback(user_id, created_at);
-- Searches that an advisor made and opened nothing from (knowledge-centred service), kept 90 days.
CREATE TABLE knowledge_search_misses (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id),
  site_id TEXT NOT NULL,
  query TEXT NOT NULL,
  result_count BIGINT NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX knowledge_search_misses_at ON knowledge_search_misses(at);
