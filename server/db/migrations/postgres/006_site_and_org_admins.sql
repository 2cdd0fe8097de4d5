-- The single admin role splits in two: a site admin runs one site, an organisation admin (head of
-- service) runs what is organisation-wide. Existing admins keep what they could reach at their own
-- kind of site: at the in-house site they become organisation admins, at a partner site site admins.
ALTER TABLE users DROP CONSTRAINT IF EXISTS users_role_check;
UPDATE users u SET role = CASE WHEN s.kind = 'in_house' THEN 'org_admin' ELSE 'site_admin' END
FROM sites s WHERE s.id = u.site_id AND u.role = 'admin';
ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('advisor', 'supervisor', 'site_admin', 'org_admin'));
UPDATE knowledge_articles SET audience_roles = btrim(replace(',' || audience_roles || ',', ',admin,', ',site_admin,org_admin,'), ',')
WHERE ',' || audience_roles || ',' LIKE '%,admin,%';
