import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Hub, HubOptions } from '../../server/hub';
import { openPbxSecret } from '../../server/secrets/pbx-secret';
import { backends, dropTestSchemas, testHub } from '../support/backends';
import { signInAs } from '../support/client';
import { capturedPbx, until } from '../support/pbx';

const SECRET = 's3cret-ami';

for (const backend of backends()) {
  describe(`the PBX secret at rest on ${backend.name}`, { timeout: 60_000 }, () => {
    const pbx = capturedPbx('answered-call', { replay: false });
    const hubs: Hub[] = [];
    afterAll(async () => {
      for (const h of hubs) await h.close();
      await pbx.close();
      await dropTestSchemas();
    });

    it('is sealed before it is written, never answered, asked for again when the PBX login moves, and sealed at start if found in clear', async () => {
      const fresh = await backend.fresh();
      // On PostgreSQL every instance takes its key from RAPPORT_SECRET_KEY; SQLite keeps a file beside its database.
      const opts: HubOptions = backend.name === 'postgres' ? { ...fresh, secretKey: randomBytes(32).toString('hex') } : fresh;
      const start = async (more: Partial<HubOptions> = {}) => {
        const h = await testHub({ name: backend.name, fresh: async () => opts }, more);
        hubs.push(h);
        return h;
      };
      const port = await pbx.start();
      const hub = await start();
      if (backend.name === 'sqlite') expect(statSync(join(dirname(opts.sqlitePath!), 'secret.key')).mode & 0o777).toBe(0o600);
      const admin = (await signInAs(hub.url, 'admin.mcr')).client;
      const settings = { host: '127.0.0.1', port, username: 'rapport', interfaceTemplate: 'Local/{ext}@agents/n', dialContext: 'outbound' };
      const configured = await admin.put('/api/telephony/pbx', { ...settings, secret: SECRET });
      expect(configured.status).toBe(200);
      await until(() => hub.context.telephony?.connected, 'the hub logged in to the PBX');
      const stored = async () => (await hub.context.db.get<{ secret: string; host: string; port: number }>("SELECT secret, host, port FROM pbx_connections WHERE id = 'main'"))!;
      expect((await stored()).secret).toMatch(/^enc:v1:/);
      expect((await stored()).secret).not.toContain(SECRET);
      const view = await admin.get('/api/telephony/pbx');
      expect(view.body).toMatchObject({ hasSecret: true, host: '127.0.0.1' });
      expect(JSON.stringify(view.body)).not.toContain(SECRET);
      expect(JSON.stringify((await admin.get('/api/audit?entity=pbx')).body)).not.toContain(SECRET);

      // Moving the login elsewhere without the secret is refused, and nothing changes.
      for (const moved of [{ host: 'pbx.example.net' }, { port: port + 1 }, { username: 'someone-else' }]) {
        const res = await admin.put('/api/telephony/pbx', { ...settings, ...moved });
        expect(res.status, JSON.stringify(moved)).toBe(400);
        expect(res.body.error.code).toBe('secret_required');
        expect(res.body.error.problems[0].path).toBe('secret');
      }
      expect(await stored()).toMatchObject({ host: '127.0.0.1' });
      expect(Number((await stored()).port)).toBe(port);
      const tried = await admin.post('/api/telephony/pbx/test', { host: '127.0.0.1', port: port + 1, username: 'rapport' });
      expect(tried.status).toBe(400);
      // The same login keeps its secret without it being typed again.
      expect((await admin.put('/api/telephony/pbx', { ...settings, name: 'Main PBX, Manchester' })).status).toBe(200);
      expect(openPbxSecret(hub.context.secrets, (await stored()).secret)).toBe(SECRET);

      // A database written by an earlier version holds the secret in clear: the next start seals it.
      await hub.context.db.run("UPDATE pbx_connections SET secret = ? WHERE id = 'main'", [SECRET]);
      await hub.close();
      hubs.splice(hubs.indexOf(hub), 1);
      const logins = pbx.loginAttempts;
      const again = await start();
      const sealed = (await again.context.db.get<{ secret: string }>("SELECT secret FROM pbx_connections WHERE id = 'main'"))!.secret;
      expect(sealed).toMatch(/^enc:v1:/);
      expect(openPbxSecret(again.context.secrets, sealed)).toBe(SECRET);
      await until(() => again.context.telephony?.connected && pbx.loginAttempts > logins, 'the restarted hub logged in with the opened secret');
      const login = pbx.actions.filter((a) => a.get('Action') === 'Login').at(-1)!;
      expect(login.get('Secret')).toBe(SECRET);

      // Another key cannot open these secrets: the hub says so and does not start.
      const other = backend.name === 'postgres' ? { secretKey: randomBytes(32).toString('hex') } : { keyDir: join(dirname(opts.sqlitePath!), 'elsewhere') };
      await expect(start(other)).rejects.toThrow(/not the key that sealed this database's secrets/);
    });
  });
}
