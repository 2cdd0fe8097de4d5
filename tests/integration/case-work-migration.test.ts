import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from '../../server/db/migrate';
import { openStorage } from '../../server/hub';
import { backends, dropTestSchemas } from '../support/backends';

for (const backend of backends()) {
  describe(`cases gain four statuses and note revisions on ${backend.name}`, () => {
    afterAll(dropTestSchemas);

    it('turns "pending" into "waiting", gives every note its first revision and site, and marks the death codes', async () => {
      const { db, events } = await openStorage(await backend.fresh());
      try {
        await migrate(db, { before: '012' });
        await db.tx(async (q) => {
          await q.run(`INSERT INTO sites (id, name, kind, partner_name, city, created_at) VALUES ('s1', 'Home', 'in_house', NULL, 'Manchester', 0),
            ('s2', 'Partner', 'partner', 'BPO', 'Leeds', 0)`);
          await q.run(`INSERT INTO users (id, username, display_name, role, site_id, password_hash, created_at, updated_at)
            VALUES ('u2', 'u2', 'Dan', 'advisor', 's2', 'x', 0, 0)`);
          await q.run(`INSERT INTO wrapup_codes (id, line, label, position) VALUES ('mem-deceased', 'membership', 'Member has died', 1), ('mem-join', 'membership', 'Joining', 2)`);
          await q.run(`INSERT INTO cases (id, reference, channel, line, status, subject, site_id, opened_at, updated_at) VALUES
            ('c1', 'RP-1', 'phone', 'membership', 'pending', 'Waiting for a certificate', 's1', 0, 0),
            ('c2', 'RP-2', 'phone', 'membership', 'closed', 'Done', 's1', 0, 0)`);
          await q.run(`INSERT INTO case_notes (id, case_id, author_id, body, created_at) VALUES ('n1', 'c1', 'u2', 'Rang from Leeds', 5), ('n2', 'c2', NULL, 'System note', 6)`);
        });
        expect(await migrate(db)).toContain('012_case_work.sql');
        expect(await db.all('SELECT id, status FROM cases ORDER BY id')).toEqual([
          { id: 'c1', status: 'waiting' },
          { id: 'c2', status: 'closed' },
        ]);
        await expect(db.run(`UPDATE cases SET status = 'pending' WHERE id = 'c1'`)).rejects.toThrow();
        await db.run(`UPDATE cases SET status = 'resolved' WHERE id = 'c1'`);
        const notes = await db.all<{ id: string; site_id: string | null; revision: number }>('SELECT id, site_id, revision FROM case_notes ORDER BY id');
        expect(notes.map((n) => [n.id, n.site_id, Number(n.revision)])).toEqual([
          ['n1', 's2', 1],
          ['n2', 's1', 1],
        ]);
        const revisions = await db.all<{ note_id: string; body: string; written_at: number }>('SELECT note_id, body, written_at FROM case_note_revisions ORDER BY note_id');
        expect(revisions.map((r) => [r.note_id, r.body, Number(r.written_at)])).toEqual([
          ['n1', 'Rang from Leeds', 5],
          ['n2', 'System note', 6],
        ]);
        const codes = await db.all<{ id: string; means_death: number }>('SELECT id, means_death FROM wrapup_codes ORDER BY id');
        expect(codes.map((c) => [c.id, Number(c.means_death)])).toEqual([
          ['mem-deceased', 1],
          ['mem-join', 0],
        ]);
        expect(Number((await db.get<{ n: number }>("SELECT COUNT(*) AS n FROM note_templates WHERE body LIKE '%{reference}%'"))!.n)).toBeGreaterThanOrEqual(2);
      } finally {
        await events.close();
        await db.close();
      }
    });
  });
}
