import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { CallView } from '../../shared/contract/calls';
import { DesktopCore } from './core';
import { coreHandlers } from './handlers';
import { planCti, startCti } from './cti-setup';
import { defaultDataDir } from './paths';
import { fileVault, memoryVault } from './session-vault';
import { policyPath, readPolicy, resolveDeployment, softphonePlan } from './deployment';
import { openDesktopLog } from './log';
import { servePort, type FramePort } from './port-bridge';
import { DesktopSetup } from './setup';

/**
 * The core inside Electron's utilityProcess. It imports nothing from `electron`: the parent port
 * is a property of this process, and main sends the MessagePort to the window over it.
 */
interface ParentPort {
  on(event: 'message', listener: (e: { data: { type: string; key?: string; notice?: string; number?: string; electron?: string; state?: string; channel?: string; workerTakesKnowledge?: boolean }; ports: PortLike[] }) => void): void;
  postMessage(message: unknown): void;
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

/** Main shows the native notification and the badge; the core only says when. */
function tellMainAboutCalls(c: DesktopCore): void {
  const notified = new Set<string>();
  let agentState: string | null = null;
  // Main keeps the window in the tray while someone is signed in, and shows their status there.
  const tellDesk = () => parentPort!.postMessage({ type: 'desk', signedIn: c.sessionState.signedIn, agentState });
  c.onPush((frame) => {
    if (frame.push === 'session.changed') tellDesk();
    if (frame.push === 'agent.state') {
      agentState = (frame.data as { state?: string }).state ?? null;
      tellDesk();
    }
    if (frame.push !== 'call.changed') return;
    const view = frame.data as CallView | null;
    const ringing = view?.call.phase === 'offered' ? 1 : 0;
    parentPort!.postMessage({ type: 'ringing', ringing });
    if (view && ringing && !notified.has(view.call.callId)) {
      notified.add(view.call.callId);
      parentPort!.postMessage({ type: 'call-offered', caller: view.caller, name: view.card?.customer.name ?? null });
    }
  });
}
const dataDir = join(defaultDataDir(), 'desktop');
// IT's policy file, then RAPPORT_HUB_URL, then the address a person entered on the first-run screen.
const deployment = resolveDeployment({ policy: readPolicy(policyPath()), env: process.env, dataDir });
const softphone = softphonePlan(deployment.policy, process.env);
const log = openDesktopLog(dataDir);
process.on('uncaughtException', (err) => log.error({ err }, 'uncaught exception in the core'));
process.on('unhandledRejection', (err) => log.error({ err }, 'unhandled rejection in the core'));
let electronVersion: string | undefined;

parentPort.on('message', (e) => {
  if (e.data.type === 'vault-key' && !core) {
    // No key means no OS keychain: the sign-in is kept in memory only, never in plain text on disk.
    const vault = e.data.key ? fileVault(join(dataDir, 'session.bin'), aesCodec(e.data.key)) : memoryVault();
    // Rapport 0.1.0 kept the session in plain text when there was no keychain: that file goes now.
    if (!e.data.key) rmSync(join(dataDir, 'session.json'), { force: true });
    const cti = planCti(dataDir, { ...process.env, RAPPORT_CTI_PORT: String(softphone.port) });
    const setup = new DesktopSetup({ dataDir, deployment, sessionKeeping: e.data.key ? 'encrypted' : 'process-only', sessionNotice: e.data.notice ?? null });
    electronVersion = e.data.electron;
    const started = new DesktopCore({ dataDir, hubUrl: deployment.hubUrl ?? '', vault, ctiUrl: softphone.listen ? cti.url : null, setup, log });
    core = started;
    tellMainAboutCalls(started);
    log.info({ hub: deployment.hubUrl, hubSource: deployment.hubSource, policyProblem: deployment.policyProblem, sessionKeeping: setup.status.sessionKeeping }, 'core started');
    void started
      .start()
      .catch((err: unknown) => log.error({ err }, 'could not restore the saved session'))
      .then(() => (softphone.listen ? startCti(started, cti) : null))
      .then((url) => url && started.setCtiUrl(url))
      .catch((err: unknown) => log.error({ err }, 'the softphone webhook did not start'));
    return;
  }
  if (e.data.type === 'presence' && core && e.data.state) {
    // The screen locked or the computer went to sleep: the advisor is not there to take a call.
    void core.awayFromDesk(e.data.state).catch((err: unknown) => log.warn({ err }, 'could not set Not ready'));
    return;
  }
  if (e.data.type === 'dial' && core && e.data.number) {
    // A tel: link in the window: click-to-dial from the advisor's own extension, through the hub.
    void core.hub.post('/api/telephony/dial', { number: e.data.number }).catch((err: unknown) => log.warn({ err }, 'dial failed'));
    return;
  }
  const port = e.ports[0];
  if (e.data.type !== 'port' || !port || !core) return;
  // The window's bridge, or (channel: 'knowledge') its search worker's own port for bulk knowledge.
  const kind = { knowledgeChannel: e.data.channel === 'knowledge', workerTakesKnowledge: e.data.workerTakesKnowledge === true };
  const framePort: FramePort = {
    postMessage: (frame) => port.postMessage(frame),
    onMessage: (cb) => port.on('message', (msg) => cb(msg.data)),
    onClose: (cb) => port.on('close', cb),
    start: () => port.start(),
  };
  servePort(framePort, core, coreHandlers(core, { dataDir, electron: electronVersion }), kind, log);
});
