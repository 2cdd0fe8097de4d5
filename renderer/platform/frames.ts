import { z } from 'zod';
import type { Result } from '../../shared/contract/envelope';
import type { PushName, Pushes } from '../../shared/contract/pushes';
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
