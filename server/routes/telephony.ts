import { z } from 'zod';
import { AGENT_STATES } from '../../shared/contract/calls';
import { toE164 } from '../../shared/phone';
import { LEAD_ROLES } from '../../shared/roles';
import { audit } from '../audit';
import type { HubContext } from '../context';
import { HttpError } from '../http/errors';
import { route, type Actor } from '../http/router';
import { agentState, setAgentState } from '../telephony/agent-states';
import { connectPbx, pbxConfigInput, pbxView } from '../telephony/pbx-config';
import { queuesView } from '../telephony/queue-view';

function gateway(hub: HubContext) {
  if (!hub.telephony?.connected) throw new HttpError(503, 'pbx_unavailable', 'The phone system is not connected to the hub right now.');
  return hub.telephony;
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
      await act(hub, params.callId!, ext, (b ?? {}) as { target?: string });
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
    method: 'PUT',
    path: '/api/telephony/pbx',
    access: ['org_admin'],
    summary: 'Configure the PBX connection and reconnect',
    body: pbxConfigInput,
    async handle({ hub, actor, body }) {
      await hub.db.tx(async (q) => {
        const had = await q.get<{ secret: string }>("SELECT secret FROM pbx_connections WHERE id = 'main'");
        const secret = body.secret ?? had?.secret;
        if (!secret) throw new HttpError(400, 'invalid_request', 'The PBX needs a secret the first time.', [{ path: 'secret', message: 'required' }]);
        await q.run("DELETE FROM pbx_connections WHERE id = 'main'");
        await q.run(
          `INSERT INTO pbx_connections (id, name, host, port, username, secret, interface_template, dial_context, enabled, updated_at)
           VALUES ('main', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [body.name, body.host, body.port, body.username, secret, body.interfaceTemplate, body.dialContext, Number(body.enabled), Date.now()],
        );
        const { secret: _omit, ...logged } = body;
        await audit(q, actor, { action: 'pbx.configured', entity: 'pbx', entityId: 'main', detail: { ...logged, secretChanged: Boolean(_omit) } });
      });
      await connectPbx(hub);
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
      await gateway(hub).dial(actor.extension, number);
      await hub.db.tx((q) => audit(q, actor, { action: 'call.dialled', entity: 'call', detail: { number } }));
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
