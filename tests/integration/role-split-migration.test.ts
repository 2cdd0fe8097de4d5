import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from '../../server/db/migrate';
import { openStorage } from '../../server/hub';
import { backends, dropTestSchemas } from '../support/backends';

for (const backend of backends()) {
  describe(`the admin role splits on ${backend.name}`, () => {
    afterAll(dropTestSchemas);

    it('makes in-house admins organisation admins and partner admins site admins, knowledge audiences included', async () => {
      const { db, events } = await openStorage(await backend.fresh());
      try {
        await migrate(db, { before: '006' });
        await db.tx(async (q) => {
          await q.run(`INSERT INTO sites (id, name, kind, partner_name, city, created_at) VALUES
            ('site_in', 'Home', 'in_house', NULL, 'Manchester', 0), ('site_out', 'Partner', 'partner', 'BPO', 'Leeds', 0)`);
          const user = (id: string, role: string, site: string) =>
            q.run(`INSERT INTO users (id, username, display_name, role, site_id, password_hash, created_at, updated_at)
              VALUES (?, ?, ?, ?, ?, 'x', 0, 0)`, [id, id, id, role, site]);
          await user('in_admin', 'admin', 'site_in');
          await user('out_admin', 'admin', 'site_out');
          await user('out_sup', 'supervisor', 'site_out');
          await q.run(`INSERT INTO sessions (token_hash, user_id, created_at, expires_at, last_seen_at) VALUES ('t', 'out_admin', 0, 1, 0)`);
          await q.run(`INSERT INTO knowledge_articles (id, title, summary, body, line, category, tags, audience_roles, status, created_at, updated_at, change_seq)
            VALUES ('a1', 't', 's', 'b', 'all', 'c', '', 'supervisor,admin', 'published', 0, 0, 1), ('a2', 't', 's', 'b', 'all', 'c', '', 'advisor', 'published', 0, 0, 2)`);
        });
        const applied = await migrate(db);
        expect(applied).toContain('006_site_and_org_admins.sql');
        const roles = await db.all<{ id: string; role: string }>('SELECT id, role FROM users ORDER BY id');
        expect(roles).toEqual([
          { id: 'in_admin', role: 'org_admin' },
          { id: 'out_admin', role: 'site_admin' },
          { id: 'out_sup', role: 'supervisor' },
        ]);
        const audiences = await db.all<{ id: string; audience_roles: string }>('SELECT id, audience_roles FROM knowledge_articles ORDER BY id');
        expect(audiences.map((a) => a.audience_roles)).toEqual(['supervisor,site_admin,org_admin', 'advisor']);
        // The old role is gone for good, and the sessions still point at their users.
        await expect(db.run(`UPDATE users SET role = 'admin' WHERE id = 'out_sup'`)).rejects.toThrow();
        expect(await db.get('SELECT user_id FROM sessions WHERE token_hash = ?', ['t'])).toEqual({ user_id: 'out_admin' });
      } finally {
        await events.close();
        await db.close();
      }
    });
  });
}
