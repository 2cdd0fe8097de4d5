import { type CallSignal, type EndCause } from '../../../shared/telephony/signals';
import type { AmiMessage } from './frames';
import type { AgentLeg, CallState, CallTable } from './calls';

/**
 * Calls the queue never sees: a call redirected (transferred) to another advisor's extension
 * rings that advisor by a plain Dial, and a click-to-dial starts on the advisor's own phone and
 * dials the customer from there. Neither raises AgentCalled or AgentConnect, so their legs are
 * followed through Newchannel, DialBegin, DialEnd and Hangup.
 */

/** The extension in an advisor's device or Local channel name: `PJSIP/1002-0000001a`, `Local/1002@agents-00000002;1`. */
export function extensionOfChannel(channel: string | undefined): string | null {
  const m = /^[A-Za-z0-9]+\/(\d{2,8})(?:@[\w-]+?)?-[0-9a-f]{6,}(?:;[12])?$/i.exec(channel ?? '');
  return m ? m[1]! : null;
}

/** Both halves of a Local channel (`;1`, `;2`) are the same member leg. */
export function channelKey(channel: string): string {
  return channel.replace(/;[12]$/, '');
}

export function remember(agent: AgentLeg, channel: string | undefined, uniqueid: string | undefined): void {
  if (channel) {
    agent.channels.add(channelKey(channel));
    agent.channel ??= channel;
  }
  if (uniqueid) agent.channels.add(uniqueid);
}

export function owns(agent: AgentLeg, channel: string | undefined, uniqueid: string | undefined): boolean {
  return (
    (channel !== undefined && agent.channels.has(channelKey(channel))) || (uniqueid !== undefined && agent.channels.has(uniqueid))
  );
}

export function newLeg(name: string): AgentLeg {
  return { name, status: 'ringing', channels: new Set(), held: false, transferred: false, hungUp: false };
}

export function ended(call: CallState, agent: AgentLeg, now: number, cause: EndCause, by: 'caller' | 'agent' | 'transfer' | undefined): CallSignal {
  agent.status = 'ended';
  return { kind: 'ended', callId: call.id, at: now, agent: agent.name, cause, ...(by ? { by } : {}) };
}

const attachedOf = (msg: AmiMessage) => Object.fromEntries(Object.entries(msg.variables('ChanVariable')).filter(([, v]) => v !== ''));
const numberOf = (value: string | undefined) => (value ?? '').replace(/[@/].*$/, '');

export class DialLegs {
  /** Click-to-dial asked of the PBX and not yet seen: extension → the number and when. */
  private readonly expected = new Map<string, { number: string; at: number }>();

  constructor(private readonly calls: CallTable) {}

  /** The hub sent an Originate for this extension: its channel's first appearance is that call. */
  expectDial(extension: string, number: string, now: number): void {
    this.expected.set(extension, { number, at: now });
  }

  /** A channel of an advisor's own that starts a call of its own: an outbound call. */
  newChannel(msg: AmiMessage, now: number, out: CallSignal[]): void {
    const uniqueid = msg.get('Uniqueid');
    const ext = extensionOfChannel(msg.get('Channel'));
    if (!ext || uniqueid === undefined || uniqueid !== msg.get('Linkedid')) return;
    const call = this.calls.open(uniqueid, now);
    if (!call) return;
    call.outbound = true;
    const agent = newLeg(ext);
    remember(agent, msg.get('Channel'), uniqueid);
    call.agents.set(ext, agent);
    const wanted = this.expected.get(ext);
    if (wanted && now - wanted.at < 60_000) {
      this.expected.delete(ext);
      this.offerOutbound(call, agent, wanted.number, now, out);
    }
  }

  dialBegin(msg: AmiMessage, now: number, out: CallSignal[]): void {
    const call = this.calls.find(msg.get('Linkedid'), now);
    const dest = msg.get('DestChannel');
    if (!call || !dest) return;
    const agents = [...call.agents.values()];
    const dialler = agents.find((a) => owns(a, msg.get('Channel'), msg.get('Uniqueid')));
    if (dialler && call.outbound && !call.callerChannel) {
      // The advisor's phone (answered) now dials the customer.
      call.callerChannel = dest;
      call.outside = channelKey(dest);
      if (!call.offeredOut) this.offerOutbound(call, dialler, numberOf(msg.get('DestExten')) || numberOf(msg.get('DialString')), now, out);
      return;
    }
    if (dialler) return; // an advisor's own leg ringing their device: the same leg
    const ext = extensionOfChannel(dest);
    if (!ext || agents.some((a) => owns(a, dest, msg.get('DestUniqueid')))) return;
    const known = call.agents.get(ext);
    if (known && (known.status === 'ringing' || known.status === 'connected')) {
      remember(known, dest, msg.get('DestUniqueid'));
      return;
    }
    // The caller (a transfer, a redirect) dials another advisor: their phone rings with the caller's card.
    const agent = newLeg(ext);
    agent.viaDial = true;
    remember(agent, dest, msg.get('DestUniqueid'));
    call.agents.set(ext, agent);
    const from = msg.get('CallerIDNum') ?? '';
    out.push({
      kind: 'offered',
      callId: call.id,
      at: now,
      agent: ext,
      direction: 'in',
      from: from === '<unknown>' ? '' : from,
      ...(call.dialled ? { to: call.dialled } : {}),
      ...(call.queue ? { queue: call.queue } : {}),
      attached: attachedOf(msg),
    });
  }

  dialEnd(msg: AmiMessage, now: number, out: CallSignal[]): void {
    const call = this.calls.find(msg.get('Linkedid'), now);
    if (!call) return;
    const status = (msg.get('DialStatus') ?? '').toUpperCase();
    if (call.outbound && call.outside && channelKey(msg.get('DestChannel') ?? '') === call.outside) {
      const agent = [...call.agents.values()].find((a) => owns(a, msg.get('Channel'), msg.get('Uniqueid')));
      if (!agent || agent.status !== 'ringing') return;
      if (status === 'ANSWER') {
        agent.status = 'connected';
        out.push({ kind: 'connected', callId: call.id, at: now, agent: agent.name });
      } else out.push(ended(call, agent, now, dialCause(status), undefined));
      return;
    }
    const agent = [...call.agents.values()].find((a) => a.viaDial && owns(a, msg.get('DestChannel'), msg.get('DestUniqueid')));
    if (!agent || agent.status !== 'ringing') return;
    if (status === 'ANSWER') {
      agent.status = 'connected';
      out.push({ kind: 'connected', callId: call.id, at: now, agent: agent.name });
    } else {
      agent.status = 'rna';
      out.push({ kind: 'ring_no_answer', callId: call.id, at: now, agent: agent.name });
    }
  }

  /**
   * A hang-up on an outbound call: the customer's side or the advisor's own leg ends it. Returns
   * false when the call is not outbound (the queue's rules apply).
   */
  outboundHangup(call: CallState, msg: AmiMessage, now: number, out: CallSignal[]): boolean {
    if (!call.outbound) return false;
    const channel = msg.get('Channel');
    const byCustomer = call.outside !== undefined && channel !== undefined && channelKey(channel) === call.outside;
    for (const agent of call.agents.values()) {
      if (agent.status !== 'ringing' && agent.status !== 'connected') continue;
      const mine = owns(agent, channel, msg.get('Uniqueid'));
      if (!byCustomer && !mine) continue;
      const code = Number(msg.get('Cause'));
      const cause: EndCause = agent.status === 'ringing' ? (byCustomer ? 'no_answer' : 'cancelled') : 'normal';
      out.push(ended(call, agent, now, code === 17 ? 'busy' : cause, byCustomer ? 'caller' : 'agent'));
    }
    return true;
  }

  /** An advisor reached by a plain Dial has no AgentComplete: their own leg's hang-up ends their part. */
  dialLegHangup(call: CallState, agent: AgentLeg, now: number, out: CallSignal[]): boolean {
    if (!agent.viaDial || agent.status !== 'connected') return false;
    out.push(ended(call, agent, now, 'normal', 'agent'));
    return true;
  }

  private offerOutbound(call: CallState, agent: AgentLeg, number: string, now: number, out: CallSignal[]): void {
    call.offeredOut = true;
    out.push({ kind: 'offered', callId: call.id, at: now, agent: agent.name, direction: 'out', from: agent.name, to: number, attached: {} });
  }
}

function dialCause(status: string): EndCause {
  switch (status) {
    case 'BUSY':
      return 'busy';
    case 'NOANSWER':
      return 'no_answer';
    case 'CANCEL':
      return 'cancelled';
    case 'CONGESTION':
      return 'congestion';
    default:
      return 'failed';
  }
}
