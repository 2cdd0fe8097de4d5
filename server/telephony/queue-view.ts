import type { QueuesView, QueueStatView } from '../../shared/contract/queues';
import { LEAD_ROLES, LINES, type Line } from '../../shared/roles';
import type { HubContext } from '../context';

const SUPERVISORS = LEAD_ROLES;

interface AdvisorRow {
  id: string;
  display_name: string;
  extension: string | null;
  state: string | null;
  reason: string | null;
  until_at: number | null;
  updated_at: number | string | null;
  signed_in: number | boolean;
}

/** Signed in means a live session at the hub; a saved state of someone who signed out means nothing. */
const SIGNED_IN = 'EXISTS (SELECT 1 FROM sessions s WHERE s.user_id = u.id AND s.expires_at > ?)';

const asLine = (value: string): Line | null => ((LINES as readonly string[]).includes(value) ? (value as Line) : null);

/**
 * The organisation's queues with what the PBX says of each. Only a connected PBX has figures: with
 * none, the list is empty rather than a row of reassuring zeros nobody measured.
 */
async function queueStats(hub: HubContext): Promise<QueueStatView[]> {
  const gateway = hub.telephony;
  if (!gateway?.connected) return [];
  const known = await hub.db.all<{ id: string; name: string; line: string }>('SELECT id, name, line FROM queues ORDER BY name');
  const stats = new Map(gateway.queues().map((s) => [s.queue, s]));
  const rows: QueueStatView[] = known.map((q) => {
    const s = stats.get(q.id) ?? stats.get(q.name);
    stats.delete(q.id);
    stats.delete(q.name);
    return {
      queue: q.id,
      name: q.name,
      line: asLine(q.line),
      waiting: s?.waiting ?? 0,
      longestWaitSeconds: s?.longestWaitSeconds ?? 0,
    };
  });
  // Queues on the PBX that the hub has no name for still count: callers are waiting in them.
  for (const s of stats.values()) rows.push({ ...s, name: s.queue, line: null });
  return rows;
}

/** What a supervisor watches: calls waiting, the longest wait, and their site's advisors by state. */
export async function queuesView(hub: HubContext, siteId: string): Promise<QueuesView> {
  const advisors = await hub.db.all<AdvisorRow>(
    `SELECT u.id, u.display_name, u.extension, a.state, a.reason, a.until_at, a.updated_at, ${SIGNED_IN} AS signed_in
     FROM users u LEFT JOIN agent_states a ON a.user_id = u.id
     WHERE u.site_id = ? AND u.role = 'advisor' AND u.disabled = 0 ORDER BY u.display_name`,
    [Date.now(), siteId],
  );
  return {
    connected: hub.telephony?.connected ?? false,
    queues: await queueStats(hub),
    advisors: advisors.map((a) => ({
      userId: a.id,
      name: a.display_name,
      extension: a.extension,
      state: (a.state ?? 'ready') as QueuesView['advisors'][number]['state'],
      reason: a.reason,
      until: a.until_at === null ? null : Number(a.until_at),
      signedIn: Boolean(a.signed_in),
      since: a.updated_at === null ? null : Number(a.updated_at),
    })),
  };
}

/**
 * Tells every supervisor and admin that the queues moved (a caller joined or left) or that the PBX
 * came or went. The figures travel with the event, so nobody has to ask the hub again; queues are
 * the organisation's, not one site's.
 */
export async function publishQueues(hub: HubContext): Promise<void> {
  const gateway = hub.telephony;
  const connected = gateway?.connected ?? false;
  await hub.events
    .publish({
      name: 'queues.changed',
      data: { connected, queues: connected ? gateway!.queues() : [] },
      audience: { kind: 'roles', roles: [...SUPERVISORS] },
    })
    .catch((err: unknown) => console.error('[hub] could not publish queues.changed:', (err as Error).message));
}

/** Tells the advisor's site's supervisors that they signed in or out, with their state as it now stands. */
export async function publishPresence(hub: HubContext, userId: string): Promise<void> {
  const row = await hub.db.get<AdvisorRow & { site_id: string }>(
    `SELECT u.id, u.site_id, u.display_name, u.extension, a.state, a.reason, a.until_at, a.updated_at, ${SIGNED_IN} AS signed_in
     FROM users u LEFT JOIN agent_states a ON a.user_id = u.id WHERE u.id = ? AND u.role = 'advisor'`,
    [Date.now(), userId],
  );
  if (!row) return;
  const data = {
    userId: row.id,
    state: row.state ?? 'ready',
    reason: row.reason,
    until: row.until_at === null ? null : Number(row.until_at),
    signedIn: Boolean(row.signed_in),
    since: row.updated_at === null ? null : Number(row.updated_at),
  };
  await hub.events
    .publish({ name: 'team.changed', data, audience: { kind: 'site', siteId: row.site_id, roles: [...SUPERVISORS] } })
    .catch((err: unknown) => console.error('[hub] could not publish presence:', (err as Error).message));
}
