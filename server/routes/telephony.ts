import { z } from 'zod';
import { AGENT_STATES } from '../../shared/contract/calls';
import { toE164 } from '../../shared/phone';
import { LEAD_ROLES } from '../../shared/roles';
import { audit } from '../audit';
import type { HubContext } from '../context';
import { HttpError } from '../http/errors';
import { route, type Actor } from '../http/router';
import { agentState, setAgentState } from '../telephony/agent-states';
import { NO_PBX } from '../../shared/telephony/pbx-status';
import { pbxTestInput } from '../../shared/telephony/pbx-settings';
import { connectPbx, loadPbxConfig, pbxConfigInput, pbxView } from '../telephony/pbx-config';
import { pbxHttpError } from '../telephony/pbx-errors';
import { openPbxSecret, samePbxLogin, sealPbxSecret } from '../secrets/pbx-secret';
import { testPbxConnection } from '../telephony/pbx-test';
import { listedReason } from '../telephony/not-ready-reasons';
import { queuesView } from '../telephony/queue-view';
import { callRecordQuery, listCallRecords, reportedCall, saveCallRecord } from '../telephony/call-records';

function gateway(hub: HubContext) {
  if (!hub.telephony?.connected) throw pbxHttpError(new Error('not connected'), hub.telephony?.status() ?? null);
  return hub.telephony;
}

/** Runs a PBX action; whatever goes wrong reaches the advisor as a clear 4xx or 503, never a 500. */
async function atPbx(hub: HubContext, act: () => Promise<void>): Promise<void> {
  try {
    await act();
  } catch (err) {
    throw pbxHttpError(err, hub.telephony?.status() ?? null);
  }
}

/** Only the advisor the PBX offered or connected the call to may act on it; anything else is refused and audited. */
async function ownCall(hub: HubContext, actor: Actor, callId: string, action: string): Promise<string> {
  const owner = hub.telephony?.ownerOf(callId);
  if (owner === undefined) throw new HttpError(404, 'unknown_call', 'The hub knows no such call on the phone system.');
  gateway(hub);
  if (!actor.extension || owner !== actor.extension) {
    await hub.db.tx((q) => audit(q, actor, { action: 'call.action_refused', entity: 'call', entityId: callId, detail: { action, owner: owner ?? null } }));
    throw new HttpError(403, 'not_your_call', 'That call is not yours: the hub only acts on your own calls.');
  }
  return actor.extension;
}

const callAction = (name: string, act: (hub: HubContext, callId: string, ext: string, body: { target?: string }) => Promise<void>, body?: z.ZodType<{ target?: string }>) =>
  route({
    method: 'POST',
    path: `/api/telephony/calls/:callId/${name}`,
    access: ['advisor', 'supervisor'],
    summary: `${name} one of your own calls`,
    body,
    async handle({ hub, actor, params, body: b }) {
      const ext = await ownCall(hub, actor, params.callId!, name);
      await atPbx(hub, () => act(hub, params.callId!, ext, (b ?? {}) as { target?: string }));
      await hub.db.tx((q) => audit(q, actor, { action: `call.${name}`, entity: 'call', entityId: params.callId!, detail: b ?? {} }));
      return { body: { ok: true } };
    },
  });

export const telephonyRoutes = [
  route({
    method: 'GET',
    path: '/api/telephony/pbx',
    access: ['org_admin'],
    summary: 'The PBX connection (its secret is never sent)',
    async handle({ hub }) {
      return { body: await pbxView(hub) };
    },
  }),
  route({
    method: 'GET',
    path: '/api/telephony/status',
    access: ['advisor', 'supervisor', 'site_admin', 'org_admin'],
    summary: 'Whether the hub is connected to the phone system, and why not',
    async handle({ hub }) {
      return { body: hub.telephony?.status() ?? NO_PBX };
    },
  }),
  route({
    method: 'POST',
    path: '/api/telephony/pbx/test',
    access: ['org_admin'],
    summary: 'Try a login to the PBX with these settings (or the saved ones) on a connection of its own',
    body: pbxTestInput,
    async handle({ hub, actor, body }) {
      const saved = await loadPbxConfig(hub);
      const host = body.host ?? saved?.host;
      const username = body.username ?? saved?.username;
      const port = body.port ?? saved?.port ?? 5038;
      const secret = body.secret ?? (saved && samePbxLogin(saved, { host, port, username }) ? saved.secret : undefined);
      if (!host || !username || !secret) {
        throw new HttpError(400, 'invalid_request', 'Give a host, a user and a secret to test (the saved secret is used only for the saved host, port and user).');
      }
      const result = await testPbxConnection({ host, port, username, secret });
      await hub.db.tx((q) => audit(q, actor, { action: 'pbx.tested', entity: 'pbx', entityId: 'main', detail: { host, username, ok: result.ok } }));
      return { body: result };
    },
  }),
  route({
    method: 'PUT',
    path: '/api/telephony/pbx',
    access: ['org_admin'],
    summary: 'Configure the PBX connection and reconnect',
    body: pbxConfigInput,
    async handle({ hub, actor, body }) {
      await hub.db.tx(async (q) => {
        const had = await q.get<{ secret: string; host: string; port: number; username: string }>("SELECT secret, host, port, username FROM pbx_connections WHERE id = 'main'");
        if (!body.secret && !had) throw new HttpError(400, 'invalid_request', 'The PBX needs a secret the first time.', [{ path: 'secret', message: 'required' }]);
        // The saved secret is never sent to another PBX: a new host, port or user needs it typed again.
        if (!body.secret && had && !samePbxLogin(had, body)) {
          throw new HttpError(400, 'secret_required', 'Enter the secret again: the host, port or user changed, and the saved secret is only sent to the PBX it was given for.', [
            { path: 'secret', message: 'required when the host, port or user changes' },
          ]);
        }
        const secret = sealPbxSecret(hub.secrets, body.secret ?? openPbxSecret(hub.secrets, had!.secret));
        await q.run("DELETE FROM pbx_connections WHERE id = 'main'");
        await q.run(
          `INSERT INTO pbx_connections (id, name, host, port, username, secret, interface_template, dial_context, enabled, updated_at)
           VALUES ('main', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [body.name, body.host, body.port, body.username, secret, body.interfaceTemplate, body.dialContext, Number(body.enabled), Date.now()],
        );
        const { secret: _omit, ...logged } = body;
        await audit(q, actor, { action: 'pbx.configured', entity: 'pbx', entityId: 'main', detail: { ...logged, secretChanged: Boolean(_omit) } });
      });
      // The instance holding the PBX connection reconnects, whichever instance took the request.
      await (hub.pbx ? hub.pbx.reconfigure() : connectPbx(hub));
      return { body: await pbxView(hub) };
    },
  }),
  route({
    method: 'GET',
    path: '/api/agent/state',
    access: ['advisor', 'supervisor'],
    summary: 'My agent state',
    async handle({ hub, actor }) {
      return { body: await agentState(hub, actor.userId) };
    },
  }),
  route({
    method: 'POST',
    path: '/api/agent/state',
    access: ['advisor', 'supervisor'],
    summary: 'Set my agent state (ready, not ready, break, after-call work, protected pause); kept in step with the PBX',
    body: z.object({ state: z.enum(AGENT_STATES), reason: z.string().trim().max(80).optional(), minutes: z.number().int().min(1).max(60).optional() }),
    async handle({ hub, actor, body }) {
      if (body.state === 'not_ready' && body.reason) {
        // Not-ready reasons come from the admin's list, so supervisors and reports read the same words.
        const listed = await listedReason(hub.db, body.reason);
        if (!listed) throw new HttpError(400, 'unknown_reason', 'Choose a not-ready reason from the list.', [{ path: 'reason', message: 'not on the list' }]);
        return { body: await setAgentState(hub, actor, { ...body, reason: listed }, actor) };
      }
      return { body: await setAgentState(hub, actor, body, actor) };
    },
  }),
  callAction('hangup', (hub, callId, ext) => gateway(hub).hangUp(callId, ext)),
  callAction(
    'transfer',
    (hub, callId, ext, b) => gateway(hub).transfer(callId, ext, b.target!),
    z.object({ target: z.string().regex(/^[a-z0-9_-]{2,40}$|^\d{2,8}$/, 'a queue name or an extension') }),
  ),
  route({
    method: 'POST',
    path: '/api/telephony/dial',
    access: ['advisor', 'supervisor'],
    summary: 'Click-to-dial from my own extension',
    body: z.object({ number: z.string().min(3).max(32) }),
    async handle({ hub, actor, body }) {
      const number = toE164(body.number);
      if (!number) throw new HttpError(400, 'invalid_request', 'That is not a phone number.', [{ path: 'number', message: 'not a phone number' }]);
      if (!actor.extension) throw new HttpError(409, 'no_extension', 'You have no extension: ask an admin to set one.');
      await atPbx(hub, () => gateway(hub).dial(actor.extension!, number));
      await hub.db.tx((q) => audit(q, actor, { action: 'call.dialled', entity: 'call', detail: { number } }));
      return { body: { ok: true } };
    },
  }),
  route({
    method: 'GET',
    path: '/api/telephony/directory',
    access: ['advisor', 'supervisor', 'site_admin', 'org_admin'],
    summary: 'Whom a call can be passed to: advisors by extension (with their state) and the queues',
    async handle({ hub }) {
      const advisors = await hub.db.all<{ name: string; extension: string; state: string | null; site_name: string }>(
        `SELECT u.display_name AS name, u.extension, a.state, s.name AS site_name FROM users u
         JOIN sites s ON s.id = u.site_id LEFT JOIN agent_states a ON a.user_id = u.id
         WHERE u.extension IS NOT NULL AND u.disabled = 0 ORDER BY u.display_name`,
      );
      const queues = await hub.db.all<{ id: string; name: string; line: string }>('SELECT id, name, line FROM queues ORDER BY name');
      return {
        body: {
          advisors: advisors.map((a) => ({ name: a.name, extension: a.extension, state: a.state ?? 'ready', siteName: a.site_name })),
          queues,
        },
      };
    },
  }),
  route({
    method: 'GET',
    path: '/api/telephony/call-records',
    access: LEAD_ROLES,
    summary: 'Call records (who, when, queue, duration, outcome): my site’s; every site’s, or one, for organisation admins',
    query: callRecordQuery,
    async handle({ hub, actor, query }) {
      const siteId = actor.role === 'org_admin' ? (query.siteId ?? null) : actor.siteId;
      return { body: { records: await listCallRecords(hub.db, { ...query, siteId }) } };
    },
  }),
  route({
    method: 'POST',
    path: '/api/telephony/call-records',
    access: ['advisor', 'supervisor'],
    summary: 'Report a call from my softphone (the hub’s PBX gateway records its own calls)',
    body: reportedCall,
    async handle({ hub, actor, body }) {
      await saveCallRecord(hub.db, { ...body, userId: actor.userId, source: 'desktop' });
      return { body: { ok: true } };
    },
  }),
  route({
    method: 'GET',
    path: '/api/telephony/queues',
    access: LEAD_ROLES,
    summary: 'Live queues: calls waiting, longest wait, advisors by state',
    async handle({ hub, actor }) {
      return { body: await queuesView(hub, actor.siteId) };
    },
  }),
];
