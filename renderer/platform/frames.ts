import { setupStatus } from '../../shared/contract/setup';
import { PUBLISHING_CHANGES } from '../../shared/contract/publishing';
import { z } from 'zod';
import { pbxStatus } from '../../shared/telephony/pbx-status';
import type { Result } from '../../shared/contract/envelope';
import type { PushName, Pushes } from '../../shared/contract/pushes';
import { CALL_SOURCES } from '../../shared/contract/calls';
import { agentStateView } from '../../shared/hub/events';
import { customerCard } from '../../shared/hub/replies';
import { journalEntry } from '../../shared/contract/notes';
import { queuesChange } from '../../shared/contract/queues';
import { LINES } from '../../shared/roles';
import { siteView, userView } from '../../shared/schemas/accounts';
import { article } from '../../shared/schemas/knowledge';

/**
 * Frames from the core are parsed, not trusted: a malformed frame is dropped rather than allowed
 * to reach state with the wrong shape.
 */
const fieldProblem = z.object({ path: z.string(), message: z.string() });
const bridgeError = z.object({
  code: z.string(),
  message: z.string(),
  problems: z.array(fieldProblem).optional(),
});
const result = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: bridgeError }),
]);
const replyFrame = z.object({ id: z.number().int().nonnegative(), result });

/**
 * Pushes go straight into state, so their data is checked against the contract too. A push the
 * renderer has no schema for yet has no listener either, and is dropped: add its schema here
 * when a screen starts to use it.
 */
const line = z.enum(LINES);
const callState = z.object({
  callId: z.string(),
  phase: z.enum(['offered', 'connected', 'held', 'ended', 'missed', 'abandoned']),
  direction: z.enum(['in', 'out']),
  from: z.string(),
  to: z.string().nullable(),
  queue: z.string().nullable(),
  attached: z.record(z.string(), z.string()),
  offeredAt: z.number(),
  connectedAt: z.number().nullable(),
  endedAt: z.number().nullable(),
  cause: z.enum(['normal', 'busy', 'no_answer', 'rejected', 'congestion', 'unallocated', 'cancelled', 'forwarded', 'failed']).nullable(),
  endedBy: z.enum(['caller', 'agent', 'transfer']).nullable(),
  transferredTo: z.string().nullable(),
  holds: z.number(),
  afterCallSeconds: z.number().nullable().default(null),
});
const callView = z.object({
  call: callState,
  caller: z.string(),
  line: line.nullable(),
  sensitive: z.boolean(),
  lookup: z.enum(['pending', 'found', 'unknown', 'failed']),
  card: customerCard.nullable(),
  caseId: z.string().nullable(),
  caseReference: z.string().nullable(),
  wrapUp: z.object({ codes: z.array(z.object({ id: z.string(), label: z.string() })), deadline: z.number() }).nullable(),
  protectedPauseOffered: z.boolean(),
});
const callHistoryEntry = z.object({
  callId: z.string(),
  caller: z.string(),
  customerName: z.string().nullable(),
  line: line.nullable(),
  direction: z.enum(['in', 'out']).optional(),
  phase: callState.shape.phase,
  outcome: z.string(),
  at: z.number(),
  durationSeconds: z.number().nullable(),
  wrapupCode: z.string().nullable(),
  wrapupLabel: z.string().nullable().default(null),
  callBack: z.boolean(),
});
const callDeskView = z.object({
  current: callView.nullable(),
  wrapUps: z.array(callView).default([]),
  history: z.array(callHistoryEntry),
  agent: agentStateView,
  source: z.enum(CALL_SOURCES),
  sources: z.array(z.enum(CALL_SOURCES)).default([...CALL_SOURCES]),
  ctiUrl: z.string().nullable(),
});

type PushSchemas = { [P in PushName]?: z.ZodType<Pushes[P]> };
const pushData: PushSchemas = {
  'connection.changed': z.object({
    state: z.enum(['online', 'offline', 'syncing']),
    lastSyncedAt: z.number().nullable(),
    progress: z.object({ done: z.number(), total: z.number() }).nullable(),
  }),
  'session.changed': z.union([
    z.object({ signedIn: z.literal(false) }),
    z.object({ signedIn: z.literal(true), user: userView, site: siteView, offline: z.boolean() }),
  ]),
  'knowledge.changed': z.object({ upserts: z.array(article), removed: z.array(z.string()), cursor: z.number() }),
  'call.changed': callView.nullable(),
  'calls.desk': callDeskView,
  'agent.state': agentStateView,
  'gestures.changed': z.object({
    what: z.enum(['requested', 'resolved', 'decided', 'fulfilment', 'outbox']),
    requestId: z.string().nullable(),
  }),
  'queues.changed': queuesChange,
  'telephony.status': pbxStatus,
  'notes.journal': z.array(journalEntry),
  'customers.changed': z.object({ customerId: z.string() }),
  'setup.changed': setupStatus,
  'publishing.changed': z.object({ what: z.enum(PUBLISHING_CHANGES), articleId: z.string().nullable() }),
};
const pushFrame = z.object({ push: z.string(), data: z.unknown() });

export type IncomingPush = { [P in PushName]: { kind: 'push'; name: P; data: Pushes[P] } }[PushName];
export type IncomingFrame = { kind: 'reply'; id: number; result: Result<unknown> } | IncomingPush;

function isPushName(name: string): name is PushName {
  return Object.hasOwn(pushData, name);
}

function parsePush<P extends PushName>(name: P, data: unknown): IncomingPush | null {
  const parsed = pushData[name]?.safeParse(data);
  return parsed?.success ? ({ kind: 'push', name, data: parsed.data } as IncomingPush) : null;
}

/** Text from a WebSocket or an object from the preload; anything unrecognised gives null. */
export function parseIncomingFrame(raw: unknown): IncomingFrame | null {
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw) as unknown;
    } catch {
      return null;
    }
  }
  const reply = replyFrame.safeParse(value);
  if (reply.success) {
    const r = reply.data.result;
    const typed: Result<unknown> = r.ok ? { ok: true, value: r.value } : { ok: false, error: r.error };
    return { kind: 'reply', id: reply.data.id, result: typed };
  }
  const push = pushFrame.safeParse(value);
  if (push.success && isPushName(push.data.push)) return parsePush(push.data.push, push.data.data);
  return null;
}
