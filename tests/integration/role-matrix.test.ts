import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../shared/roles';
import type { Hub } from '../../server/hub';
import { allows } from '../../server/http/router';
import { routes } from '../../server/routes';
import { backends, dropTestSchemas, testHub } from '../support/backends';
import { hubClient, signInAs } from '../support/client';

const demoUser: Record<Role, string> = { advisor: 'advisor1.mcr', supervisor: 'supervisor.mcr', admin: 'admin.mcr' };

for (const backend of backends()) {
  describe(`role matrix on ${backend.name}: every route, every role and nobody`, () => {
    let hub: Hub;
    const tokens = new Map<Role, string>();
    beforeAll(async () => {
      hub = await testHub(backend);
      for (const role of ROLES) tokens.set(role, (await signInAs(hub.url, demoUser[role])).token);
    });
    afterAll(async () => {
      await hub.close();
      await dropTestSchemas();
    });

    it('covers at least the routes of the foundation', () => {
      expect(routes.length).toBeGreaterThanOrEqual(25);
    });

    for (const r of routes) {
      const path = r.path.replace(/:[a-zA-Z]+/g, 'no-such-id');
      it(`${r.method} ${r.path} (${Array.isArray(r.access) ? r.access.join('/') : r.access})`, async () => {
        const anonymous = await hubClient(hub.url).call(r.method, path, r.method === 'GET' ? undefined : {});
        if (r.access === 'public') expect(anonymous.status).not.toBe(401);
        else expect(anonymous.status, 'nobody signed in').toBe(401);

        for (const role of ROLES) {
          const res = await hubClient(hub.url, tokens.get(role)).call(r.method, path, r.method === 'GET' ? undefined : {});
          if (allows(r.access, role)) {
            expect([401, 403], `${role} is allowed`).not.toContain(res.status);
            expect(res.status, `${role}: ${JSON.stringify(res.body)}`).toBeLessThan(500);
          } else {
            expect(res.status, `${role} is not allowed`).toBe(403);
          }
          // A route that ends the session (sign-out) must not spoil the next checks.
          const still = await hubClient(hub.url, tokens.get(role)).get('/api/session');
          if (still.status === 401) tokens.set(role, (await signInAs(hub.url, demoUser[role])).token);
        }
      });
    }
  });
}
