/**
 * Asterisk Manager Interface framing: a banner line, then messages of `Key: Value` lines each
 * ended by an empty line (CRLF on the wire; bare LF tolerated). The parser is incremental because
 * TCP may split a frame anywhere, even inside a CRLF pair or a multi-byte UTF-8 character, so
 * bytes are only decoded once a whole line has arrived.
 */

/** Longest line kept; longer ones are noise or an attack, never a real AMI header. */
export const MAX_LINE_BYTES = 8 * 1024;
/** Largest message kept; the biggest real events (AttendedTransfer with channel variables) are a few KiB. */
export const MAX_MESSAGE_BYTES = 64 * 1024;

const LF = 0x0a;
const CR = 0x0d;

export type ChannelVariablePrefix = 'ChanVariable' | 'DestChanVariable';

export class AmiMessage {
  readonly fields: [string, string][];

  constructor(fields: [string, string][]) {
    this.fields = fields;
  }

  /** First value of a key; AMI keys are case-insensitive in practice (Uniqueid vs UniqueID). */
  get(key: string): string | undefined {
    const wanted = key.toLowerCase();
    for (const [k, v] of this.fields) if (k.toLowerCase() === wanted) return v;
    return undefined;
  }

  /** Every value of a repeated key, in wire order. */
  all(key: string): string[] {
    const wanted = key.toLowerCase();
    return this.fields.filter(([k]) => k.toLowerCase() === wanted).map(([, v]) => v);
  }

  /**
   * Channel variables as `NAME=value` pairs. OriginateResponse spells the key with the channel in
   * brackets (`ChanVariable(Local/x;1): NAME=`), so that form counts too. Empty values are kept:
   * Asterisk lists every configured `channelvars` name, set or not.
   */
  variables(prefix: ChannelVariablePrefix): Record<string, string> {
    const exact = prefix.toLowerCase();
    const out: Record<string, string> = {};
    for (const [k, v] of this.fields) {
      const key = k.toLowerCase();
      if (key !== exact && !key.startsWith(`${exact}(`)) continue;
      const eq = v.indexOf('=');
      if (eq <= 0) continue;
      out[v.slice(0, eq)] = v.slice(eq + 1);
    }
    return out;
  }

  /** The event name, when this message is an event rather than a response. */
  get event(): string | undefined {
    return this.get('Event');
  }
}

export interface AmiParserOptions {
  /** The server side of the conversation starts with a banner; a client's actions do not. */
  expectBanner?: boolean;
  /** Told about each problem as it is counted, for logs. */
  onProblem?: (reason: string) => void;
}

export class AmiParser {
  banner: string | undefined;
  /** Garbage lines and dropped oversize lines or messages: counted, never thrown. */
  problems = 0;

  private awaitingBanner: boolean;
  private readonly onProblem: ((reason: string) => void) | undefined;
  /** Bytes of the line in progress, kept undecoded. */
  private partial: Buffer[] = [];
  private partialBytes = 0;
  /** The line in progress is too long: swallow bytes until its end. */
  private overlongLine = false;
  private fields: [string, string][] = [];
  private messageBytes = 0;
  /** The message in progress was dropped: skip lines until the next blank one. */
  private skipping = false;

  constructor(options: AmiParserOptions = {}) {
    this.awaitingBanner = options.expectBanner ?? true;
    this.onProblem = options.onProblem;
  }

  push(chunk: Buffer | string): AmiMessage[] {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    const out: AmiMessage[] = [];
    let start = 0;
    while (start < bytes.length) {
      const lf = bytes.indexOf(LF, start);
      const end = lf === -1 ? bytes.length : lf;
      this.appendPartial(bytes.subarray(start, end));
      if (lf === -1) break;
      this.finishLine(out);
      start = lf + 1;
    }
    return out;
  }

  private appendPartial(piece: Buffer): void {
    if (piece.length === 0) return;
    if (this.overlongLine) return;
    if (this.partialBytes + piece.length > MAX_LINE_BYTES + 1) {
      // +1 leaves room for the CR of a line exactly at the limit.
      this.overlongLine = true;
      this.partial = [];
      this.partialBytes = 0;
      return;
    }
    // Copy: the caller's buffer may be reused once push() returns.
    this.partial.push(Buffer.from(piece));
    this.partialBytes += piece.length;
  }

  private finishLine(out: AmiMessage[]): void {
    let raw = this.partial.length === 1 ? this.partial[0]! : Buffer.concat(this.partial, this.partialBytes);
    this.partial = [];
    this.partialBytes = 0;
    if (this.overlongLine) {
      this.overlongLine = false;
      this.problem(`line over ${MAX_LINE_BYTES} bytes; message dropped`);
      this.dropMessage();
      return;
    }
    if (raw.length > 0 && raw[raw.length - 1] === CR) raw = raw.subarray(0, raw.length - 1);
    if (raw.length > MAX_LINE_BYTES) {
      this.problem(`line over ${MAX_LINE_BYTES} bytes; message dropped`);
      this.dropMessage();
      return;
    }
    const line = raw.toString('utf8');

    if (line === '') {
      if (!this.skipping && this.fields.length > 0) out.push(new AmiMessage(this.fields));
      this.fields = [];
      this.messageBytes = 0;
      this.skipping = false;
      return;
    }
    if (this.awaitingBanner) {
      this.awaitingBanner = false;
      // A server that skips the banner goes straight to headers: parse that line as one.
      if (!line.includes(': ')) {
        this.banner = line;
        return;
      }
    }
    if (this.skipping) return;

    this.messageBytes += raw.length + 2;
    if (this.messageBytes > MAX_MESSAGE_BYTES) {
      this.problem(`message over ${MAX_MESSAGE_BYTES} bytes; dropped`);
      this.dropMessage();
      return;
    }
    const field = splitField(line);
    if (!field) {
      this.problem('garbage line skipped');
      return;
    }
    this.fields.push(field);
  }

  private dropMessage(): void {
    this.fields = [];
    this.messageBytes = 0;
    this.skipping = true;
  }

  private problem(reason: string): void {
    this.problems += 1;
    this.onProblem?.(reason);
  }
}

/** `Key: Value`; a bare `Key:` is an empty value whose trailing space something trimmed. */
function splitField(line: string): [string, string] | undefined {
  const sep = line.indexOf(': ');
  if (sep > 0) return [line.slice(0, sep), line.slice(sep + 2)];
  if (line.length > 1 && line.endsWith(':') && line.indexOf(':') === line.length - 1) return [line.slice(0, -1), ''];
  return undefined;
}

const CRLF_INSIDE = /[\r\n]/;

/**
 * One action, CRLF framed. A CR or LF inside a value would let whoever controls that value (an
 * advisor's note, a number typed in) append headers or whole actions: refuse rather than strip.
 */
export function serialiseAction(name: string, fields: Record<string, string | string[]>, actionId: string): string {
  const lines: string[] = [];
  const add = (key: string, value: string) => {
    if (key === '' || CRLF_INSIDE.test(key) || key.includes(':')) {
      throw new Error(`AMI action ${JSON.stringify(name)}: invalid header name ${JSON.stringify(key)}`);
    }
    if (CRLF_INSIDE.test(value)) {
      throw new Error(`AMI action ${JSON.stringify(name)}: value of ${key} contains CR or LF (refused: header injection)`);
    }
    lines.push(`${key}: ${value}`);
  };
  add('Action', name);
  add('ActionID', actionId);
  for (const [key, value] of Object.entries(fields)) {
    const lower = key.toLowerCase();
    if (lower === 'action' || lower === 'actionid') {
      throw new Error(`AMI action ${JSON.stringify(name)}: ${key} is set by the client, not by fields`);
    }
    for (const v of Array.isArray(value) ? value : [value]) add(key, v);
  }
  return `${lines.join('\r\n')}\r\n\r\n`;
}
