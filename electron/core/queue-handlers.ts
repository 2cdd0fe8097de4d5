import type { RequestName } from '../../shared/contract/requests';
import { queuesView, type QueueRequestResults } from '../../shared/contract/queues';
import { describeProblems } from '../../shared/schemas/common';
import type { DesktopCore } from './core';
import { CoreError } from './errors';
import type { Handlers } from './router';

type QueueHandlers = Pick<Handlers, Extract<RequestName, keyof QueueRequestResults>>;

/** The supervisor's live view of the queues and their team, as the hub sees them now. */
export function queueHandlers(core: DesktopCore): QueueHandlers {
  return {
    'telephony.queues': async () => {
      core.requireSignedIn();
      const parsed = queuesView.safeParse(await core.hub.get<unknown>('/api/telephony/queues'));
      if (!parsed.success)
        throw new CoreError(
          'hub_bad_reply',
          'The hub’s view of the queues was not in the expected shape.',
          describeProblems(parsed.error),
        );
      return parsed.data;
    },
    'floor.setState': async ({ userId, ...change }) => {
      core.requireSignedIn();
      return core.hub.post<QueueRequestResults['floor.setState']>(`/api/floor/advisors/${encodeURIComponent(userId)}/state`, change);
    },
  };
}
