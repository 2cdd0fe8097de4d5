import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AmiMessage, AmiParser, serialiseAction } from '../../server/telephony/ami/frames';
import { AmiCallNormaliser, NORMALISED_EVENTS } from '../../server/telephony/ami/normalise';
import type { CallSignal } from '../../shared/telephony/signals';

const RUNS = { numRuns: 150 };

/** Feeds bytes cut at the given (sorted, deduplicated) points. */
function feed(parser: AmiParser, bytes: Uint8Array, cuts: number[]): AmiMessage[] {
  const buffer = Buffer.from(bytes);
  const out: AmiMessage[] = [];
  let from = 0;
  for (const at of [...new Set(cuts)].filter((c) => c > 0 && c < buffer.length).sort((a, b) => a - b)) {
    out.push(...parser.push(buffer.subarray(from, at)));
    from = at;
  }
  out.push(...parser.push(buffer.subarray(from)));
  return out;
}

function wellFormed(message: AmiMessage): void {
  expect(message.fields.length).toBeGreaterThan(0);
  for (const [key, value] of message.fields) {
    expect(key.length).toBeGreaterThan(0);
    expect(key).not.toMatch(/\n/);
    expect(value).not.toMatch(/\n/);
  }
}

/** Uniform bytes rarely make a header, so half the cases come from AMI's own alphabet and UTF-8 pieces. */
const amiish = [
  ...Buffer.from('Event: AgentCalled\r\nLinkedid: 1.0\nMemberName: 1001\r\n=:ChanVariable'),
  0xc3,
  0xa9,
  0xe6,
  0x97,
  0xa5,
  0xff,
  0x00,
];
const bytes = fc.oneof(
  fc.uint8Array({ maxLength: 3_000, size: 'large' }),
  fc.array(fc.constantFrom(...amiish), { maxLength: 3_000, size: 'large' }).map((a) => Uint8Array.from(a)),
);
// fast-check's default 'small' size keeps arrays to about ten items: too few to cut anything up.
const cuts = fc.array(fc.nat({ max: 4_000 }), { maxLength: 40, size: 'medium' });
const key = fc.stringMatching(/^[A-Za-z][A-Za-z0-9()-]{0,15}$/);
const value = fc.string({ unit: 'binary', maxLength: 40 }).map((s) => s.replace(/[\r\n]/g, ' '));
const frame = fc.array(fc.tuple(key, value), { minLength: 1, maxLength: 8 });
/** Non-empty, no colon, no line break: always a garbage line, never a header or a frame end. */
const garbage = fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }).map((s) => s.replace(/[\r\n:]/g, '_'));

describe('AMI parser under fuzz', () => {
  it('never throws on arbitrary bytes in arbitrary chunks and yields only well-formed messages', () => {
    fc.assert(
      fc.property(bytes, cuts, fc.boolean(), (bytes, at, banner) => {
        const parser = new AmiParser({ expectBanner: banner });
        const messages = feed(parser, bytes, at);
        messages.forEach(wellFormed);
        const normaliser = new AmiCallNormaliser();
        for (const m of messages) normaliser.push(m);
      }),
      RUNS,
    );
  });

  it('finds exactly the valid frames among garbage lines, however the stream is cut', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(frame, fc.array(fc.tuple(fc.nat(), garbage), { maxLength: 3 })), { maxLength: 12, size: 'medium' }),
        cuts,
        fc.boolean(),
        (frames, at, bareLf) => {
          const eol = bareLf ? '\n' : '\r\n';
          let text = `Asterisk Call Manager/13.0.0${eol}`;
          let garbageLines = 0;
          for (const [fields, junk] of frames) {
            const lines = fields.map(([k, v]) => `${k}: ${v}`);
            for (const [pos, line] of junk) lines.splice(pos % (lines.length + 1), 0, line);
            garbageLines += junk.length;
            text += `${lines.join(eol)}${eol}${eol}`;
          }
          const parser = new AmiParser();
          const messages = feed(parser, Buffer.from(text, 'utf8'), at);
          expect(messages.map((m) => m.fields)).toEqual(frames.map(([fields]) => fields));
          expect(parser.problems).toBe(garbageLines);
          expect(parser.banner).toBe('Asterisk Call Manager/13.0.0');
        },
      ),
      RUNS,
    );
  });
});

describe('AMI normaliser under fuzz', () => {
  const ids = ['1.0', '1.1', '2.0', '2.1'];
  const event = fc.record({
    name: fc.constantFrom(...NORMALISED_EVENTS, 'VarSet', 'Bogus'),
    linkedid: fc.option(fc.constantFrom(...ids), { nil: undefined }),
    uniqueid: fc.option(fc.constantFrom(...ids), { nil: undefined }),
    member: fc.option(fc.constantFrom('1001', '1002'), { nil: undefined }),
    channel: fc.option(fc.constantFrom('Local/1001@agents-1;1', 'Local/1002@agents-2;2', 'PJSIP/trunk-1'), { nil: undefined }),
    extra: fc.array(fc.tuple(fc.constantFrom('Cause', 'Reason', 'Result', 'Exten', 'ChanVariable', 'DestUniqueid'), value), {
      maxLength: 3,
    }),
  });
  interface FuzzEvent {
    name: string;
    linkedid: string | undefined;
    uniqueid: string | undefined;
    member: string | undefined;
    channel: string | undefined;
    extra: [string, string][];
  }
  const toMessage = (e: FuzzEvent) => {
    const fields: [string, string][] = [['Event', e.name]];
    if (e.linkedid) fields.push(['Linkedid', e.linkedid], ['TransfererLinkedid', e.linkedid]);
    if (e.uniqueid) fields.push(['Uniqueid', e.uniqueid]);
    if (e.member) fields.push(['MemberName', e.member]);
    if (e.channel) fields.push(['Channel', e.channel], ['DestChannel', e.channel]);
    return new AmiMessage([...fields, ...e.extra]);
  };

  it('never throws, and each advisor sees a sensible order of signals', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 80, size: 'medium' }), (events) => {
        // Room for every id: beyond maxCalls a call is forgotten on purpose, and a repeat is news again.
        const normaliser = new AmiCallNormaliser();
        const state = new Map<string, 'none' | 'ringing' | 'connected' | 'over'>();
        events.forEach((e, i) => {
          for (const s of normaliser.push(toMessage(e), 1_000 + i * 100)) checkTransition(state, s);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('never holds more calls than its bound, whatever arrives', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(event, fc.nat({ max: 1_000 })), { maxLength: 200, size: 'medium' }), (events) => {
        const normaliser = new AmiCallNormaliser({ maxCalls: 5 });
        for (const [e, n] of events) {
          normaliser.push(
            toMessage({ ...e, linkedid: e.linkedid && `${e.linkedid}.${n}`, uniqueid: e.uniqueid && `${e.uniqueid}.${n}` }),
          );
          expect(normaliser.size).toBeLessThanOrEqual(5);
        }
      }),
      RUNS,
    );
  });
});

/** Each (call, advisor): offered, then connected or a ring-ending signal; call-time signals only while connected. */
function checkTransition(state: Map<string, 'none' | 'ringing' | 'connected' | 'over'>, s: CallSignal): void {
  expect(s.callId).not.toBe('');
  expect(s.agent).toBeTruthy();
  const k = `${s.callId}/${s.agent}`;
  const now = state.get(k) ?? 'none';
  const allowed: Record<CallSignal['kind'], (typeof now)[]> = {
    offered: ['none', 'over'],
    connected: ['ringing'],
    ring_no_answer: ['ringing'],
    abandoned: ['ringing'],
    ended: ['connected'],
    held: ['connected'],
    resumed: ['connected'],
    transferred: ['connected'],
  };
  expect(allowed[s.kind], `${s.kind} while ${now} for ${k}`).toContain(now);
  const next = { offered: 'ringing', connected: 'connected', ring_no_answer: 'over', abandoned: 'over', ended: 'over' } as const;
  if (s.kind in next) state.set(k, next[s.kind as keyof typeof next]);
}

describe('serialiseAction under fuzz', () => {
  it('round-trips values without line breaks through the parser', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          key.filter((k) => !/^action(id)?$/i.test(k)),
          value,
          { maxKeys: 6 },
        ),
        (fields) => {
          const text = serialiseAction('Setvar', fields, 'id-1');
          const [parsed, ...rest] = new AmiParser({ expectBanner: false }).push(text);
          expect(rest).toEqual([]);
          // Nothing is trimmed: leading and trailing spaces in values survive the trip.
          expect(parsed?.fields).toEqual([['Action', 'Setvar'], ['ActionID', 'id-1'], ...Object.entries(fields)]);
        },
      ),
      RUNS,
    );
  });

  it('rejects any value holding CR or LF', () => {
    fc.assert(
      fc.property(value, fc.constantFrom('\r', '\n', '\r\n'), value, (before, breaker, after) => {
        expect(() => serialiseAction('Redirect', { Exten: `${before}${breaker}${after}` }, 'id-2')).toThrow(/header injection/);
      }),
      RUNS,
    );
  });
});
