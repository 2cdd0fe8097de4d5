import { queuesChange, type QueuesChange } from '../../shared/contract/queues';

/**
 * The hub's live events behind the supervisor's floor view, read from `unknown`: `team.changed`
 * carries one advisor's new state, `queues.changed` the queues' figures and the PBX link.
 * Anything that does not parse is dropped; the next fetch repairs the view.
 */
export function queuesChangeFrom(name: string, data: unknown): QueuesChange | null {
  const fields = typeof data === 'object' && data !== null ? data : {};
  const candidate =
    name === 'team.changed'
      ? { kind: 'advisor', advisor: fields }
      : name === 'queues.changed'
        ? { kind: 'queues', ...fields }
        : null;
  const parsed = candidate ? queuesChange.safeParse(candidate) : null;
  return parsed?.success ? parsed.data : null;
}
