import { z } from 'zod';
import type { CallSignal, EndCause } from './signals';

/**
 * Zammad's generic CTI webhook, which many PBX scripts and softphones already speak: `newCall`,
 * `answer` and `hangup`, as JSON or a form body.
 */
const WEBHOOK_CAUSES = ['normalClearing', 'busy', 'cancel', 'noAnswer', 'congestion', 'notFound', 'forwarded'] as const;

const text = (max: number) => z.string().trim().min(1).max(max);
const userList = z.preprocess((v) => (typeof v === 'string' ? [v] : v), z.array(text(120)).max(20));

export const webhookEvent = z.discriminatedUnion('event', [
  z.object({
    event: z.literal('newCall'),
    from: text(64),
    to: text(64),
    direction: z.enum(['in', 'out'], { message: "direction must be 'in' or 'out'" }),
    callId: text(250),
    user: userList.optional(),
    queue: text(120).optional(),
  }),
  z.object({
    event: z.literal('answer'),
    from: text(64).optional(),
    to: text(64).optional(),
    direction: z.enum(['in', 'out'], { message: "direction must be 'in' or 'out'" }).optional(),
    callId: text(250),
    user: userList.optional(),
    answeringNumber: text(64).optional(),
  }),
  z.object({
    event: z.literal('hangup'),
    from: text(64).optional(),
    to: text(64).optional(),
    direction: z.enum(['in', 'out'], { message: "direction must be 'in' or 'out'" }).optional(),
    callId: text(250),
    cause: z.enum(WEBHOOK_CAUSES).optional(),
    answeringNumber: text(64).optional(),
  }),
]);
export type WebhookEvent = z.infer<typeof webhookEvent>;

const CAUSES: Record<(typeof WEBHOOK_CAUSES)[number], EndCause> = {
  normalClearing: 'normal',
  busy: 'busy',
  cancel: 'cancelled',
  noAnswer: 'no_answer',
  congestion: 'congestion',
  notFound: 'unallocated',
  forwarded: 'forwarded',
};

/** Form bodies arrive as `user[]=a&user[]=b`; JSON as it is. Everything else is refused. */
export function parseWebhookBody(contentType: string, raw: string): unknown {
  if (contentType.startsWith('application/json')) return JSON.parse(raw) as unknown;
  if (contentType.startsWith('application/x-www-form-urlencoded')) {
    const out: Record<string, string | string[]> = {};
    for (const [k, v] of formPairs(raw)) {
      const key = k.replace(/\[\]$/, '');
      if (key === 'user') out.user = [...((out.user as string[] | undefined) ?? []), v];
      else out[key] = v;
    }
    return out;
  }
  throw new Error('send the webhook as application/json or application/x-www-form-urlencoded');
}

/** `a=1&b=x+y` decoding without DOM or Node: shared/ may use neither. */
function formPairs(raw: string): [string, string][] {
  const decode = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));
  return raw
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const i = pair.indexOf('=');
      return i < 0 ? [decode(pair), ''] : [decode(pair.slice(0, i)), decode(pair.slice(i + 1))];
    });
}

export function webhookToSignal(e: WebhookEvent, at: number, agent?: string): CallSignal {
  switch (e.event) {
    case 'newCall':
      return {
        kind: 'offered',
        callId: e.callId,
        at,
        agent,
        direction: e.direction,
        from: e.direction === 'in' ? e.from : e.to,
        to: e.direction === 'in' ? e.to : e.from,
        queue: e.queue,
        attached: {},
      };
    case 'answer':
      return { kind: 'connected', callId: e.callId, at, agent };
    case 'hangup':
      return { kind: 'ended', callId: e.callId, at, agent, cause: e.cause ? CAUSES[e.cause] : 'normal' };
  }
}
