import type { Hub } from '../../server/hub';
import { AmiTestServer, type AmiTestServerOptions } from './ami-server';
import { signInAs } from './client';

export const amiFixture = (name: string) => new URL(`../fixtures/ami/${name}.server.txt`, import.meta.url);

/** A test Asterisk replaying one of the captures, with the credentials the hub is given. */
export function capturedPbx(name: string, more: Partial<AmiTestServerOptions> = {}): AmiTestServer {
  return new AmiTestServer({ transcript: amiFixture(name), username: 'rapport', secret: 's3cret-ami', ...more });
}

/** The admin points the hub at the test PBX, as through the admin's PBX page. */
export async function configurePbx(hub: Pick<Hub, 'url'>, port: number, more: Record<string, unknown> = {}) {
  const admin = await signInAs(hub.url, 'admin.mcr');
  const r = await admin.client.put('/api/telephony/pbx', {
    host: '127.0.0.1',
    port,
    username: 'rapport',
    secret: 's3cret-ami',
    interfaceTemplate: 'Local/{ext}@agents/n',
    dialContext: 'outbound',
    ...more,
  });
  if (r.status !== 200) throw new Error(`PBX configuration refused: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** Waits for a state, never for a time. */
export async function until<T>(probe: () => T | undefined | false | Promise<T | undefined | false>, what: string, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
