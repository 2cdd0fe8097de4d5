-- Last sign-in per person and the audit log's filters (person, site) read the log by these.
CREATE INDEX audit_subject ON audit_log(entity_id, action, at);
CREATE INDEX audit_actor ON audit_log(actor_id, id);
CREATE INDEX audit_site ON audit_log(site_id, id);
