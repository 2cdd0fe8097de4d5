import type { CallSignal } from '../../shared/telephony/signals';
import type { HubContext } from '../context';
import { AmiClient } from './ami/client';
import type { AmiMessage } from './ami/frames';
import { AmiCallNormaliser, NORMALISED_EVENTS } from './ami/normalise';
import type { QueueStat, TelephonyGateway } from './gateway';
import { publishQueues } from './queue-view';

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

/** What the normaliser needs, and the queue events behind the supervisors' live view. */
const EVENTS = [...NORMALISED_EVENTS, 'QueueCallerLeave'];

interface Owned {
  extension: string;
  agentChannel?: string;
  callerChannel?: string;
  endedAt?: number;
}

/** The extension in a queue member's name or interface: "1001", "PJSIP/1001", "Local/1001@agents/n". */
export function extensionOf(member: string): string | null {
  const m = /(?:^|\/)(\d{2,8})(?:@|\/|$)/.exec(member) ?? /^(\d{2,8})$/.exec(member);
  return m ? m[1]! : null;
}

/**
 * The hub's one connection to the PBX's Manager Interface. Each advisor's call signals go to that
 * advisor's desktop only; actions are carried out only on the advisor's own call legs.
 */
export class AmiGateway implements TelephonyGateway {
  private readonly client: AmiClient;
  private readonly normaliser = new AmiCallNormaliser();
  private readonly owners = new Map<string, Owned>();
  private readonly waiting = new Map<string, Map<string, number>>();
  private readonly userByExtension = new Map<string, string>();
  private loadedAt = 0;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly hub: HubContext,
    private readonly config: PbxConfig,
  ) {
    this.client = new AmiClient({ host: config.host, port: config.port, username: config.username, secret: config.secret, events: EVENTS });
    // One at a time, in the PBX's order: a call's signals must reach the desktop as they happened.
    this.client.on('event', (msg) => {
      this.queue = this.queue.then(() => this.onEvent(msg)).catch((err) => console.error('[hub] AMI event failed:', err));
    });
    let wasConnected = false;
    this.client.on('state', (s) => {
      console.log(`[hub] PBX ${config.host}:${config.port} ${s.state}${s.reason ? ` (${s.reason})` : ''}`);
      // Supervisors see "phone system connected" come and go; retries while away stay quiet.
      if ((s.state === 'connected') !== wasConnected) {
        wasConnected = s.state === 'connected';
        void publishQueues(this.hub);
      }
    });
  }

  start(): Promise<void> {
    return this.client.start().catch((err) => console.error('[hub] PBX login failed:', (err as Error).message));
  }

  get connected(): boolean {
    return this.client.state === 'connected';
  }

  ownerOf(callId: string): string | undefined {
    return this.owners.get(callId)?.extension;
  }

  private iface(extension: string): string {
    return this.config.interfaceTemplate.replace('{ext}', extension);
  }

  async pause(extension: string, paused: boolean, reason: string): Promise<void> {
    await this.client.action('QueuePause', { Interface: this.iface(extension), Paused: paused ? 'true' : 'false', Reason: reason.slice(0, 80) });
  }

  async hangUp(callId: string, _extension: string): Promise<void> {
    const owned = this.owners.get(callId);
    if (!owned?.agentChannel) throw new Error('the advisor’s channel for that call is not known');
    await this.client.action('Hangup', { Channel: owned.agentChannel, Cause: '16' });
  }

  async transfer(callId: string, _extension: string, target: string): Promise<void> {
    const owned = this.owners.get(callId);
    if (!owned?.callerChannel) throw new Error('the caller’s channel for that call is not known');
    await this.client.action('Redirect', { Channel: owned.callerChannel, Exten: target, Context: this.config.dialContext, Priority: '1' });
  }

  async dial(extension: string, number: string): Promise<void> {
    await this.client.action('Originate', {
      Channel: this.iface(extension).replace(/\/n$/, ''),
      Exten: number.replace(/^\+44/, '0'),
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
    this.client.stop();
  }

  private async onEvent(msg: AmiMessage): Promise<void> {
    this.trackQueues(msg);
    this.trackChannels(msg);
    for (const signal of this.normaliser.push(msg)) await this.relay(signal);
  }

  private async relay(signal: CallSignal): Promise<void> {
    const extension = signal.agent ? extensionOf(signal.agent) : null;
    if (!extension) return;
    const userId = await this.userFor(extension);
    if (signal.kind === 'offered' || signal.kind === 'connected') {
      this.owners.set(signal.callId, { ...this.owners.get(signal.callId), extension });
    }
    if (!userId) return;
    await this.hub.events.publish({ name: 'call.signal', data: { ...signal }, audience: { kind: 'user', userId } });
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

  private trackChannels(msg: AmiMessage): void {
    const event = msg.event;
    const linked = msg.get('Linkedid');
    if (!linked || (event !== 'AgentCalled' && event !== 'AgentConnect')) return;
    const member = extensionOf(msg.get('MemberName') ?? msg.get('Interface') ?? '');
    if (!member) return;
    const owned = this.owners.get(linked);
    this.owners.set(linked, {
      extension: event === 'AgentConnect' || !owned ? member : owned.extension,
      agentChannel: event === 'AgentConnect' || !owned?.agentChannel ? msg.get('DestChannel') : owned.agentChannel,
      callerChannel: msg.get('Channel') ?? owned?.callerChannel,
    });
    if (this.owners.size > 5000) this.owners.delete(this.owners.keys().next().value!);
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
