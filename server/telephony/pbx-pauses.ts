import { LEAD_ROLES } from '../../shared/roles';
import type { AgentState } from '../../shared/contract/calls';
import { audit } from '../audit';
import type { HubContext } from '../context';
import { PAUSED, setAgentState } from './agent-states';

interface Advisor {
  id: string;
  site_id: string;
  extension: string;
  state: AgentState | null;
  reason: string | null;
  until_at: number | null;
}

export async function advisorByExtension(hub: HubContext, extension: string): Promise<Advisor | undefined> {
  return hub.db.get<Advisor>(
    `SELECT u.id, u.site_id, u.extension, a.state, a.reason, a.until_at FROM users u LEFT JOIN agent_states a ON a.user_id = u.id
     WHERE u.extension = ? AND u.disabled = 0`,
    [extension],
  );
}

/** Advisors Rapport holds paused (a pause that has not run out), to be paused again at a PBX that forgot. */
export async function pausedAdvisors(hub: HubContext): Promise<Advisor[]> {
  const rows = await hub.db.all<Advisor>(
    `SELECT u.id, u.site_id, u.extension, a.state, a.reason, a.until_at FROM users u JOIN agent_states a ON a.user_id = u.id
     WHERE u.extension IS NOT NULL AND u.disabled = 0 AND a.state <> 'ready' AND (a.until_at IS NULL OR a.until_at > ?)`,
    [Date.now()],
  );
  return rows.filter((r) => r.state !== null && PAUSED.includes(r.state));
}

/**
 * The PBX decides whether calls arrive, so Rapport follows a pause made there (a supervisor's
 * console, a phone feature code) at once. When the PBX ends a protected pause early, the advisor
 * and their supervisors are told: that pause protects someone after a hard call.
 */
export async function followPbxPause(hub: HubContext, extension: string, paused: boolean, pbxReason: string): Promise<void> {
  const advisor = await advisorByExtension(hub, extension);
  if (!advisor) return;
  const state: AgentState = advisor.state ?? 'ready';
  const who = { userId: advisor.id, siteId: advisor.site_id, extension };
  if (paused && state === 'ready') {
    await setAgentState(hub, who, { state: 'not_ready', reason: pbxReason.trim() || 'Paused at the phone system' }, null, { fromPbx: true });
    return;
  }
  if (paused || !PAUSED.includes(state)) return;
  await setAgentState(hub, who, { state: 'ready' }, null, { fromPbx: true });
  if (state !== 'protected_pause') return;
  const data = { userId: advisor.id, extension, reason: advisor.reason, until: advisor.until_at === null ? null : Number(advisor.until_at), at: Date.now() };
  await hub.db.tx((q) =>
    audit(q, null, { action: 'agent.protected_pause_cut_short', entity: 'user', entityId: advisor.id, siteId: advisor.site_id, detail: { extension } }),
  );
  await hub.events.publish({ name: 'agent.pause_cut_short', data, audience: { kind: 'user', userId: advisor.id } });
  await hub.events.publish({ name: 'agent.pause_cut_short', data, audience: { kind: 'site', siteId: advisor.site_id, roles: [...LEAD_ROLES] } });
}
