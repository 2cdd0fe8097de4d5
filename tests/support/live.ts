import WebSocket from 'ws';

/** Connects to a hub's live events as a desktop core does, collecting every event it hears. */
export async function listen(hubUrl: string, token: string) {
  const ws = new WebSocket(hubUrl.replace(/^http/, 'ws') + '/api/live', { headers: { authorization: `Bearer ${token}` } });
  const events: { name: string; data: any }[] = [];
  const waiters: (() => void)[] = [];
  ws.on('message', (raw) => {
    const frame = JSON.parse(String(raw));
    if (frame.type === 'event') {
      events.push({ name: frame.name, data: frame.data });
      waiters.splice(0).forEach((w) => w());
    }
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('message', () => resolve()); // the hub says hello first
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`live upgrade refused: ${res.statusCode}`)));
  });
  return {
    events,
    ws,
    /** The first event of that name (and, if given, that `where` accepts) heard since connecting. */
    async next(name: string, timeoutMs = 5000, where: (data: any) => boolean = () => true) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const hit = events.find((e) => e.name === name && where(e.data));
        if (hit) return hit;
        if (Date.now() > deadline) throw new Error(`no ${name} event within ${timeoutMs} ms; heard ${events.map((e) => e.name).join(', ') || 'nothing'}`);
        await new Promise<void>((r) => {
          waiters.push(r);
          setTimeout(r, 100);
        });
      }
    },
    closed: () => new Promise<number>((r) => ws.once('close', (code) => r(code))),
    close: () => ws.close(),
  };
}
