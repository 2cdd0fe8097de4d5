/**
 * The desktops of the propagation benchmark, in a process of their own: each holds its own
 * session's live link to a hub and a cursor, and does what the desktop core does with
 * `knowledge.changed`: applies a change that follows its cursor, or reads the feed from its cursor.
 * Driven by its parent over IPC; stops by itself when the parent goes.
 */
import WebSocket from 'ws';
import { Backoff } from '../../shared/retry';

/** A link the loaded hub turned away (a reset, a timeout) is tried again, as the desktop core would. */
const OPEN_TRIES = 6;

interface Desktop {
  ws: WebSocket;
  token: string;
  hubUrl: string;
  cursor: number;
}

type Command =
  | { kind: 'open'; hubUrls: string[]; tokens: string[]; cursor: number }
  | { kind: 'arm'; seq: number }
  | { kind: 'close' };

const desktops: Desktop[] = [];
let waitingFor = -1;
let arrivals: number[] = [];
let fromFeed = 0;
let cpuAtArm = process.cpuUsage();
let armedAt = 0;
/** Links that needed more than one try (a sign the hub or this machine is saturated). */
let retried = 0;

const send = (msg: unknown) => process.send?.(msg);

async function readFeed(d: Desktop): Promise<void> {
  for (;;) {
    const res = await fetch(`${d.hubUrl}/api/knowledge/changes?after=${d.cursor}&limit=200`, { headers: { authorization: `Bearer ${d.token}` } });
    const page = (await res.json()) as { cursor: number; more: boolean };
    d.cursor = page.cursor;
    if (!page.more) return;
  }
}

function arrived(d: Desktop, seq: number): void {
  if (seq !== waitingFor) return;
  arrivals.push(Date.now());
  if (arrivals.length === desktops.length) {
    const cpu = process.cpuUsage(cpuAtArm);
    send({ kind: 'arrived', times: arrivals, fromFeed, cpuMs: (cpu.user + cpu.system) / 1000, wallMs: Date.now() - armedAt });
  }
}

function onFrame(d: Desktop, raw: WebSocket.RawData): void {
  const frame = JSON.parse(String(raw)) as { type?: string; name?: string; data?: { seq?: number; change?: { seq: number } } };
  if (frame.type !== 'event' || frame.name !== 'knowledge.changed' || typeof frame.data?.seq !== 'number') return;
  const { seq, change } = frame.data;
  if (seq <= d.cursor) return;
  if (change && seq === d.cursor + 1) {
    d.cursor = seq;
    arrived(d, seq);
    return;
  }
  fromFeed++;
  void readFeed(d).then(
    () => arrived(d, seq),
    (err: Error) => send({ kind: 'error', message: err.message }),
  );
}

function openOnce(hubUrl: string, token: string, cursor: number): Promise<Desktop> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${hubUrl.replace(/^http/, 'ws')}/api/live`, { headers: { authorization: `Bearer ${token}` }, perMessageDeflate: false });
    const d: Desktop = { ws, token, hubUrl, cursor };
    ws.once('message', () => {
      ws.on('message', (raw) => onFrame(d, raw));
      resolve(d);
    });
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`live link refused: ${res.statusCode}`)));
  });
}

async function open(hubUrl: string, token: string, cursor: number): Promise<Desktop> {
  const backoff = new Backoff({ minMs: 250, maxMs: 5_000 });
  for (;;) {
    try {
      return await openOnce(hubUrl, token, cursor);
    } catch (err) {
      if (backoff.failures + 1 >= OPEN_TRIES) throw new Error(`a live link failed ${OPEN_TRIES} times: ${(err as Error).message}`);
      retried++;
      await new Promise((r) => setTimeout(r, backoff.next()));
    }
  }
}

process.on('message', (cmd: Command) => {
  void (async () => {
    if (cmd.kind === 'open') {
      for (let i = 0; i < cmd.tokens.length; i += 200) {
        const batch = cmd.tokens.slice(i, i + 200).map((t, j) => open(cmd.hubUrls[(i + j) % cmd.hubUrls.length]!, t, cmd.cursor));
        desktops.push(...(await Promise.all(batch)));
        if (desktops.length % 2_000 < 200) send({ kind: 'progress', count: desktops.length, of: cmd.tokens.length });
      }
      send({ kind: 'open', count: desktops.length, retried });
    } else if (cmd.kind === 'arm') {
      waitingFor = cmd.seq;
      arrivals = [];
      fromFeed = 0;
      cpuAtArm = process.cpuUsage();
      armedAt = Date.now();
      send({ kind: 'armed' });
    } else {
      for (const d of desktops) d.ws.terminate();
      process.exit(0);
    }
  })().catch((err: Error) => send({ kind: 'error', message: err.message }));
});
process.on('disconnect', () => process.exit(0));
