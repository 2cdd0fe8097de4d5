import type { Queryable } from './db/types';
import type { Actor } from './http/router';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | null;
  siteId?: string | null;
  detail?: Record<string, unknown>;
}

/** Written inside the same transaction as the change it describes, so neither exists alone. */
export async function audit(q: Queryable, actor: Actor | null, entry: AuditEntry): Promise<void> {
  await q.run(
    'INSERT INTO audit_log (at, actor_id, actor_role, action, entity, entity_id, site_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    [
      Date.now(),
      actor?.userId ?? null,
      actor?.role ?? null,
      entry.action,
      entry.entity,
      entry.entityId ?? null,
      entry.siteId ?? actor?.siteId ?? null,
      JSON.stringify(entry.detail ?? {}),
    ],
  );
}
