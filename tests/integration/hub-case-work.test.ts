import { describe, expect, it } from 'vitest';
import { backends } from '../support/backends';
import { signInAs } from '../support/client';
import { hubPerSuite } from '../support/hub-per-suite';

const HOUR = 60 * 60 * 1000;

for (const backend of backends()) {
  describe(`notes are append-only with revisions on ${backend.name}`, () => {
    const hub = hubPerSuite(backend);

    it('keeps every revision of an edited note, shows it as edited with its first written time and site, and masks card numbers', async () => {
      const { client } = await signInAs(hub().url, 'advisor1.lds');
      const opened = await client.post('/api/cases', { customerId: 'cus_000003', channel: 'phone', line: 'membership', subject: 'Points missing' });
      const caseId = opened.body.case.id as string;
      const written = Date.now() - HOUR;
      const added = await client.post(`/api/cases/${caseId}/notes`, { body: 'Customer says 200 points missing.', idempotencyKey: 'first-note-1', writtenAt: written });
      expect(added.status).toBe(201);
      const note = added.body.notes[0];
      expect(note).toMatchObject({ revision: 1, editedAt: null, createdAt: written, siteName: 'Leeds (Northpoint Contact)' });

      const edit = await client.post(`/api/cases/${caseId}/notes/${note.id}/revisions`, {
        body: 'Customer says 250 points missing; paid with 4111 1111 1111 1111.',
        idempotencyKey: 'edit-note-1',
      });
      expect(edit.status, JSON.stringify(edit.body)).toBe(201);
      const after = (await client.get(`/api/cases/${caseId}`)).body.notes[0];
      expect(after).toMatchObject({ id: note.id, revision: 2, createdAt: written, siteName: 'Leeds (Northpoint Contact)' });
      expect(after.body).toContain('411111••••••1111');
      expect(after.editedAt).toBeGreaterThanOrEqual(written);

      const revisions = (await client.get(`/api/cases/${caseId}/notes/${note.id}/revisions`)).body.revisions;
      expect(revisions.map((r: { revision: number }) => r.revision)).toEqual([2, 1]);
      expect(revisions[1]).toMatchObject({ body: 'Customer says 200 points missing.', writtenAt: written, authorName: 'Dan Okafor' });
      const stored = await hub().context.db.all<{ body: string }>('SELECT body FROM case_note_revisions WHERE note_id = ? ORDER BY revision', [note.id]);
      expect(stored.map((r) => r.body)).toEqual(['Customer says 200 points missing.', expect.stringContaining('411111••••••1111')]);
      expect(stored[1]!.body).not.toContain('4111 1111 1111 1111');

      // A resent edit is the same edit; its key on another note is a mistake.
      const again = await client.post(`/api/cases/${caseId}/notes/${note.id}/revisions`, { body: 'Something else entirely.', idempotencyKey: 'edit-note-1' });
      expect(again.status).toBe(200);
      expect(again.body.outcome).toBe('replayed');
      expect((await client.get(`/api/cases/${caseId}/notes/${note.id}/revisions`)).body.revisions).toHaveLength(2);
      const other = await client.post(`/api/cases/${caseId}/notes`, { body: 'Second note.' });
      const otherId = other.body.notes.find((n: { body: string }) => n.body === 'Second note.').id;
      expect((await client.post(`/api/cases/${caseId}/notes/${otherId}/revisions`, { body: 'x', idempotencyKey: 'edit-note-1' })).status).toBe(409);

      // Only the person who wrote it edits it, even at their own site; everyone may read its history.
      const colleague = await signInAs(hub().url, 'advisor2.lds');
      const refused = await colleague.client.post(`/api/cases/${caseId}/notes/${note.id}/revisions`, { body: 'Not mine to change.' });
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('not_your_note');
      const mcr = await signInAs(hub().url, 'advisor1.mcr');
      expect((await mcr.client.get(`/api/cases/${caseId}/notes/${note.id}/revisions`)).body.revisions).toHaveLength(2);
      expect((await client.post(`/api/cases/${caseId}/notes/${note.id}/revisions`, { body: '' })).status).toBe(400);
      expect((await client.get(`/api/cases/${caseId}/notes/note_missing/revisions`)).status).toBe(404);
      const audits = await hub().context.db.get<{ n: number }>("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'case.note_edited' AND entity_id = ?", [caseId]);
      expect(Number(audits!.n)).toBe(1);
    });

    it('numbers edits made at once without losing any, and a cross-site note keeps the site it was written at', async () => {
      const leeds = await signInAs(hub().url, 'advisor3.lds');
      const mcr = await signInAs(hub().url, 'advisor3.mcr');
      const opened = await mcr.client.post('/api/cases', { channel: 'phone', line: 'food', subject: 'Mouldy bread' });
      const caseId = opened.body.case.id as string;
      const added = await leeds.client.post(`/api/cases/${caseId}/notes`, { body: 'Rang Leeds back about the bread.' });
      expect(added.status).toBe(201);
      const note = added.body.notes[0];
      expect(note.siteName).toBe('Leeds (Northpoint Contact)');
      const edits = await Promise.all(
        Array.from({ length: 6 }, (_, i) => leeds.client.post(`/api/cases/${caseId}/notes/${note.id}/revisions`, { body: `Edit number ${i + 1}.` })),
      );
      expect(edits.map((e) => e.status)).toEqual(Array(6).fill(201));
      const revisions = (await leeds.client.get(`/api/cases/${caseId}/notes/${note.id}/revisions`)).body.revisions as { revision: number; body: string }[];
      expect(revisions.map((r) => r.revision)).toEqual([7, 6, 5, 4, 3, 2, 1]);
      expect(new Set(revisions.map((r) => r.body)).size).toBe(7);
      const latest = (await mcr.client.get(`/api/cases/${caseId}`)).body.notes[0];
      expect(latest.body).toBe(revisions[0]!.body);
      expect(latest.revision).toBe(7);
    });
  });
}

for (const backend of backends()) {
  describe(`case status by the rules, per role, on ${backend.name}`, () => {
    const hub = hubPerSuite(backend);

    it('resolves with a wrap-up code, reopens with a reason, closes only for the owner or a supervisor of the site', async () => {
      const owner = (await signInAs(hub().url, 'advisor1.mcr')).client;
      const colleague = (await signInAs(hub().url, 'advisor2.mcr')).client;
      const supervisor = (await signInAs(hub().url, 'supervisor.mcr')).client;
      const leedsSupervisor = (await signInAs(hub().url, 'supervisor.lds')).client;
      const opened = await owner.post('/api/cases', { customerId: 'cus_000004', channel: 'email', line: 'food', subject: 'Wrong item delivered' });
      const id = opened.body.case.id as string;
      const patch = (c: typeof owner, change: unknown) => c.patch(`/api/cases/${id}`, change);

      // An old desktop's "pending" is "waiting" now.
      const waiting = await patch(owner, { status: 'pending' });
      expect(waiting.status).toBe(200);
      expect(waiting.body.case.status).toBe('waiting');
      const noCode = await patch(colleague, { status: 'resolved' });
      expect(noCode.status).toBe(400);
      expect(noCode.body.error.code).toBe('wrapup_needed');
      const resolved = await patch(colleague, { status: 'resolved', wrapupCode: 'food-delivery', outcome: 'Replacement sent' });
      expect(resolved.status).toBe(200);
      expect(resolved.body.case).toMatchObject({ status: 'resolved', wrapupLabel: 'Delivery problem', outcome: 'Replacement sent', closedAt: null });
      expect(resolved.body.case.resolvedAt).toBeGreaterThan(0);

      const noReason = await patch(colleague, { status: 'open' });
      expect(noReason.status).toBe(400);
      expect(noReason.body.error.code).toBe('reason_needed');
      expect((await patch(colleague, { status: 'open', reason: 'Replacement also wrong' })).status).toBe(200);
      expect((await patch(colleague, { status: 'resolved' })).status).toBe(200);

      // Not the colleague's case to close; the supervisor of the site closes it.
      const notOwner = await patch(colleague, { status: 'closed' });
      expect(notOwner.status).toBe(403);
      expect(notOwner.body.error.code).toBe('close_needs_supervisor');
      const otherSite = await patch(leedsSupervisor, { status: 'closed' });
      expect(otherSite.status).toBe(403);
      expect(otherSite.body.error.code).toBe('other_site');
      const closed = await patch(supervisor, { status: 'closed' });
      expect(closed.status).toBe(200);
      expect(closed.body.case.closedAt).toBeGreaterThan(0);

      // Closed is closed: changes wait for a reopening, which only a supervisor of the site makes.
      expect((await patch(owner, { subject: 'Renamed after closing' })).status).toBe(409);
      expect((await patch(owner, { status: 'closed', wrapupCode: 'food-delivery' })).status).toBe(200); // a resend changes nothing
      const ownerReopens = await patch(owner, { status: 'open', reason: 'Customer rang again' });
      expect(ownerReopens.status).toBe(403);
      expect(ownerReopens.body.error.code).toBe('reopen_needs_supervisor');
      expect((await patch(supervisor, { status: 'open' })).body.error.code).toBe('reason_needed');
      const reopened = await patch(supervisor, { status: 'open', reason: 'Customer rang again' });
      expect(reopened.status).toBe(200);
      expect(reopened.body.case).toMatchObject({ status: 'open', closedAt: null, resolvedAt: null });

      const history = (await owner.get(`/api/cases/${id}`)).body.changes as { from: string; to: string; reason: string | null; actorName: string }[];
      expect(history.map((h) => `${h.from}>${h.to}`)).toEqual(['open>waiting', 'waiting>resolved', 'resolved>open', 'open>resolved', 'resolved>closed', 'closed>open']);
      expect(history[5]).toMatchObject({ reason: 'Customer rang again', actorName: 'Priya Shah' });
      const reopenings = await hub().context.db.all<{ detail: string }>("SELECT detail FROM audit_log WHERE action = 'case.reopened' AND entity_id = ?", [id]);
      expect(reopenings.map((a) => JSON.parse(a.detail).reason)).toEqual(['Replacement also wrong', 'Customer rang again']);

      // The owner closes their own case (as at the end of their call).
      expect((await patch(owner, { status: 'closed', wrapupCode: 'food-refund' })).status).toBe(200);
      expect((await patch(owner, { status: 'archived' })).status).toBe(400);
    });
  });
}

for (const backend of backends()) {
  describe(`wrap-up codes, note templates and follow-ups on ${backend.name}`, () => {
    const hub = hubPerSuite(backend);

    it('lets an organisation admin keep each line’s wrap-up codes, each saying whether it means a death', async () => {
      const admin = (await signInAs(hub().url, 'head.mcr')).client;
      const advisor = (await signInAs(hub().url, 'advisor1.gla')).client;
      const codes = (await advisor.get('/api/wrapup-codes')).body.codes as { id: string; meansDeath: boolean; line: string; label: string }[];
      expect(codes.find((c) => c.id === 'fc-first-call')?.meansDeath).toBe(true);
      expect(codes.find((c) => c.id === 'mem-deceased')?.meansDeath).toBe(true);
      expect(codes.find((c) => c.id === 'fc-plan')?.meansDeath).toBe(false);

      // A case wrapped up with a code that then leaves the list keeps its label.
      const opened = await advisor.post('/api/cases', { channel: 'phone', line: 'funeralcare', subject: 'Plan question' });
      await advisor.patch(`/api/cases/${opened.body.case.id}`, { wrapupCode: 'fc-plan' });

      const funeral = codes.filter((c) => c.line === 'funeralcare' && c.id !== 'fc-plan');
      const list = [
        ...funeral.map((c) => ({ id: c.id, label: c.id === 'fc-arrangements' ? 'Funeral arranged' : c.label, meansDeath: c.meansDeath })),
        { label: 'Death notified by a relative', meansDeath: true },
      ];
      expect((await advisor.put('/api/wrapup-codes/funeralcare', { codes: list })).status).toBe(403);
      expect((await (await signInAs(hub().url, 'admin.lds')).client.put('/api/wrapup-codes/funeralcare', { codes: list })).status).toBe(403);
      const twice = await admin.put('/api/wrapup-codes/funeralcare', { codes: [...list, { label: 'funeral ARRANGED ' }] });
      expect(twice.status).toBe(400);
      expect(JSON.stringify(twice.body)).toContain('twice');
      expect((await admin.put('/api/wrapup-codes/bakery', { codes: list })).status).toBe(400);
      expect((await admin.put('/api/wrapup-codes/funeralcare', { codes: [{ id: 'food-refund', label: 'Stolen' }] })).status).toBe(400);

      const saved = await admin.put('/api/wrapup-codes/funeralcare', { codes: list });
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      const now = (await advisor.get('/api/wrapup-codes')).body.codes as typeof codes;
      const line = now.filter((c) => c.line === 'funeralcare');
      expect(line.map((c) => c.label)).toEqual(list.map((c) => c.label));
      expect(line.at(-1)).toMatchObject({ meansDeath: true, id: 'funeralcare-death-notified-by-a-relative' });
      expect(now.some((c) => c.id === 'fc-plan')).toBe(false);
      const all = (await advisor.get('/api/wrapup-codes?includeRetired=true')).body.codes as (typeof codes[number] & { retired: boolean })[];
      expect(all.find((c) => c.id === 'fc-plan')?.retired).toBe(true);
      const kept = (await advisor.get(`/api/cases/${opened.body.case.id}`)).body.case;
      expect(kept).toMatchObject({ wrapupCode: 'fc-plan', wrapupLabel: 'Funeral plan enquiry' });
      const other = await advisor.post('/api/cases', { channel: 'phone', line: 'funeralcare', subject: 'Another plan question' });
      const retired = await advisor.patch(`/api/cases/${other.body.case.id}`, { wrapupCode: 'fc-plan' });
      expect(retired.status).toBe(400);
      const death = await advisor.patch(`/api/cases/${other.body.case.id}`, { wrapupCode: 'funeralcare-death-notified-by-a-relative' });
      expect(death.body.case).toMatchObject({ wrapupMeansDeath: true, wrapupLabel: 'Death notified by a relative' });
      const audit = await hub().context.db.get<{ n: number }>("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'wrapup.codes_changed'");
      expect(Number(audit!.n)).toBe(1);
    });

    it('keeps note templates per line for an organisation admin to edit', async () => {
      const admin = (await signInAs(hub().url, 'admin.mcr')).client;
      const advisor = (await signInAs(hub().url, 'advisor2.gla')).client;
      const templates = (await advisor.get('/api/note-templates')).body.templates as { id: string; line: string; title: string; body: string }[];
      const bereavement = templates.find((t) => t.line === 'funeralcare' && t.title === 'Bereavement notification');
      expect(bereavement?.body).toContain('{reference}');
      const membership = templates.filter((t) => t.line === 'membership');
      const next = [...membership.map(({ id, title, body }) => ({ id, title, body })), { title: 'Card replaced', body: 'New card sent to {postcode}.' }];
      expect((await advisor.put('/api/note-templates/membership', { templates: next })).status).toBe(403);
      // A site's own admin keeps their site's people, not the organisation's lists.
      expect((await (await signInAs(hub().url, 'admin.lds')).client.put('/api/note-templates/membership', { templates: next })).status).toBe(403);
      const saved = await admin.put('/api/note-templates/membership', { templates: next });
      expect(saved.status).toBe(200);
      expect(saved.body.templates.map((t: { title: string }) => t.title)).toEqual([...membership.map((t) => t.title), 'Card replaced']);
      expect(saved.body.templates[0].id).toBe(membership[0]!.id);
      expect((await advisor.get('/api/note-templates')).body.templates.filter((t: { line: string }) => t.line === 'funeralcare')).toEqual(
        templates.filter((t) => t.line === 'funeralcare'),
      );
    });

    it('gives follow-ups a due time and an assignee, lists what is due overdue first, and lets the right people mark them done', async () => {
      const me = await signInAs(hub().url, 'advisor1.gla');
      const colleague = await signInAs(hub().url, 'advisor2.gla');
      const supervisor = (await signInAs(hub().url, 'supervisor.gla')).client;
      const leeds = (await signInAs(hub().url, 'advisor1.lds')).client;
      const opened = await me.client.post('/api/cases', { customerId: 'cus_000005', channel: 'phone', line: 'food', subject: 'Refund not received' });
      const caseId = opened.body.case.id as string;
      const now = Date.now();
      const later = await me.client.post(`/api/cases/${caseId}/tasks`, { title: 'Check the refund has landed', dueAt: now + 48 * HOUR, idempotencyKey: 'task-key-1' });
      expect(later.status, JSON.stringify(later.body)).toBe(201);
      expect(later.body.tasks[0]).toMatchObject({ assigneeName: 'Iona MacLeod', overdue: false, doneAt: null });
      expect((await me.client.post(`/api/cases/${caseId}/tasks`, { title: 'Check the refund has landed', dueAt: now + 48 * HOUR, idempotencyKey: 'task-key-1' })).status).toBe(200);
      await me.client.post(`/api/cases/${caseId}/tasks`, { title: 'Ring the customer back', dueAt: now - 2 * HOUR });
      const forColleague = await me.client.post(`/api/cases/${caseId}/tasks`, { title: 'Send the letter', dueAt: now + HOUR, assigneeId: colleague.user.id });
      expect(forColleague.status).toBe(201);
      expect((await me.client.get(`/api/cases/${caseId}/tasks`)).body.tasks).toHaveLength(3);

      const assignees = (await me.client.get('/api/tasks/assignees')).body.assignees as { id: string; displayName: string }[];
      expect(assignees.map((a) => a.displayName)).toEqual(expect.arrayContaining(['Iona MacLeod', 'Jamie Reid', 'Lewis Stewart']));
      expect(assignees.map((a) => a.displayName)).not.toContain('Morag Campbell');
      const leedsPerson = (await hub().context.db.get<{ id: string }>("SELECT id FROM users WHERE username = 'advisor1.lds'"))!.id;
      expect((await me.client.post(`/api/cases/${caseId}/tasks`, { title: 'Elsewhere', dueAt: now + HOUR, assigneeId: leedsPerson })).status).toBe(400);
      expect((await me.client.post(`/api/cases/${caseId}/tasks`, { title: 'Long ago', dueAt: now - 30 * 24 * HOUR })).status).toBe(400);
      expect((await me.client.post(`/api/cases/${caseId}/tasks`, { title: 'No date' })).status).toBe(400);
      const crossSite = await leeds.post(`/api/cases/${caseId}/tasks`, { title: 'From Leeds', dueAt: now + HOUR });
      expect(crossSite.status).toBe(403);

      const due = (await me.client.get('/api/tasks/due')).body.tasks as { title: string; overdue: boolean; id: string; caseReference: string }[];
      expect(due.map((t) => [t.title, t.overdue])).toEqual([
        ['Ring the customer back', true],
        ['Check the refund has landed', false],
      ]);
      expect(due[0]!.caseReference).toBe(opened.body.case.reference);
      expect((await colleague.client.get('/api/tasks/due')).body.tasks.map((t: { title: string }) => t.title)).toEqual(['Send the letter']);
      const team = (await supervisor.get('/api/tasks/due?scope=site')).body.tasks.map((t: { title: string }) => t.title);
      expect(team).toEqual(['Ring the customer back', 'Send the letter', 'Check the refund has landed']);

      const notMine = await colleague.client.post(`/api/tasks/${due[1]!.id}/done`);
      expect(notMine.status).toBe(403);
      const done = await me.client.post(`/api/tasks/${due[0]!.id}/done`);
      expect(done.status).toBe(200);
      expect(done.body.task.doneByName).toBe('Iona MacLeod');
      expect((await supervisor.post(`/api/tasks/${due[1]!.id}/done`)).status).toBe(200);
      expect((await me.client.get('/api/tasks/due')).body.tasks).toEqual([]);
    });
  });
}
