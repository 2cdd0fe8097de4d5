import type { Write } from './db/together';
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
  await auditAll(q, actor, [entry]);
}

/** Several entries for one change, in one statement. */
export async function auditAll(q: Queryable, actor: Actor | null, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length) await q.run(...auditWrite(actor, entries));
}

/** The audit entries as one write, to go with the change's other writes (see writeTogether). */
export function auditWrite(actor: Actor | null, entries: readonly AuditEntry[]): Write {
  const now = Date.now();
  return [
    `INSERT INTO audit_log (at, actor_id, actor_role, action, entity, entity_id, site_id, detail) VALUES ${entries.map(() => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
    entries.flatMap((entry) => [
      now,
      actor?.userId ?? null,
      actor?.role ?? null,
      entry.action,
      entry.entity,
      entry.entityId ?? null,
      entry.siteId ?? actor?.siteId ?? null,
      JSON.stringify(entry.detail ?? {}),
    ]),
  ];
}
