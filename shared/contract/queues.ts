import { z } from 'zod';
import { LINES } from '../roles';
import { AGENT_STATES, type AgentStateView } from './calls';

/** One queue as the PBX sees it right now; `name` and `line` come from the hub's own queue list. */
export const queueStatView = z.object({
  queue: z.string().min(1).max(80),
  name: z.string().min(1).max(120),
  line: z.enum(LINES).nullable(),
  waiting: z.number().int().min(0),
  longestWaitSeconds: z.number().min(0),
});
export type QueueStatView = z.infer<typeof queueStatView>;

/** What the PBX gateway reports, before the hub's queue names are put on it. */
export const rawQueueStat = queueStatView.pick({ queue: true, waiting: true, longestWaitSeconds: true });

/** An advisor's state as the supervisor sees it: the same state, reason and end of a timed pause. */
export const advisorStatePatch = z.object({
  userId: z.string().min(1).max(64),
  state: z.enum(AGENT_STATES),
  reason: z.string().max(200).nullable(),
  until: z.number().nullable(),
  /** False while nobody is signed in as this advisor: their state is then not what the floor sees. */
  signedIn: z.boolean().optional(),
  /** When the present state began (time in state). */
  since: z.number().nullable().optional(),
});

export const advisorOnFloor = advisorStatePatch.extend({
  name: z.string().min(1).max(120),
  extension: z.string().max(16).nullable(),
});
export type AdvisorOnFloor = z.infer<typeof advisorOnFloor>;

/** `GET /api/telephony/queues`, parsed as it crosses into the desktop. */
export const queuesView = z.object({
  /** False when no PBX is configured (the demo default) or the hub has lost it. */
  connected: z.boolean(),
  queues: z.array(queueStatView),
  advisors: z.array(advisorOnFloor),
});
export type QueuesView = z.infer<typeof queuesView>;

/**
 * What the hub pushes to the site's supervisors: one advisor's new state, or the queues (calls
 * waiting, and whether the PBX is connected at all).
 */
export const queuesChange = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('advisor'), advisor: advisorStatePatch }),
  z.object({ kind: z.literal('queues'), connected: z.boolean(), queues: z.array(rawQueueStat).max(500) }),
]);
export type QueuesChange = z.infer<typeof queuesChange>;

export const queueRequestArgs = {
  'telephony.queues': z.object({}),
  /** A supervisor sets one of their site's advisors to a state, always with a reason. */
  'floor.setState': z.object({
    userId: z.string().min(1).max(120),
    state: z.enum(AGENT_STATES),
    reason: z.string().trim().min(2).max(80),
    minutes: z.number().int().min(1).max(60).optional(),
  }),
} as const;

export interface QueueRequestResults {
  'telephony.queues': QueuesView;
  'floor.setState': AgentStateView;
}

export interface QueuePushes {
  'queues.changed': QueuesChange;
}
