import { createServer, connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A real TCP hop between a desktop and its hub that can cut the line: when `cutWhen` sees a
 * request it returns true for, both sockets are destroyed mid-conversation. When `holdReplyWhen`
 * does, the request reaches the hub but its reply never comes back (the hub committed, the desktop
 * is left waiting).
 */
export async function tcpProxy(target: string, cutWhen: (requestHead: string) => boolean, holdReplyWhen: (requestHead: string) => boolean = () => false) {
  const { hostname, port } = new URL(target);
  const sockets = new Set<Socket>();
  const heads: string[] = [];
  const server = createServer((client) => {
    const upstream = connect(Number(port), hostname);
    sockets.add(client).add(upstream);
    let holding = false;
    client.on('data', (chunk) => {
      const text = chunk.toString('latin1');
      const head = /^(GET|POST|PUT|PATCH|DELETE) (\S+)/.exec(text);
      if (head) {
        heads.push(`${head[1]} ${head[2]}`);
        if (holdReplyWhen(`${head[1]} ${head[2]}`)) holding = true;
        if (cutWhen(`${head[1]} ${head[2]}`)) {
          client.destroy();
          upstream.destroy();
          return;
        }
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      if (!holding) client.write(chunk);
    });
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('close', close).on('error', close);
    upstream.on('close', close).on('error', close);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    heads,
    /** Drops every connection now (the line goes down); new ones still follow `cutWhen`. */
    dropAll: () => {
      for (const s of sockets) s.destroy();
      sockets.clear();
    },
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise<void>((r) => server.close(() => r()));
    },
  };
}
