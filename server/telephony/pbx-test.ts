import { AmiClient, type AmiStateChange } from './ami/client';
import type { PbxConfig } from './ami-gateway';

export interface PbxTestResult {
  ok: boolean;
  /** What happened, in words an admin can act on. */
  message: string;
  cause: AmiStateChange['cause'] | null;
  /** The banner the PBX announced itself with, when it answered at all. */
  milliseconds: number;
}

/**
 * One login with the given settings on a connection of its own, then Logoff: it proves the host,
 * port, user and secret without touching the hub's live link.
 */
export async function testPbxConnection(config: Pick<PbxConfig, 'host' | 'port' | 'username' | 'secret'>, timeoutMs = 5_000): Promise<PbxTestResult> {
  const started = Date.now();
  const client = new AmiClient({ ...config, handshakeTimeoutMs: timeoutMs, pingMs: 0, events: [] });
  let last: AmiStateChange | undefined;
  client.on('state', (s) => (last = s));
  client.on('problem', () => undefined);
  try {
    await client.start();
    return { ok: true, message: `Logged in to ${config.host}:${config.port} as ${config.username}.`, cause: null, milliseconds: Date.now() - started };
  } catch (err) {
    const cause = last?.cause ?? null;
    const message =
      cause === 'login_refused'
        ? `The PBX refused the login: ${last?.reason ?? 'check the user and secret in manager.conf'}.`
        : cause === 'shutting_down'
          ? 'The PBX is shutting down; try again in a few seconds.'
          : `No AMI answer from ${config.host}:${config.port}: ${last?.reason ?? (err as Error).message}.`;
    return { ok: false, message, cause, milliseconds: Date.now() - started };
  } finally {
    client.stop();
  }
}
