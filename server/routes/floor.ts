import { z } from 'zod';
import { AGENT_STATES } from '../../shared/contract/calls';
import { findUser } from '../accounts/users';
import { forbidden, HttpError } from '../http/errors';
import { route } from '../http/router';
import { setAgentState } from '../telephony/agent-states';
import { listedReason } from '../telephony/not-ready-reasons';

/** What a supervisor sends to change an advisor's state: always with a reason the advisor and the audit log read. */
export const supervisorStateChange = z.object({
  state: z.enum(AGENT_STATES),
  reason: z.string().trim().min(2).max(80),
  minutes: z.number().int().min(1).max(60).optional(),
});

/** The supervisor's hand on the floor: an advisor of their own site, never another site's. */
export const floorRoutes = [
  route({
    method: 'POST',
    path: '/api/floor/advisors/:id/state',
    access: ['supervisor'],
    summary: 'Set an advisor’s state with a reason (an advisor of my own site only); kept in step with the PBX and audited',
    body: supervisorStateChange,
    async handle({ hub, actor, params, body }) {
      const advisor = await findUser(hub.db, params.id!);
      if (advisor.role !== 'advisor') throw new HttpError(400, 'invalid_request', 'Only an advisor’s state is set from the floor view.');
      if (advisor.site_id !== actor.siteId) throw forbidden('A supervisor sets the state of their own site’s advisors only.');
      let reason = body.reason;
      if (body.state === 'not_ready') {
        // Not-ready reasons come from the admin's list, as when the advisor chooses one.
        const listed = await listedReason(hub.db, body.reason);
        if (!listed) throw new HttpError(400, 'unknown_reason', 'Choose a not-ready reason from the list.', [{ path: 'reason', message: 'not on the list' }]);
        reason = listed;
      }
      const view = await setAgentState(hub, { userId: advisor.id, siteId: advisor.site_id, extension: advisor.extension }, { ...body, reason }, actor);
      return { body: view };
    },
  }),
];
