CREATE TABLE knowledge_feedback (
  id TEXT PRIMARY KEY,
  article_id TEXT NOT NULL REFERENCES knowledge_articles(id),
  user_id TEXT NOT NULL REFERENCES users(id),
  site_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('helpful', 'not_helpful', 'flag')),
  comment TEXT,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
  created_at INTEGER NOT NULL
);
CREATE INDEX knowledge_feedback_article ON knowledge_feedback(article_id, created_at);
CREATE INDEX knowledge_feedback_open ON knowledge_feedback(kind, status, created_at);
