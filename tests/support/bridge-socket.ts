import WebSocket from 'ws';

/** The page's side of browser mode: the bridge contract over the host's WebSocket, as the renderer speaks it. */
export async function bridgeSocket(pageUrl: string) {
  const base = new URL(pageUrl);
  const token = new URLSearchParams(base.hash.slice(1)).get('token')!;
  const ws = new WebSocket(`ws://127.0.0.1:${base.port}/bridge?token=${token}`, { origin: base.origin });
  const waiting = new Map<number, (result: unknown) => void>();
  ws.on('message', (raw) => {
    const frame = JSON.parse(String(raw)) as { id?: number; result?: unknown };
    if (typeof frame.id === 'number') waiting.get(frame.id)?.(frame.result);
  });
  ws.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('unexpected-response', (_req, res) => reject(new Error(`the bridge refused: ${res.statusCode}`)));
  });
  let next = 1;
  return {
    /** Sends a request; the promise settles with its result envelope, or never if the core dies first. */
    call: (name: string, args: unknown = {}) =>
      new Promise<{ ok: boolean; value?: any; error?: { code: string; message: string } }>((resolve) => {
        const id = next++;
        waiting.set(id, resolve as (r: unknown) => void);
        ws.send(JSON.stringify({ id, name, args }));
      }),
    close: () => ws.terminate(),
  };
}
