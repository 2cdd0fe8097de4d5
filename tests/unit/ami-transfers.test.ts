import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AmiParser, type AmiMessage } from '../../server/telephony/ami/frames';
import { AmiCallNormaliser } from '../../server/telephony/ami/normalise';
import type { CallSignal } from '../../shared/telephony/signals';

const events = (file: string): AmiMessage[] =>
  new AmiParser().push(readFileSync(new URL(`../fixtures/ami/${file}.server.txt`, import.meta.url))).filter((m) => m.event !== undefined);
const run = (msgs: AmiMessage[], before?: (n: AmiCallNormaliser) => void): CallSignal[] => {
  const normaliser = new AmiCallNormaliser();
  before?.(normaliser);
  return msgs.flatMap((m, i) => normaliser.push(m, 1_000 + i));
};
const story = (signals: CallSignal[]) =>
  signals.map((s) => `${s.agent} ${s.kind}${s.kind === 'transferred' ? ` ${s.target}` : ''}${s.kind === 'ended' ? ` ${s.cause}${s.by ? ` by ${s.by}` : ''}` : ''}`);

describe('transfers the queue never sees, from the real captures', () => {
  it('a Redirect ends 1001’s part as transferred to 1002 when its leg hangs up, and rings 1002 with the caller’s card', () => {
    const signals = run(events('redirect-transfer'));
    expect(story(signals)).toEqual(['1001 offered', '1001 connected', '1001 transferred 1002', '1002 offered', '1002 connected', '1002 ended normal by agent']);
    const offered = signals.find((s) => s.agent === '1002' && s.kind === 'offered');
    expect(offered).toMatchObject({ direction: 'in', from: '07700900123', queue: 'funeralcare', attached: { IVR_INTENT: 'funeralcare', MEMBER_NO: '100200300' } });
    expect(new Set(signals.map((s) => s.callId))).toEqual(new Set(['1796503921.0']));
  });

  it('a BlindTransfer: transferred at once, then 1002 rings', () => {
    const s = story(run(events('blind-transfer')));
    expect(s.slice(0, 3)).toEqual(['1001 offered', '1001 connected', '1001 transferred 1002']);
    // AgentComplete (Reason: transfer) follows at once; the desk has already ended the call as transferred.
    expect(s.filter((x) => x.startsWith('1001'))).toEqual(['1001 offered', '1001 connected', '1001 transferred 1002', '1001 ended normal by transfer']);
    expect(s.filter((x) => x.startsWith('1002'))).toEqual(['1002 offered', '1002 connected', expect.stringMatching(/^1002 ended normal/)]);
  });

  it('an answered queue call is not taken for a transfer', () => {
    expect(story(run(events('answered-call')))).toEqual(['1001 offered', '1001 connected', '1001 ended normal by agent']);
  });
});

describe('click-to-dial from the real capture', () => {
  it('the hub’s Originate becomes an outbound call: calling from the advisor’s ring, connected when the customer answers, ended by the customer', () => {
    const signals = run(events('click-to-dial'), (n) => n.expectDial('1001', '07700900964', 1_000));
    expect(story(signals)).toEqual(['1001 offered', '1001 connected', '1001 ended normal by caller']);
    expect(signals[0]).toMatchObject({ kind: 'offered', direction: 'out', from: '1001', to: '07700900964', callId: '1796503961.0' });
  });

  it('without the hub’s own Originate (dialled from the phone), the number comes from the dial to the outside', () => {
    const signals = run(events('click-to-dial'));
    expect(story(signals)).toEqual(['1001 offered', '1001 connected', '1001 ended normal by caller']);
    expect(signals[0]).toMatchObject({ direction: 'out', to: '07700900964' });
  });
});

describe('back-to-back calls from the real captures', () => {
  for (const file of ['back-to-back', 'back-to-back-wrapup']) {
    it(`${file}: two calls, each with its own id, the second offered after the first ended`, () => {
      const signals = run(events(file));
      const ids = [...new Set(signals.map((s) => s.callId))];
      expect(ids).toHaveLength(2);
      expect(signals.filter((s) => s.callId === ids[0]).map((s) => s.kind)).toEqual(['offered', 'connected', 'ended']);
      expect(signals.filter((s) => s.callId === ids[1]).map((s) => s.kind)).toEqual(['offered', 'connected', 'ended']);
    });
  }
});
