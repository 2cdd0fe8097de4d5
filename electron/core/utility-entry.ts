import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { DesktopCore } from './core';
import { coreHandlers } from './handlers';
import { planCti, startCti } from './cti-setup';
import { defaultDataDir } from './paths';
import { route } from './router';
import { fileVault } from './session-vault';

/**
 * The core inside Electron's utilityProcess. It imports nothing from `electron`: the parent port
 * is a property of this process, and main sends the MessagePort to the window over it.
 */
interface ParentPort {
  on(event: 'message', listener: (e: { data: { type: string; key?: string }; ports: PortLike[] }) => void): void;
}
interface PortLike {
  on(event: 'message', listener: (e: { data: unknown }) => void): void;
  on(event: 'close', listener: () => void): void;
  postMessage(data: unknown): void;
  start(): void;
}

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
if (!parentPort) throw new Error('utility-entry runs only inside an Electron utilityProcess');

function aesCodec(keyBase64: string) {
  const key = Buffer.from(keyBase64, 'base64');
  return {
    encode(text: string): Buffer {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(text, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]);
    },
    decode(buf: Buffer): string {
      const d = createDecipheriv('aes-256-gcm', key, buf.subarray(0, 12));
      d.setAuthTag(buf.subarray(12, 28));
      return Buffer.concat([d.update(buf.subarray(28)), d.final()]).toString('utf8');
    },
  };
}

let core: DesktopCore | null = null;
const dataDir = join(defaultDataDir(), 'desktop');
const hubUrl = (process.env.RAPPORT_HUB_URL ?? 'http://127.0.0.1:5782').replace(/\/$/, '');

parentPort.on('message', (e) => {
  if (e.data.type === 'vault-key' && !core) {
    const vault = e.data.key ? fileVault(join(dataDir, 'session.bin'), aesCodec(e.data.key)) : fileVault(join(dataDir, 'session.json'));
    const cti = planCti(dataDir);
    const started = new DesktopCore({ dataDir, hubUrl, vault, ctiUrl: cti.url });
    core = started;
    void started.start().then(() => startCti(started, cti)).then((url) => url && started.setCtiUrl(url));
    return;
  }
  const port = e.ports[0];
  if (e.data.type !== 'port' || !port || !core) return;
  const handlers = coreHandlers(core);
  const unsubscribe = core.onPush((frame) => port.postMessage(frame));
  port.on('close', unsubscribe); // a reloaded window gets a new port; the old one stops hearing
  port.on('message', (msg) => void route(handlers, msg.data).then((reply) => reply && port.postMessage(reply)));
  port.start();
  port.postMessage({ push: 'session.changed', data: core.sessionState });
  port.postMessage({ push: 'connection.changed', data: core.connection });
});
