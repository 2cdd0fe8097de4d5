import { z } from 'zod';
import { notReadyReasonList } from '../../shared/schemas/agent';
import { audit } from '../audit';
import { route } from '../http/router';
import { notReadyReasons, replaceNotReadyReasons } from '../telephony/not-ready-reasons';

/** The list of "not ready" reasons: everyone who takes calls reads it, an admin keeps it. */
export const agentReasonRoutes = [
  route({
    method: 'GET',
    path: '/api/agent/not-ready-reasons',
    access: 'signed_in',
    summary: 'The reasons an advisor may give for not ready, in order',
    async handle({ hub }) {
      return { body: { reasons: await notReadyReasons(hub.db) } };
    },
  }),
  route({
    method: 'PUT',
    path: '/api/agent/not-ready-reasons',
    access: ['org_admin'],
    summary: 'Replace the list of not-ready reasons (in order; no repeats)',
    body: z.object({ reasons: notReadyReasonList }),
    async handle({ hub, actor, body }) {
      const reasons = await hub.db.tx(async (q) => {
        const before = await notReadyReasons(q);
        await replaceNotReadyReasons(q, body.reasons);
        await audit(q, actor, { action: 'agent.reasons_changed', entity: 'organisation', detail: { before, after: body.reasons } });
        return notReadyReasons(q);
      });
      return { body: { reasons } };
    },
  }),
];
