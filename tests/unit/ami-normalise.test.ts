import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AmiMessage, AmiParser } from '../../server/telephony/ami/frames';
import { AmiCallNormaliser } from '../../server/telephony/ami/normalise';
import type { CallSignal } from '../../shared/telephony/signals';

const events = (file: string): AmiMessage[] =>
  new AmiParser().push(readFileSync(new URL(`../fixtures/ami/${file}`, import.meta.url))).filter((m) => m.event !== undefined);
const answered = events('answered-call.server.txt');
const abandoned = events('abandoned-call.server.txt');

/** Runs events through a fresh normaliser, one millisecond apart. */
const run = (msgs: AmiMessage[]): CallSignal[] => {
  const normaliser = new AmiCallNormaliser();
  return msgs.flatMap((m, i) => normaliser.push(m, 1_000 + i));
};
const kinds = (signals: CallSignal[], agent = '1001') => signals.filter((s) => s.agent === agent).map((s) => s.kind);

// Small transforms that make variations of the real captures.
const named = (msgs: AmiMessage[], event: string) => msgs.findIndex((m) => m.event === event);
const without = (msgs: AmiMessage[], event: string) => msgs.filter((m) => m.event !== event);
const withFields = (msg: AmiMessage, changes: Record<string, string | null>): AmiMessage => {
  const fields = msg.fields.filter(([k]) => !(k in changes)).map(([k, v]): [string, string] => [k, v]);
  for (const [k, v] of Object.entries(changes)) if (v !== null) fields.push([k, v]);
  // Event first, as on the wire.
  fields.sort(([a], [b]) => Number(b === 'Event') - Number(a === 'Event'));
  return new AmiMessage(fields);
};
const insertAfter = (msgs: AmiMessage[], index: number, ...extra: AmiMessage[]) => [
  ...msgs.slice(0, index + 1),
  ...extra,
  ...msgs.slice(index + 1),
];
const agentCalled = (msgs: AmiMessage[]) => msgs[named(msgs, 'AgentCalled')]!;

describe('AMI events to call signals: the real captures', () => {
  it('answered: offered with the IVR data, connected, ended by the agent', () => {
    const signals = run(answered);
    expect(signals).toEqual([
      {
        kind: 'offered',
        callId: '1795332381.0',
        at: expect.any(Number),
        agent: '1001',
        direction: 'in',
        from: '07700900123',
        queue: 'funeralcare',
        attached: { IVR_INTENT: 'funeralcare', MEMBER_NO: '100200300' },
      },
      { kind: 'connected', callId: '1795332381.0', at: expect.any(Number), agent: '1001' },
      { kind: 'ended', callId: '1795332381.0', at: expect.any(Number), agent: '1001', cause: 'normal', by: 'agent' },
    ]);
  });

  it('abandoned: offered then abandoned, never connected', () => {
    const signals = run(abandoned);
    expect(kinds(signals)).toEqual(['offered', 'abandoned']);
    expect(signals.every((s) => s.callId === '1795332402.4')).toBe(true);
  });
});

describe('AMI events to call signals: variations of the captures', () => {
  it('without AgentComplete (agent left with *): exactly one ended, from the caller Hangup', () => {
    const signals = run(without(answered, 'AgentComplete'));
    expect(kinds(signals)).toEqual(['offered', 'connected', 'ended']);
    expect(signals.at(-1)).toMatchObject({ kind: 'ended', cause: 'normal', by: 'agent' });
  });

  it('without AgentComplete and with the caller hanging up first: ended by the caller, cause from Q.850', () => {
    const msgs = without(answered, 'AgentComplete').map((m) =>
      m.event === 'Hangup' && m.get('Uniqueid') === '1795332381.1' ? withFields(m, { Cause: '17', 'Cause-txt': 'User busy' }) : m,
    );
    const callerHangup = msgs.findIndex((m) => m.event === 'Hangup' && m.get('Uniqueid') === '1795332381.1');
    const reordered = insertAfter(msgs, named(msgs, 'BridgeEnter'), msgs[callerHangup]!).filter(
      (_, i, all) => i !== all.lastIndexOf(msgs[callerHangup]!),
    );
    const signals = run(reordered);
    expect(kinds(signals)).toEqual(['offered', 'connected', 'ended']);
    expect(signals.at(-1)).toMatchObject({ kind: 'ended', cause: 'busy', by: 'caller' });
  });

  it('every event twice: no signal twice', () => {
    expect(kinds(run(answered.flatMap((m) => [m, m])))).toEqual(['offered', 'connected', 'ended']);
    expect(kinds(run(abandoned.flatMap((m) => [m, m])))).toEqual(['offered', 'abandoned']);
  });

  it('AgentRingNoAnswer: ring_no_answer, and the re-ring after it is a fresh offer', () => {
    const rna = withFields(agentCalled(abandoned), { Event: 'AgentRingNoAnswer', RingTime: '15000' });
    const msgs = insertAfter(abandoned, named(abandoned, 'DialState'), rna, agentCalled(abandoned));
    expect(kinds(run(msgs))).toEqual(['offered', 'ring_no_answer', 'offered', 'abandoned']);
    expect(kinds(run(insertAfter(abandoned, named(abandoned, 'DialState'), rna)))).toEqual(['offered', 'ring_no_answer']);
  });

  it('two agents rung and the caller abandons: both are told', () => {
    const other = withFields(agentCalled(abandoned), {
      MemberName: '1002',
      DestChannel: 'Local/1002@agents-00000009;1',
      DestUniqueid: '9.9',
    });
    const signals = run(insertAfter(abandoned, named(abandoned, 'AgentCalled'), other));
    expect(kinds(signals, '1002')).toEqual(['offered', 'abandoned']);
    expect(kinds(signals, '1001')).toEqual(['offered', 'abandoned']);
  });

  it('a dialled number on the caller Newchannel becomes `to`', () => {
    const msgs = answered.map((m) =>
      m.event === 'Newchannel' && m.get('Uniqueid') === m.get('Linkedid') ? withFields(m, { Exten: '03301234567' }) : m,
    );
    expect(run(msgs)[0]).toMatchObject({ kind: 'offered', to: '03301234567' });
    expect(run(answered)[0]).not.toHaveProperty('to'); // "funeral" is a dialplan name, not a number
  });

  it('Hold/Unhold on the agent channel and MOH on the caller: held and resumed once each', () => {
    const enter = answered[named(answered, 'BridgeEnter')]!;
    const hold = withFields(enter, { Event: 'Hold', BridgeUniqueid: null });
    const moh = withFields(answered[named(answered, 'AgentConnect')]!, { Event: 'MusicOnHoldStart', Class: 'default' });
    const unhold = withFields(hold, { Event: 'Unhold' });
    const mohStop = withFields(moh, { Event: 'MusicOnHoldStop' });
    const msgs = insertAfter(answered, named(answered, 'BridgeEnter') + 1, hold, moh, unhold, mohStop);
    expect(kinds(run(msgs))).toEqual(['offered', 'connected', 'held', 'resumed', 'ended']);
  });

  it('BlindTransfer by the agent: transferred to the extension, then ended by transfer', () => {
    const connect = answered[named(answered, 'AgentConnect')]!;
    const transfer = new AmiMessage([
      ['Event', 'BlindTransfer'],
      ['Result', 'Success'],
      ['TransfererChannel', connect.get('DestChannel')!],
      ['TransfererUniqueid', connect.get('DestUniqueid')!],
      ['TransfererLinkedid', connect.get('Linkedid')!],
      ['TransfereeLinkedid', connect.get('Linkedid')!],
      ['Extension', '2002'],
    ]);
    const msgs = insertAfter(answered, named(answered, 'BridgeEnter') + 1, transfer).map((m) =>
      m.event === 'AgentComplete' ? withFields(m, { Reason: 'transfer' }) : m,
    );
    const signals = run(msgs);
    expect(kinds(signals)).toEqual(['offered', 'connected', 'transferred', 'ended']);
    expect(signals[2]).toMatchObject({ kind: 'transferred', target: '2002' });
    expect(signals[3]).toMatchObject({ kind: 'ended', by: 'transfer' });
  });

  it('events for an unknown call: nothing', () => {
    const stranger = answered
      .filter((m) => !['Newchannel', 'QueueCallerJoin', 'AgentCalled'].includes(m.event ?? ''))
      .map((m) => (m.get('Linkedid') ? withFields(m, { Linkedid: '999.9' }) : m));
    expect(run(stranger)).toEqual([]);
    expect(run([...answered.slice(named(answered, 'AgentConnect'))])).toEqual([]);
  });

  it('unknown events and events with missing fields are ignored', () => {
    const odd = [
      new AmiMessage([['Event', 'SomethingNew']]),
      new AmiMessage([['Event', 'AgentCalled']]),
      new AmiMessage([['Response', 'Success']]),
    ];
    expect(run([...odd, ...answered, ...odd]).map((s) => s.kind)).toEqual(['offered', 'connected', 'ended']);
  });
});

describe('AMI normaliser memory', () => {
  it('stays bounded under a flood of bogus calls', () => {
    const normaliser = new AmiCallNormaliser({ maxCalls: 100 });
    const fields = agentCalled(answered).fields.filter(([k]) => k !== 'Linkedid');
    for (let i = 0; i < 5_000; i += 1) normaliser.push(new AmiMessage([...fields, ['Linkedid', `bogus.${i}`]]), 1_000);
    expect(normaliser.size).toBe(100);
  });

  it('forgets ended calls after a while, but not before', () => {
    const normaliser = new AmiCallNormaliser({ endedTtlMs: 60_000 });
    answered.forEach((m, i) => normaliser.push(m, 1_000 + i));
    expect(normaliser.size).toBe(1);
    normaliser.push(new AmiMessage([['Event', 'Noise']]), 30_000);
    expect(normaliser.size).toBe(1);
    normaliser.push(new AmiMessage([['Event', 'Noise']]), 70_000);
    expect(normaliser.size).toBe(0);
  });
});
