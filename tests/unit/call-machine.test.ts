import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advance, isLive, type CallState } from '../../shared/telephony/call-machine';
import type { CallSignal } from '../../shared/telephony/signals';

const at = 1_800_000_000_000;
const offered: CallSignal = { kind: 'offered', callId: 'c1', at, direction: 'in', from: '07700900123', queue: 'funeralcare', attached: { IVR_INTENT: 'funeralcare' } };
const run = (signals: CallSignal[]) => signals.reduce<CallState | undefined>((s, sig) => advance(s, sig).state, undefined);

describe('the call state machine', () => {
  it('goes offered → connected → held → connected → ended', () => {
    const s = run([
      offered,
      { kind: 'connected', callId: 'c1', at: at + 2000 },
      { kind: 'held', callId: 'c1', at: at + 3000 },
      { kind: 'resumed', callId: 'c1', at: at + 4000 },
      { kind: 'ended', callId: 'c1', at: at + 5000, cause: 'normal', by: 'agent' },
    ])!;
    expect(s).toMatchObject({ phase: 'ended', connectedAt: at + 2000, endedAt: at + 5000, holds: 1, endedBy: 'agent', queue: 'funeralcare' });
  });

  it('tells missed (ring-no-answer) from abandoned (caller hung up while ringing)', () => {
    expect(run([offered, { kind: 'ring_no_answer', callId: 'c1', at: at + 15000 }])!.phase).toBe('missed');
    expect(run([offered, { kind: 'abandoned', callId: 'c1', at: at + 8000 }])!.phase).toBe('abandoned');
    expect(run([offered, { kind: 'ended', callId: 'c1', at: at + 8000, cause: 'cancelled' }])!.phase).toBe('abandoned');
    expect(run([offered, { kind: 'ended', callId: 'c1', at: at + 8000, cause: 'forwarded' }])!.phase).toBe('missed');
  });

  it('ignores duplicates and signals after the end, and starts a call whose offer was lost', () => {
    const first = advance(undefined, offered);
    expect(advance(first.state, offered).changed).toBe(false);
    const ended = run([offered, { kind: 'connected', callId: 'c1', at }, { kind: 'ended', callId: 'c1', at, cause: 'normal' }]);
    expect(advance(ended, { kind: 'connected', callId: 'c1', at }).changed).toBe(false);
    expect(advance(ended, { kind: 'ended', callId: 'c1', at, cause: 'busy' }).state!.cause).toBe('normal');
    expect(run([{ kind: 'connected', callId: 'c1', at }])!.phase).toBe('connected');
  });

  it('never throws and never leaves a finished call live, whatever order the signals come in', () => {
    const signal = fc.oneof(
      fc.constant(offered),
      ...(['connected', 'held', 'resumed', 'ring_no_answer', 'abandoned'] as const).map((kind) => fc.constant({ kind, callId: 'c1', at } as CallSignal)),
      fc.constantFrom<CallSignal>(
        { kind: 'ended', callId: 'c1', at, cause: 'normal' },
        { kind: 'transferred', callId: 'c1', at, target: '2001' },
      ),
    );
    fc.assert(
      fc.property(fc.array(signal, { maxLength: 30 }), (signals) => {
        let s: CallState | undefined;
        let finished = false;
        for (const sig of signals) {
          s = advance(s, sig).state;
          if (s && s.phase === 'ended') finished = true;
          if (finished) expect(isLive(s!)).toBe(false);
        }
      }),
      { numRuns: 500 },
    );
  });
});
