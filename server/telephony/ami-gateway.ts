import type { PbxStatus } from '../../shared/telephony/pbx-status';
import type { CallSignal } from '../../shared/telephony/signals';
import type { HubContext } from '../context';
import { AmiClient } from './ami/client';
import type { AmiMessage } from './ami/frames';
import { AmiCallNormaliser, NORMALISED_EVENTS } from './ami/normalise';
import { CallRecorder, saveCallRecord } from './call-records';
import { extensionOf } from './extension';
import type { GatewayOptions, QueueStat, TelephonyGateway } from './gateway';
import { PbxLink } from './pbx-link';
import { followPbxPause } from './pbx-pauses';
import { PbxCallError } from './pbx-errors';
import { publishQueues } from './queue-view';
import { reconcile, type ReconcileReport } from './reconcile';

export { extensionOf } from './extension';

export interface PbxConfig {
  host: string;
  port: number;
  username: string;
  secret: string;
  /** How a queue member's interface is written for an extension, e.g. `PJSIP/{ext}` or `Local/{ext}@agents/n`. */
  interfaceTemplate: string;
  /** The dialplan context that Redirect (transfer) and Originate (click-to-dial) run in. */
  dialContext: string;
}

/** What the normaliser needs, the queue events behind the supervisors' live view, and pauses made at the PBX. */
const EVENTS = [...NORMALISED_EVENTS, 'QueueCallerLeave', 'QueueMemberPause', 'FullyBooted', 'Shutdown'];


/**
 * The hub's one connection to the PBX's Manager Interface. Each advisor's call signals go to that
 * advisor's desktop only; actions are carried out only on the advisor's own call legs.
 */
export class AmiGateway implements TelephonyGateway {
  readonly client: AmiClient;
  private readonly link: PbxLink;
  private readonly normaliser = new AmiCallNormaliser();
  private readonly recorder = new CallRecorder();
  /** Who the PBX offered or connected each call to last: the one advisor who may act on it. */
  private readonly owners = new Map<string, string>();
  private readonly waiting = new Map<string, Map<string, number>>();
  private readonly userByExtension = new Map<string, string>();
  /** Pauses Rapport itself sent, so their echo (QueueMemberPause) is not taken for a pause made at the PBX. */
  private readonly ownPauses = new Map<string, { paused: boolean; at: number }>();
  private afterCall = new Map<string, number>();
  private loadedAt = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private lostTimer: NodeJS.Timeout | undefined;
  /** The last reconciliation's findings (for logs and tests). */
  lastReconcile: Promise<ReconcileReport | null> = Promise.resolve(null);

  constructor(
    readonly hub: HubContext,
    private readonly config: PbxConfig,
    private readonly options: GatewayOptions = {},
  ) {
    this.client = new AmiClient({
      host: config.host,
      port: config.port,
      username: config.username,
      secret: config.secret,
      events: EVENTS,
      ...(options.reconnect ? { reconnect: options.reconnect } : {}),
    });
    this.link = new PbxLink(hub, this.client, `${config.host}:${config.port}`);
    // One at a time, in the PBX's order: a call's signals must reach the desktop as they happened.
    this.client.on('event', (msg) => {
      this.link.heard(msg);
      void this.serially(() => this.onEvent(msg));
    });
    this.client.on('state', (s) => {
      clearTimeout(this.lostTimer);
      if (s.state === 'connected') {
        // Events arriving meanwhile wait behind it, so they apply to the reconciled picture.
        this.lastReconcile = this.serially(() => reconcile(this));
      } else if (s.state !== 'connecting') {
        this.lostTimer = setTimeout(() => void this.serially(() => this.relayAll(this.normaliser.reconcile(null))), options.lostRingingAfterMs ?? 10_000);
        this.lostTimer.unref();
      }
    });
  }

  private serially<T>(work: () => Promise<T>): Promise<T | null> {
    const next = this.queue.then(work).catch((err: unknown) => {
      console.error('[hub] AMI event handling failed:', err);
      return null;
    });
    this.queue = next;
    return next;
  }

  start(): Promise<void> {
    return this.client.start().catch((err) => console.error('[hub] PBX login failed:', (err as Error).message));
  }

  get connected(): boolean {
    return this.client.state === 'connected';
  }

  status(): PbxStatus {
    return this.link.status;
  }

  ownerOf(callId: string): string | undefined {
    return this.owners.get(callId);
  }

  private iface(extension: string): string {
    return this.config.interfaceTemplate.replace('{ext}', extension);
  }

  async pause(extension: string, paused: boolean, reason: string): Promise<void> {
    this.ownPauses.set(extension, { paused, at: Date.now() });
    await this.client.action('QueuePause', { Interface: this.iface(extension), Paused: paused ? 'true' : 'false', Reason: reason.slice(0, 80) });
  }

  async hangUp(callId: string, extension: string): Promise<void> {
    const { agentChannel } = this.normaliser.legOf(callId, extension);
    if (!agentChannel) throw new PbxCallError('the advisor’s channel for that call is not known');
    await this.client.action('Hangup', { Channel: agentChannel, Cause: '16' });
  }

  async transfer(callId: string, extension: string, target: string): Promise<void> {
    const { callerChannel } = this.normaliser.legOf(callId, extension);
    if (!callerChannel) throw new PbxCallError('the caller’s channel for that call is not known');
    await this.client.action('Redirect', { Channel: callerChannel, Exten: target, Context: this.config.dialContext, Priority: '1' });
    void this.serially(async () => this.normaliser.expectTransfer(callId, target));
  }

  async dial(extension: string, number: string): Promise<void> {
    const exten = number.replace(/^\+44/, '0');
    // Before the action: the PBX may announce the advisor's ringing phone before it answers.
    this.normaliser.expectDial(extension, exten);
    await this.client.action('Originate', {
      Channel: this.iface(extension).replace(/\/n$/, ''),
      Exten: exten,
      Context: this.config.dialContext,
      Priority: '1',
      CallerID: extension,
      Async: 'true',
    });
  }

  queues(): QueueStat[] {
    const now = Date.now();
    return [...this.waiting].map(([queue, callers]) => ({
      queue,
      waiting: callers.size,
      longestWaitSeconds: callers.size ? Math.round((now - Math.min(...callers.values())) / 1000) : 0,
    }));
  }

  async stop(): Promise<void> {
    clearTimeout(this.lostTimer);
    this.client.stop();
  }

  // For reconciliation (see reconcile.ts).
  reconcileCalls = (live: Parameters<AmiCallNormaliser['reconcile']>[0]) => this.normaliser.reconcile(live);
  setWaiting(queue: string, callers: Map<string, number>): void {
    this.waiting.set(queue, callers);
    void publishQueues(this.hub);
  }
  setAfterCallTimes(times: Map<string, number>): void {
    this.afterCall = times;
  }

  private async onEvent(msg: AmiMessage): Promise<void> {
    if (msg.event === 'QueueMemberPause') return this.memberPaused(msg);
    this.trackQueues(msg);
    await this.relayAll(this.normaliser.push(msg));
  }

  /** One QueueMemberPause per queue the member is in: the first that changes anything does. */
  private async memberPaused(msg: AmiMessage): Promise<void> {
    const extension = extensionOf(msg.get('MemberName') ?? msg.get('Interface') ?? '');
    if (!extension) return;
    const paused = msg.get('Paused') === '1';
    const own = this.ownPauses.get(extension);
    if (own && own.paused === paused && Date.now() - own.at < 10_000) return;
    this.ownPauses.delete(extension);
    await followPbxPause(this.hub, extension, paused, msg.get('PausedReason') ?? '');
  }

  private async relayAll(signals: CallSignal[]): Promise<void> {
    for (const signal of signals) await this.relay(signal);
  }

  async relay(signal: CallSignal): Promise<void> {
    const extension = signal.agent ? extensionOf(signal.agent) : null;
    if (!extension) return;
    const userId = await this.userFor(extension);
    if (signal.kind === 'offered' || signal.kind === 'connected') {
      this.owners.set(signal.callId, extension);
      if (this.owners.size > 5000) this.owners.delete(this.owners.keys().next().value!);
    }
    if (!userId) return;
    const data = signal.kind === 'offered' && signal.queue && this.afterCall.has(signal.queue) ? { ...signal, afterCallSeconds: this.afterCall.get(signal.queue)! } : { ...signal };
    await this.hub.events.publish({ name: 'call.signal', data, audience: { kind: 'user', userId } });
    const record = this.recorder.track(signal, userId);
    if (record) await saveCallRecord(this.hub.db, record).catch((err: unknown) => console.error('[hub] could not keep a call record:', (err as Error).message));
  }

  private async userFor(extension: string): Promise<string | undefined> {
    if (!this.userByExtension.has(extension) && Date.now() - this.loadedAt > 10_000) {
      const rows = await this.hub.db.all<{ id: string; extension: string }>('SELECT id, extension FROM users WHERE extension IS NOT NULL AND disabled = 0');
      this.userByExtension.clear();
      for (const r of rows) this.userByExtension.set(r.extension, r.id);
      this.loadedAt = Date.now();
    }
    return this.userByExtension.get(extension);
  }

  private trackQueues(msg: AmiMessage): void {
    const queue = msg.get('Queue');
    const caller = msg.get('Uniqueid');
    if (!queue || !caller) return;
    if (msg.event === 'QueueCallerJoin') {
      if (!this.waiting.has(queue)) this.waiting.set(queue, new Map());
      this.waiting.get(queue)!.set(caller, Date.now());
    } else if (msg.event === 'QueueCallerLeave' || msg.event === 'QueueCallerAbandon') {
      this.waiting.get(queue)?.delete(caller);
    } else return;
    void publishQueues(this.hub);
  }
}
