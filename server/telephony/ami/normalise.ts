import { causeFromQ850, type CallSignal } from '../../../shared/telephony/signals';
import type { AmiMessage } from './frames';
import { CallTable, type AgentLeg, type CallState } from './calls';
import { extensionOf } from '../extension';
import { DialLegs, ended, newLeg, owns, remember } from './dial-legs';

export { channelKey } from './dial-legs';

/** The events push() acts on: pass to AmiClient's `events` filter so the rest never reach it. */
export const NORMALISED_EVENTS = [
  'Newchannel',
  'QueueCallerJoin',
  'AgentCalled',
  'AgentConnect',
  'AgentRingNoAnswer',
  'AgentDump',
  'AgentComplete',
  'QueueCallerAbandon',
  'Hangup',
  'Hold',
  'Unhold',
  'MusicOnHoldStart',
  'MusicOnHoldStop',
  'BlindTransfer',
  'AttendedTransfer',
  'BridgeLeave',
  'DialBegin',
  'DialEnd',
] as const;

/** What CoreShowChannels says the PBX still has, after a reconnect. */
export interface LiveChannels {
  linkedids: Set<string>;
  /** Channel keys (Local halves folded) and Uniqueids of every live channel, with whether it is bridged. */
  channels: Map<string, { bridged: boolean }>;
}

export interface NormaliserOptions {
  /** Most calls tracked at once; the least recently active go first beyond it. */
  maxCalls?: number;
  /** How long a finished call is remembered, so late and repeated events stay silent. */
  endedTtlMs?: number;
  /** A call with no event at all for this long is assumed lost (missed hangup, PBX restart). */
  idleTtlMs?: number;
}

/**
 * Turns AMI queue events into per-advisor CallSignals. Calls are keyed by Linkedid, which every
 * channel of one call shares; the agent is the queue member's MemberName.
 */
export class AmiCallNormaliser {
  private readonly calls: CallTable;
  private readonly dials: DialLegs;

  constructor(options: NormaliserOptions = {}) {
    this.calls = new CallTable(options.maxCalls ?? 5_000, options.endedTtlMs ?? 120_000, options.idleTtlMs ?? 4 * 3_600_000);
    this.dials = new DialLegs(this.calls);
  }

  /** Click-to-dial sent for this extension: the call that starts on its phone is that one. */
  expectDial(extension: string, number: string, now: number = Date.now()): void {
    this.dials.expectDial(extension, number, now);
  }

  /** The hub sent a Redirect for this call: the advisor's leg that hangs up next was transferred. */
  expectTransfer(callId: string, target: string, now: number = Date.now()): void {
    const call = this.calls.find(callId, now);
    if (call) call.redirectedTo = target;
  }

  /** The channels an action on this advisor's call names: their own leg (Hangup), the caller's (Redirect). */
  legOf(callId: string, agent: string): { agentChannel?: string; callerChannel?: string } {
    const call = this.calls.find(callId, Date.now());
    const leg = call && [...call.agents.values()].reverse().find((a) => a.name === agent || extensionOf(a.name) === agent);
    return { ...(leg?.channel ? { agentChannel: leg.channel } : {}), ...(call?.callerChannel ? { callerChannel: call.callerChannel } : {}) };
  }

  /** Number of calls remembered (for metrics and for the bound's tests). */
  get size(): number {
    return this.calls.size;
  }

  push(msg: AmiMessage, now: number = Date.now()): CallSignal[] {
    this.calls.sweep(now);
    const name = msg.event?.toLowerCase();
    if (name === undefined) return [];
    const out: CallSignal[] = [];
    switch (name) {
      case 'newchannel':
        this.newChannel(msg, now);
        this.dials.newChannel(msg, now, out);
        break;
      case 'queuecallerjoin': {
        const call = this.calls.open(msg.get('Linkedid'), now);
        if (!call) break;
        call.queueCaller = msg.get('Uniqueid') ?? call.queueCaller;
        call.queue = msg.get('Queue') ?? call.queue;
        call.queueExten = msg.get('Exten') ?? call.queueExten;
        call.callerChannel = msg.get('Channel') ?? call.callerChannel;
        break;
      }
      case 'bridgeleave':
        this.bridgeLeave(msg, now);
        break;
      case 'dialbegin':
        this.dials.dialBegin(msg, now, out);
        break;
      case 'dialend':
        this.dials.dialEnd(msg, now, out);
        break;
      case 'agentcalled':
        this.agentCalled(msg, now, out);
        break;
      case 'agentconnect':
        this.forAgent(msg, now, (call, agent) => {
          if (agent.status !== 'ringing') return;
          agent.status = 'connected';
          remember(agent, msg.get('DestChannel'), msg.get('DestUniqueid'));
          out.push({ kind: 'connected', callId: call.id, at: now, agent: agent.name });
        });
        break;
      case 'agentringnoanswer':
      case 'agentdump':
        this.forAgent(msg, now, (call, agent) => {
          if (agent.status !== 'ringing') return;
          agent.status = 'rna';
          out.push({ kind: 'ring_no_answer', callId: call.id, at: now, agent: agent.name });
        });
        break;
      case 'agentcomplete':
        this.forAgent(msg, now, (call, agent) => {
          if (agent.status !== 'connected') return;
          const by = endedBy(msg.get('Reason'));
          out.push(ended(call, agent, now, 'normal', by));
        });
        break;
      case 'queuecallerabandon': {
        const call = this.calls.find(msg.get('Linkedid'), now);
        if (call) this.abandon(call, now, out);
        break;
      }
      case 'hangup':
        this.hangup(msg, now, out);
        break;
      case 'hold':
      case 'musiconholdstart':
        this.hold(msg, now, true, out);
        break;
      case 'unhold':
      case 'musiconholdstop':
        this.hold(msg, now, false, out);
        break;
      case 'blindtransfer':
      case 'attendedtransfer':
        this.transfer(msg, name === 'blindtransfer', now, out);
        break;
      default:
        break; // half of all traffic is VarSet; none of it concerns the desktop
    }
    return out;
  }

  /**
   * After a reconnect, squares the calls thought live with what the PBX still has: a call it no
   * longer has is over (rang out or cut off by the outage), an agent leg that is gone ended, a
   * ringing leg now bridged was answered meanwhile, and the rest carry on. With `live` left out
   * the PBX cannot say: only ringing legs end (an advisor may still be talking).
   */
  reconcile(live: LiveChannels | null, now: number = Date.now()): CallSignal[] {
    const out: CallSignal[] = [];
    for (const call of this.calls.all()) {
      for (const agent of call.agents.values()) {
        if (agent.status !== 'ringing' && agent.status !== 'connected') continue;
        if (!live) {
          if (agent.status === 'ringing') out.push(ended(call, agent, now, 'failed', undefined));
          continue;
        }
        if (!live.linkedids.has(call.id)) {
          out.push(ended(call, agent, now, 'failed', undefined));
          continue;
        }
        const leg = [...agent.channels].map((c) => live.channels.get(c)).find(Boolean);
        if (!leg) {
          if (agent.status === 'ringing') {
            agent.status = 'rna';
            out.push({ kind: 'ring_no_answer', callId: call.id, at: now, agent: agent.name });
          } else out.push(ended(call, agent, now, 'normal', undefined));
        } else if (agent.status === 'ringing' && leg.bridged) {
          agent.status = 'connected';
          out.push({ kind: 'connected', callId: call.id, at: now, agent: agent.name });
        }
      }
    }
    return out;
  }

  private newChannel(msg: AmiMessage, now: number): void {
    const uniqueid = msg.get('Uniqueid');
    // Only the call's first channel says what the caller dialled; agent legs share the Linkedid.
    if (uniqueid === undefined || uniqueid !== msg.get('Linkedid')) return;
    const call = this.calls.open(uniqueid, now);
    const exten = msg.get('Exten');
    // A named extension ("funeral", "s") is dialplan, not a number the caller dialled.
    if (call && exten && /^\+?[0-9]{3,}$/.test(exten)) call.dialled = exten;
  }

  private agentCalled(msg: AmiMessage, now: number, out: CallSignal[]): void {
    const name = msg.get('MemberName');
    if (!name) return;
    const call = this.calls.open(msg.get('Linkedid'), now);
    if (!call) return;
    call.queueCaller ??= msg.get('Uniqueid');
    call.callerChannel ??= msg.get('Channel');
    const known = call.agents.get(name);
    if (known && (known.status === 'ringing' || known.status === 'connected')) return; // a repeat
    const agent: AgentLeg = known ?? newLeg(name);
    agent.status = 'ringing';
    agent.held = false;
    remember(agent, msg.get('DestChannel'), msg.get('DestUniqueid'));
    call.agents.set(name, agent);
    const attached = Object.fromEntries(Object.entries(msg.variables('ChanVariable')).filter(([, v]) => v !== ''));
    const from = msg.get('CallerIDNum') ?? '';
    out.push({
      kind: 'offered',
      callId: call.id,
      at: now,
      agent: name,
      direction: 'in',
      from: from === '<unknown>' ? '' : from,
      ...(call.dialled ? { to: call.dialled } : {}),
      ...(msg.get('Queue') ? { queue: msg.get('Queue') } : {}),
      attached,
    });
  }

  private forAgent(msg: AmiMessage, now: number, act: (call: CallState, agent: AgentLeg) => void): void {
    const call = this.calls.find(msg.get('Linkedid'), now);
    const agent = call?.agents.get(msg.get('MemberName') ?? '');
    if (call && agent) act(call, agent);
  }

  private abandon(call: CallState, now: number, out: CallSignal[]): void {
    call.callerGone = true;
    for (const agent of call.agents.values()) {
      if (agent.status !== 'ringing') continue;
      agent.status = 'ended';
      out.push({ kind: 'abandoned', callId: call.id, at: now, agent: agent.name });
    }
  }

  private hangup(msg: AmiMessage, now: number, out: CallSignal[]): void {
    const call = this.calls.find(msg.get('Linkedid'), now);
    if (!call) return;
    if (this.dials.outboundHangup(call, msg, now, out)) return;
    const uniqueid = msg.get('Uniqueid');
    const channel = msg.get('Channel');
    const isQueueCaller = uniqueid !== undefined && uniqueid === call.queueCaller;
    if (isQueueCaller || (uniqueid !== undefined && uniqueid === call.id)) {
      // The caller's side is gone. AgentComplete normally ends each connected agent first; when
      // the agent left with `*` it never comes, so this is the ending of record. (With Local
      // channels the Linkedid half can go first while the queued half lives on.)
      if (isQueueCaller || call.queueCaller === undefined) call.callerGone = true;
      // Cause 0 ("Unknown") is what Local channels report for an ordinary hangup, as the captures show.
      const code = Number(msg.get('Cause'));
      const cause = causeFromQ850(code > 0 ? code : 16);
      for (const agent of call.agents.values()) {
        if (agent.status !== 'connected') continue;
        out.push(ended(call, agent, now, cause, agent.transferred ? 'transfer' : agent.hungUp ? 'agent' : 'caller'));
      }
      // The Local-channel caller's first half hangs up before QueueCallerAbandon; only the channel
      // that actually queued proves the caller left while agents were still ringing.
      if (isQueueCaller) this.abandon(call, now, out);
      return;
    }
    for (const agent of call.agents.values()) {
      if (!owns(agent, channel, uniqueid)) continue;
      if (this.dials.dialLegHangup(call, agent, now, out)) continue;
      if (agent.status === 'connected' && !agent.transferred && call.redirectedTo !== undefined) {
        // Redirected away from this advisor: the caller lives on elsewhere, and AgentComplete
        // (if it comes at all) waits for the caller's own hang-up, minutes later.
        agent.transferred = true;
        agent.status = 'ended';
        out.push({ kind: 'transferred', callId: call.id, at: now, agent: agent.name, target: call.redirectedTo });
        continue;
      }
      agent.hungUp = true;
    }
  }

  /** The caller leaving the queue's bridge for another place in the dialplan is a Redirect (a blind transfer). */
  private bridgeLeave(msg: AmiMessage, now: number): void {
    const call = this.calls.find(msg.get('Linkedid'), now);
    if (!call || call.queueCaller === undefined || msg.get('Uniqueid') !== call.queueCaller) return;
    const exten = msg.get('Exten');
    if (!exten || exten === call.queueExten) return;
    if (![...call.agents.values()].some((a) => a.status === 'connected')) return;
    call.redirectedTo ??= exten;
  }

  private hold(msg: AmiMessage, now: number, held: boolean, out: CallSignal[]): void {
    const call = this.calls.find(msg.get('Linkedid'), now);
    if (!call) return;
    const connected = [...call.agents.values()].filter((a) => a.status === 'connected');
    const mine = connected.filter((a) => owns(a, msg.get('Channel'), msg.get('Uniqueid')));
    // MOH plays on the caller's channel and the agent's device channel behind a Local member is
    // not named in any queue event: then the hold concerns whoever is connected to the call.
    for (const agent of mine.length > 0 ? mine : connected) {
      if (agent.held === held) continue;
      agent.held = held;
      out.push({ kind: held ? 'held' : 'resumed', callId: call.id, at: now, agent: agent.name });
    }
  }

  private transfer(msg: AmiMessage, blind: boolean, now: number, out: CallSignal[]): void {
    if ((msg.get('Result') ?? 'Success').toLowerCase() !== 'success') return;
    const prefixes = blind ? ['Transferer'] : ['OrigTransferer', 'SecondTransferer'];
    const target = blind
      ? msg.get('Extension')
      : (msg.get('TransferTargetCallerIDNum') ?? msg.get('SecondTransfererConnectedLineNum') ?? msg.get('DestExten'));
    for (const prefix of prefixes) {
      const call = this.calls.find(msg.get(`${prefix}Linkedid`), now) ?? this.calls.find(msg.get('TransfereeLinkedid'), now);
      if (!call) continue;
      const connected = [...call.agents.values()].filter((a) => a.status === 'connected' && !a.transferred);
      for (const agent of connected) {
        // The transferer is the agent's device channel, which queue events may never name.
        if (!owns(agent, msg.get(`${prefix}Channel`), msg.get(`${prefix}Uniqueid`)) && connected.length > 1) continue;
        agent.transferred = true;
        out.push({ kind: 'transferred', callId: call.id, at: now, agent: agent.name, ...(target ? { target } : {}) });
      }
    }
  }
}

function endedBy(reason: string | undefined): 'caller' | 'agent' | 'transfer' | undefined {
  const r = reason?.toLowerCase();
  return r === 'caller' || r === 'agent' || r === 'transfer' ? r : undefined;
}
