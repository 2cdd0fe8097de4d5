import { z } from 'zod';
import { AGENT_STATES } from '../contract/calls';
import { advisorStatePatch, rawQueueStat } from '../contract/queues';
import { knowledgePush } from '../schemas/knowledge';
import { pbxStatus } from '../telephony/pbx-status';
import type { CallSignal } from '../telephony/signals';

/**
 * Every live event the hub sends a desktop over `/api/live`, named and typed once. The desktop
 * core parses each frame against this map as it arrives (electron/core/hub-live.ts): a malformed
 * event is logged and dropped, never handed on. Schemas only ever gain fields, and unknown keys
 * are stripped rather than refused, so an older desktop keeps working with a newer hub.
 */

const id = z.string().min(1).max(250);
const at = z.number().finite();

const signalBase = { callId: id, at, agent: z.string().max(250).optional() };
const END_CAUSES = ['normal', 'busy', 'no_answer', 'rejected', 'congestion', 'unallocated', 'cancelled', 'forwarded', 'failed'] as const;

/** A call event from the hub's PBX gateway, as the call state machine takes it. */
export const callSignal: z.ZodType<CallSignal> = z.discriminatedUnion('kind', [
  z.object({
    ...signalBase,
    kind: z.literal('offered'),
    direction: z.enum(['in', 'out']),
    from: z.string().max(250),
    to: z.string().max(250).optional(),
    queue: z.string().max(250).optional(),
    attached: z.record(z.string(), z.string()),
    afterCallSeconds: z.number().min(0).optional(),
  }),
  z.object({ ...signalBase, kind: z.literal('connected') }),
  z.object({ ...signalBase, kind: z.literal('held') }),
  z.object({ ...signalBase, kind: z.literal('resumed') }),
  z.object({ ...signalBase, kind: z.literal('transferred'), target: z.string().max(250).optional() }),
  z.object({ ...signalBase, kind: z.literal('ended'), cause: z.enum(END_CAUSES), by: z.enum(['caller', 'agent', 'transfer']).optional() }),
  z.object({ ...signalBase, kind: z.literal('ring_no_answer') }),
  z.object({ ...signalBase, kind: z.literal('abandoned') }),
]);

/** An advisor's own state (Ready, Not ready with its reason, a timed pause and when it ends). */
export const agentStateView = z.object({ state: z.enum(AGENT_STATES), reason: z.string().max(200).nullable(), until: z.number().nullable() });

const gestureSummary = z.object({ requestId: id, caseId: id.optional(), status: z.string().max(40).optional() });
const articleStep = z.object({ articleId: id, version: z.number().int().optional(), by: id.optional() });

export const hubEvents = {
  'call.signal': callSignal,
  'agent.state': agentStateView,
  /** The PBX ended someone's protected pause early: they and their site's supervisors are told. */
  'agent.pause_cut_short': z.object({ userId: id, extension: z.string().max(40), reason: z.string().max(200).nullable(), until: z.number().nullable(), at }),
  'telephony.status': pbxStatus,
  'team.changed': advisorStatePatch,
  'queues.changed': z.object({ connected: z.boolean(), queues: z.array(rawQueueStat).max(500) }),
  'knowledge.changed': knowledgePush,
  'knowledge.review_requested': articleStep,
  'knowledge.reviewed': articleStep,
  'knowledge.flagged': z.object({ articleId: id, feedbackId: id.optional() }),
  'knowledge.feedback_replied': z.object({ articleId: id, feedbackId: id.optional() }),
  'gesture.requested': gestureSummary,
  'gesture.resolved': gestureSummary,
  'gesture.decided': gestureSummary,
  'gesture.fulfilment': gestureSummary,
  'catalogue.changed': z.object({ itemId: id.nullable().optional() }),
  'customer.changed': z.object({ customerId: id }),
  /** A customer was erased: desktops read the erasure feed by cursor (the event carries no personal data). */
  'customer.erased': z.object({ seq: z.number().int().nonnegative().optional() }),
  /** An organisation admin changed the retention rules: desktops fetch them again. */
  'privacy.settings_changed': z.object({}),
} as const;

export type HubEventName = keyof typeof hubEvents;
export type HubEventData<N extends HubEventName> = z.infer<(typeof hubEvents)[N]>;
/** One parsed event: its name and the data that name promises. */
export type HubLiveEvent = { [N in HubEventName]: { name: N; data: HubEventData<N> } }[HubEventName];

export const isHubEventName = (name: string): name is HubEventName => Object.hasOwn(hubEvents, name);

const frame = z.union([
  z.object({ type: z.literal('event'), name: z.string().min(1).max(120), data: z.unknown() }),
  z.object({ type: z.literal('hello'), instance: z.string().max(200).optional() }),
]);

/** What one text frame from the hub turned out to be. */
export type HubFrame =
  | { kind: 'event'; event: HubLiveEvent }
  | { kind: 'hello' }
  /** An event this desktop has no schema for: a newer hub's. Dropped quietly. */
  | { kind: 'unknown'; name: string }
  | { kind: 'malformed'; name: string | null; problems: string[] };

const problemsOf = (error: z.ZodError): string[] =>
  error.issues.slice(0, 10).map((i) => `${i.path.length ? i.path.join('.') : '(frame)'}: ${i.message}`);

/** Parses one frame from `unknown` (text as it came off the socket); never throws. */
export function parseHubFrame(raw: string): HubFrame {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { kind: 'malformed', name: null, problems: ['not JSON'] };
  }
  const head = frame.safeParse(value);
  if (!head.success) return { kind: 'malformed', name: null, problems: problemsOf(head.error) };
  if (head.data.type === 'hello') return { kind: 'hello' };
  const { name, data } = head.data;
  if (!isHubEventName(name)) return { kind: 'unknown', name };
  const parsed = hubEvents[name].safeParse(data ?? {});
  if (!parsed.success) return { kind: 'malformed', name, problems: problemsOf(parsed.error) };
  return { kind: 'event', event: { name, data: parsed.data } as HubLiveEvent };
}
