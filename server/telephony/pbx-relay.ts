import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { NO_PBX, pbxStatus, type PbxStatus } from '../../shared/telephony/pbx-status';
import type { HubContext } from '../context';
import type { Audience, HubEvent } from '../events/bus';
import { HttpError } from '../http/errors';
import { extensionOf } from './extension';
import type { QueueStat, TelephonyGateway } from './gateway';
import { pbxHttpError } from './pbx-errors';

/**
 * Between hub instances on one PostgreSQL: the instance holding the PBX connection answers the
 * others' PBX actions over the event bus. These events reach no desktop (live.ts skips `internal.`).
 */
export const PBX_REQUEST = 'internal.pbx_request';
export const PBX_REPLY = 'internal.pbx_reply';
export const PBX_CHANGED = 'internal.pbx_changed';
/** An audience nobody is in: internal events are for hub instances only. */
export const NOBODY: Audience = { kind: 'roles', roles: [] };

const pbxAction = z.discriminatedUnion('op', [
  z.object({ op: z.literal('pause'), extension: z.string().max(40), paused: z.boolean(), reason: z.string().max(200) }),
  z.object({ op: z.literal('hangUp'), callId: z.string().max(120), extension: z.string().max(40) }),
  z.object({ op: z.literal('transfer'), callId: z.string().max(120), extension: z.string().max(40), target: z.string().max(40) }),
  z.object({ op: z.literal('dial'), extension: z.string().max(40), number: z.string().max(32) }),
  z.object({ op: z.literal('status') }),
]);
type PbxAction = z.infer<typeof pbxAction>;
const pbxRequest = z.object({ id: z.string().max(64), from: z.string().max(120), action: pbxAction });
const pbxReply = z.object({
  id: z.string().max(64),
  to: z.string().max(120),
  status: pbxStatus,
  error: z.object({ status: z.number().int(), code: z.string().max(80), message: z.string().max(500) }).nullable(),
});
const callSignalSeen = z.object({ callId: z.string(), kind: z.string(), agent: z.string().nullish() });
const queuesSeen = z.object({ queues: z.array(z.object({ queue: z.string(), waiting: z.number(), longestWaitSeconds: z.number() })) });

/** How long a relayed action waits for the holder's answer before the advisor hears 503. */
const REPLY_WITHIN_MS = 10_000;

/**
 * The PBX as an instance that does not hold its connection sees it: status, queues and who owns
 * each call come from what the holder publishes; actions go to the holder and its answer comes back.
 */
export class RelayGateway implements TelephonyGateway {
  private current: PbxStatus = { ...NO_PBX };
  private stats: QueueStat[] = [];
  private readonly owners = new Map<string, string>();
  private readonly pending = new Map<string, { resolve: () => void; reject: (err: Error) => void; timer: NodeJS.Timeout }>();
  private readonly unsubscribe: () => void;

  constructor(private readonly hub: HubContext) {
    this.unsubscribe = hub.events.subscribe((event) => this.heard(event));
  }

  get connected(): boolean {
    return this.current.connected;
  }

  status(): PbxStatus {
    return this.current;
  }

  ownerOf(callId: string): string | undefined {
    return this.owners.get(callId);
  }

  queues(): QueueStat[] {
    return this.current.connected ? this.stats : [];
  }

  pause(extension: string, paused: boolean, reason: string): Promise<void> {
    return this.ask({ op: 'pause', extension, paused, reason });
  }

  hangUp(callId: string, extension: string): Promise<void> {
    return this.ask({ op: 'hangUp', callId, extension });
  }

  transfer(callId: string, extension: string, target: string): Promise<void> {
    return this.ask({ op: 'transfer', callId, extension, target });
  }

  dial(extension: string, number: string): Promise<void> {
    return this.ask({ op: 'dial', extension, number });
  }

  /** Asks the holder how the link stands (a relay that has just started has heard nothing yet). */
  refresh(): Promise<void> {
    return this.ask({ op: 'status' }).catch(() => undefined);
  }

  async stop(): Promise<void> {
    this.unsubscribe();
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      p.reject(new Error('this hub instance is taking over the phone system'));
      this.pending.delete(id);
    }
  }

  private ask(action: PbxAction): Promise<void> {
    const id = randomUUID();
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error('the hub instance holding the phone system did not answer'));
      }, REPLY_WITHIN_MS);
      this.pending.set(id, { resolve, reject, timer });
      this.hub.events
        .publish({ name: PBX_REQUEST, data: { id, from: this.hub.config.instanceId, action }, audience: NOBODY, origin: this.hub.config.instanceId })
        .catch((err: unknown) => {
          clearTimeout(timer);
          this.pending.delete(id);
          reject(err as Error);
        });
    });
  }

  private heard(event: HubEvent): void {
    if (event.name === 'telephony.status') {
      const s = pbxStatus.safeParse(event.data);
      if (s.success) this.setStatus(s.data);
    } else if (event.name === 'queues.changed') {
      const q = queuesSeen.safeParse(event.data);
      if (q.success) this.stats = q.data.queues;
    } else if (event.name === 'call.signal') {
      const c = callSignalSeen.safeParse(event.data);
      const extension = c.success && c.data.agent ? extensionOf(c.data.agent) : null;
      if (!c.success || !extension || (c.data.kind !== 'offered' && c.data.kind !== 'connected')) return;
      this.owners.set(c.data.callId, extension);
      if (this.owners.size > 5000) this.owners.delete(this.owners.keys().next().value!);
    } else if (event.name === PBX_REPLY) {
      const r = pbxReply.safeParse(event.data);
      if (!r.success || r.data.to !== this.hub.config.instanceId) return;
      this.setStatus(r.data.status);
      const waiting = this.pending.get(r.data.id);
      if (!waiting) return;
      clearTimeout(waiting.timer);
      this.pending.delete(r.data.id);
      const e = r.data.error;
      if (e) waiting.reject(new HttpError(e.status, e.code, e.message, undefined, e.status === 503 ? { 'retry-after': '5' } : undefined));
      else waiting.resolve();
    }
  }

  /** Routes see a PBX only when one is configured, as on the holder. */
  private setStatus(status: PbxStatus): void {
    this.current = status;
    if (this.hub.telephony === this || this.hub.telephony === null) this.hub.telephony = status.configured ? this : null;
  }
}

/** The holder's side: carries out a relayed action on its own connection and answers whoever asked. */
export async function answerRelayedAction(hub: HubContext, event: HubEvent): Promise<void> {
  const parsed = pbxRequest.safeParse(event.data);
  if (!parsed.success) return console.error('[hub] dropped a malformed PBX request from another instance');
  const { id, from, action } = parsed.data;
  const gateway = hub.telephony;
  let error: z.infer<typeof pbxReply>['error'] = null;
  try {
    if (action.op !== 'status') {
      if (!gateway?.connected) throw new Error('not connected');
      if (action.op === 'pause') await gateway.pause(action.extension, action.paused, action.reason);
      else if (action.op === 'hangUp') await gateway.hangUp(action.callId, action.extension);
      else if (action.op === 'transfer') await gateway.transfer(action.callId, action.extension, action.target);
      else await gateway.dial(action.extension, action.number);
    }
  } catch (err) {
    const http = pbxHttpError(err, gateway?.status() ?? null);
    error = { status: http.status, code: http.code, message: http.message.slice(0, 500) };
  }
  const data = { id, to: from, status: gateway?.status() ?? { ...NO_PBX, since: Date.now() }, error };
  await hub.events.publish({ name: PBX_REPLY, data, audience: NOBODY, origin: hub.config.instanceId });
}
