-- The single admin role splits in two: a site admin runs one site, an organisation admin (head of
-- service) runs what is organisation-wide. Existing admins keep what they could reach at their own
-- kind of site: at the in-house site they become organisation admins, at a partner site site admins.
CREATE TABLE users_new (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('advisor', 'supervisor', 'site_admin', 'org_admin')),
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
INSERT INTO users_new (id, username, display_name, role, site_id, team_id, extension, password_hash, disabled, failed_attempts,
  locked_until, created_at, updated_at)
SELECT u.id, u.username, u.display_name,
  CASE WHEN u.role <> 'admin' THEN u.role WHEN s.kind = 'in_house' THEN 'org_admin' ELSE 'site_admin' END,
  u.site_id, u.team_id, u.extension, u.password_hash, u.disabled, u.failed_attempts, u.locked_until, u.created_at, u.updated_at
FROM users u JOIN sites s ON s.id = u.site_id;
DROP TABLE users;
ALTER TABLE users_new RENAME TO users;
UPDATE knowledge_articles SET audience_roles = trim(replace(',' || audience_roles || ',', ',admin,', ',site_admin,org_admin,'), ',')
WHERE ',' || audience_roles || ',' LIKE '%,admin,%';
