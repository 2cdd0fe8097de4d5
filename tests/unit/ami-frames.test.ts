import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AmiMessage, AmiParser, MAX_LINE_BYTES, MAX_MESSAGE_BYTES, serialiseAction } from '../../server/telephony/ami/frames';

const captures = {
  answered: readFileSync(new URL('../fixtures/ami/answered-call.server.txt', import.meta.url)),
  abandoned: readFileSync(new URL('../fixtures/ami/abandoned-call.server.txt', import.meta.url)),
};

const parseWhole = (bytes: Buffer) => {
  const parser = new AmiParser();
  return { messages: parser.push(bytes), parser };
};
const shape = (messages: AmiMessage[]) => messages.map((m) => m.fields);
/** What `grep -c '^Event:'` says. */
const grepEvents = (bytes: Buffer) =>
  bytes
    .toString('utf8')
    .split('\n')
    .filter((l) => l.startsWith('Event:')).length;

describe('AMI frames from the real captures', () => {
  it.each(Object.entries(captures))('%s: banner, every frame, no problems', (_name, bytes) => {
    const { messages, parser } = parseWhole(bytes);
    expect(parser.banner).toBe('Asterisk Call Manager/13.0.0');
    expect(parser.problems).toBe(0);
    expect(messages.filter((m) => m.event !== undefined)).toHaveLength(grepEvents(bytes));
    // The login and Originate responses, then the Logoff's Goodbye, around the events.
    expect(messages[0]?.fields).toEqual([
      ['Response', 'Success'],
      ['ActionID', 'login-1'],
      ['Message', 'Authentication accepted'],
    ]);
    expect(messages.at(-1)?.get('response')).toBe('Goodbye');
  });

  it.each(Object.entries(captures))('%s: the same messages when fed one byte at a time', (_name, bytes) => {
    const parser = new AmiParser();
    const messages: AmiMessage[] = [];
    for (let i = 0; i < bytes.length; i += 1) messages.push(...parser.push(bytes.subarray(i, i + 1)));
    expect(shape(messages)).toEqual(shape(parseWhole(bytes).messages));
    expect(parser.banner).toBe('Asterisk Call Manager/13.0.0');
  });

  it('answered: the same messages when split in two at every byte position', () => {
    // Reparsing 72 KB for each of 72k positions would take minutes. A split only matters within the
    // frame it falls in, and at a frame boundary a parser holds nothing (the byte-at-a-time test
    // above covers continuity across frames), so each frame is fed in two pieces, at each of its
    // positions, to a parser in that boundary state: every position in the file is covered.
    const bytes = captures.answered;
    const key = (messages: AmiMessage[]) => messages.map((m) => m.fields.join('\u0001')).join('\u0002');
    const ends: number[] = [bytes.indexOf(0x0a) + 1];
    for (let at = bytes.indexOf('\r\n\r\n'); at !== -1; at = bytes.indexOf('\r\n\r\n', at + 4)) ends.push(at + 4);
    if (ends.at(-1)! < bytes.length) ends.push(bytes.length);
    const reassembled: AmiMessage[] = [];
    let start = 0;
    let splits = 0;
    for (const end of ends) {
      const frame = bytes.subarray(start, end);
      const whole = new AmiParser({ expectBanner: start === 0 }).push(frame);
      const expected = key(whole);
      for (let k = 1; k < frame.length; k += 1) {
        const parser = new AmiParser({ expectBanner: start === 0 });
        const got = [...parser.push(frame.subarray(0, k)), ...parser.push(frame.subarray(k))];
        if (key(got) !== expected) expect({ at: start + k, got: shape(got) }).toEqual({ at: start + k, got: shape(whole) });
        splits += 1;
      }
      reassembled.push(...whole);
      start = end;
    }
    expect(shape(reassembled)).toEqual(shape(parseWhole(bytes).messages));
    expect(splits).toBe(bytes.length - ends.length);
  });

  it('abandoned: the same messages in random chunkings', () => {
    const bytes = captures.abandoned;
    const whole = shape(parseWhole(bytes).messages);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 400 }), (cuts) => {
        const parser = new AmiParser();
        const got: AmiMessage[] = [];
        let from = 0;
        for (const at of [...cuts].sort((a, b) => a - b)) {
          got.push(...parser.push(bytes.subarray(from, at)));
          from = at;
        }
        got.push(...parser.push(bytes.subarray(from)));
        expect(shape(got)).toEqual(whole);
      }),
      { numRuns: 40 },
    );
  });
});

describe('AMI frame parsing', () => {
  it('keeps repeated keys in order and reads channel variables, empty values included', () => {
    const [msg] = new AmiParser({ expectBanner: false }).push(
      'Event: AgentCalled\r\nChanVariable: IVR_INTENT=funeralcare\r\nChanVariable: MEMBER_NO=\r\nDestChanVariable: IVR_INTENT=x=y\r\nChanVariable(Local/a;1): EXTRA=1\r\n\r\n',
    );
    expect(msg?.all('chanvariable')).toEqual(['IVR_INTENT=funeralcare', 'MEMBER_NO=']);
    expect(msg?.variables('ChanVariable')).toEqual({ IVR_INTENT: 'funeralcare', MEMBER_NO: '', EXTRA: '1' });
    expect(msg?.variables('DestChanVariable')).toEqual({ IVR_INTENT: 'x=y' });
    expect(msg?.get('EVENT')).toBe('AgentCalled');
    expect(msg?.get('Missing')).toBeUndefined();
  });

  it('tolerates bare LF and decodes UTF-8 split anywhere, even inside a character', () => {
    const text = 'Asterisk Call Manager/5.0.1\nEvent: Newchannel\nCallerIDName: Zoë Ångström 日本\r\n\n';
    const bytes = Buffer.from(text, 'utf8');
    for (let k = 1; k < bytes.length; k += 1) {
      const parser = new AmiParser();
      const got = [...parser.push(bytes.subarray(0, k)), ...parser.push(bytes.subarray(k))];
      expect(parser.banner).toBe('Asterisk Call Manager/5.0.1');
      expect(got.map((m) => m.get('CallerIDName'))).toEqual(['Zoë Ångström 日本']);
    }
  });

  it('counts garbage lines as problems and goes on', () => {
    const parser = new AmiParser();
    const got = parser.push(
      'Asterisk Call Manager/13.0.0\r\nnot a header\r\nEvent: A\r\nalso junk\r\nKey: 1\r\n\r\n\r\n\r\n:\r\nEvent: B\r\nTrimmed:\r\n\r\n',
    );
    expect(got.map((m) => m.fields)).toEqual([
      [
        ['Event', 'A'],
        ['Key', '1'],
      ],
      [
        ['Event', 'B'],
        ['Trimmed', ''],
      ],
    ]);
    expect(parser.problems).toBe(3);
  });

  it('drops an overlong line with its message and resynchronises at the next blank line', () => {
    const reasons: string[] = [];
    const parser = new AmiParser({ expectBanner: false, onProblem: (r) => reasons.push(r) });
    const long = `Value: ${'x'.repeat(MAX_LINE_BYTES + 10)}`;
    const stream = `Event: Before\r\n\r\nEvent: Victim\r\n${long}\r\nAfter: still victim\r\n\r\nEvent: Next\r\n\r\n`;
    const got: AmiMessage[] = [];
    for (let i = 0; i < stream.length; i += 997) got.push(...parser.push(stream.slice(i, i + 997)));
    expect(got.map((m) => m.event)).toEqual(['Before', 'Next']);
    expect(parser.problems).toBe(1);
    expect(reasons[0]).toMatch(/line over/);
  });

  it('drops an oversize message and resynchronises', () => {
    const parser = new AmiParser({ expectBanner: false });
    const line = `ChanVariable: V=${'y'.repeat(1000)}\r\n`;
    const huge = `Event: Huge\r\n${line.repeat(Math.ceil(MAX_MESSAGE_BYTES / line.length) + 1)}\r\n`;
    const got = parser.push(`${huge}Event: Next\r\nKey: 1\r\n\r\n`);
    expect(got.map((m) => m.event)).toEqual(['Next']);
    expect(parser.problems).toBe(1);
  });
});

describe('serialiseAction', () => {
  it('frames with CRLF, ActionID first after Action, repeated keys for arrays', () => {
    expect(serialiseAction('Originate', { Channel: 'Local/1001@agents', Variable: ['A=1', 'B=2'] }, 'r-1')).toBe(
      'Action: Originate\r\nActionID: r-1\r\nChannel: Local/1001@agents\r\nVariable: A=1\r\nVariable: B=2\r\n\r\n',
    );
  });

  it.each(['a\r\nAction: Originate', 'a\nb', 'a\rb'])('refuses CR/LF in values (%j): header injection', (value) => {
    expect(() => serialiseAction('QueuePause', { Reason: value }, 'r-2')).toThrow(/header injection/);
    expect(() => serialiseAction('QueuePause', { Reason: ['ok', value] }, 'r-2')).toThrow(/header injection/);
    expect(() => serialiseAction('QueuePause', {}, value)).toThrow(/header injection/);
  });

  it('refuses ActionID or Action smuggled in fields', () => {
    expect(() => serialiseAction('Ping', { ActionID: 'x' }, 'r-3')).toThrow(/set by the client/);
  });
});
