import { LEAD_ROLES } from '../../shared/roles';
import type { AgentState, AgentStateView } from '../../shared/contract/calls';
import { audit } from '../audit';
import type { HubContext } from '../context';
import type { Actor } from '../http/router';
import { pbxHttpError } from './pbx-errors';

interface Row {
  state: AgentState;
  reason: string | null;
  until_at: number | null;
}

export const PAUSED: AgentState[] = ['not_ready', 'break', 'after_call_work', 'protected_pause'];

export async function agentState(hub: HubContext, userId: string): Promise<AgentStateView> {
  const row = await hub.db.get<Row>('SELECT state, reason, until_at FROM agent_states WHERE user_id = ?', [userId]);
  return row ? { state: row.state, reason: row.reason, until: row.until_at === null ? null : Number(row.until_at) } : { state: 'ready', reason: null, until: null };
}

/**
 * Records the advisor's state and keeps the PBX in step: every state but `ready` pauses them in
 * their queues (QueuePause), so no call arrives during a break or a protected pause.
 */
export async function setAgentState(
  hub: HubContext,
  who: Pick<Actor, 'userId' | 'siteId' | 'extension'> & { role?: Actor['role'] },
  next: { state: AgentState; reason?: string; minutes?: number },
  actor: Actor | null,
  opts: { fromPbx?: boolean } = {},
): Promise<AgentStateView> {
  const until = next.minutes ? Date.now() + next.minutes * 60_000 : null;
  const reason = next.reason ?? (next.state === 'protected_pause' ? 'Protected pause after a difficult call' : null);
  // The PBX decides whether calls arrive: a state it has not taken is not accepted either
  // (503 with its reason), so the desk never says Not ready while the queue offers calls.
  // Held here: the gateway may be stopped (hub.telephony cleared) while the PBX is being asked.
  const telephony = hub.telephony;
  if (who.extension && telephony && !opts.fromPbx) {
    try {
      await telephony.pause(who.extension, PAUSED.includes(next.state), reason ?? next.state);
    } catch (err) {
      throw pbxHttpError(err, telephony.status());
    }
  }
  await hub.db.tx(async (q) => {
    const now = Date.now();
    const updated = await q.run('UPDATE agent_states SET state = ?, reason = ?, until_at = ?, updated_at = ? WHERE user_id = ?', [
      next.state,
      reason,
      until,
      now,
      who.userId,
    ]);
    if (updated.changes === 0) {
      await q.run('INSERT INTO agent_states (user_id, state, reason, until_at, updated_at) VALUES (?, ?, ?, ?, ?)', [who.userId, next.state, reason, until, now]);
    }
    await audit(q, actor, { action: 'agent.state_changed', entity: 'user', entityId: who.userId, siteId: who.siteId, detail: { state: next.state, reason, until } });
  });
  const view: AgentStateView = { state: next.state, reason, until };
  await hub.events.publish({ name: 'agent.state', data: { userId: who.userId, ...view }, audience: { kind: 'user', userId: who.userId } });
  // The new state travels with the event: the site's supervisors update their floor view without asking again.
  await hub.events.publish({ name: 'team.changed', data: { userId: who.userId, ...view, since: Date.now() }, audience: { kind: 'site', siteId: who.siteId, roles: [...LEAD_ROLES] } });
  return view;
}

/** Timed pauses end by themselves: the advisor is made ready again and unpaused at the PBX. */
export async function endExpiredPauses(hub: HubContext): Promise<number> {
  const due = await hub.db.all<{ user_id: string; site_id: string; extension: string | null }>(
    'SELECT a.user_id, u.site_id, u.extension FROM agent_states a JOIN users u ON u.id = a.user_id WHERE a.until_at IS NOT NULL AND a.until_at <= ?',
    [Date.now()],
  );
  for (const d of due) {
    await setAgentState(hub, { userId: d.user_id, siteId: d.site_id, extension: d.extension }, { state: 'ready' }, null);
  }
  return due.length;
}
