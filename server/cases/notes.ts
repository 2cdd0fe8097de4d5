import type { z } from 'zod';
import type { NoteRevisionView, reviseNoteRequest } from '../../shared/schemas/cases';
import type { addNoteRequest } from '../../shared/schemas/customers';
import { audit } from '../audit';
import type { Queryable } from '../db/types';
import { HttpError, notFound } from '../http/errors';
import type { Actor } from '../http/router';
import { newId } from '../ids';
import { loadCase } from './load';

/**
 * The time a desktop says it wrote something down offline, kept when it is believable: never in
 * the future (a fast clock) and never more than a week back (a stuck one); otherwise now.
 */
const WRITTEN_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;
export function asWritten(writtenAt: number | undefined, now: number): number {
  if (writtenAt === undefined || writtenAt > now || writtenAt < now - WRITTEN_WINDOW_MS) return now;
  return writtenAt;
}

/**
 * Adds a note once per idempotency key and author. The unique index decides, so two resends racing
 * on two hub instances still leave one note; the same key on another case is a mistake, not a resend.
 * The note's first revision is written with it: the history of a note starts at its first words.
 */
export async function addNote(q: Queryable, actor: Actor, caseId: string, input: z.infer<typeof addNoteRequest>): Promise<boolean> {
  const found = await loadCase(q, caseId);
  const key = input.idempotencyKey ?? null;
  const id = newId('note');
  const now = Date.now();
  const written = asWritten(input.writtenAt, now);
  const inserted = await q.run(
    `INSERT INTO case_notes (id, case_id, author_id, body, created_at, idempotency_key, site_id, revision) VALUES (?, ?, ?, ?, ?, ?, ?, 1)
     ON CONFLICT (author_id, idempotency_key) DO NOTHING`,
    [id, found.id, actor.userId, input.body, written, key, actor.siteId],
  );
  if (inserted.changes === 0) {
    const prior = await q.get<{ case_id: string }>('SELECT case_id FROM case_notes WHERE author_id = ? AND idempotency_key = ?', [actor.userId, key]);
    if (prior?.case_id !== found.id) throw new HttpError(409, 'idempotency_key_reused', 'That idempotency key was already used for a note on another case.');
    return false;
  }
  await q.run('INSERT INTO case_note_revisions (note_id, revision, body, author_id, site_id, written_at) VALUES (?, 1, ?, ?, ?, ?)', [
    id,
    input.body,
    actor.userId,
    actor.siteId,
    written,
  ]);
  await q.run('UPDATE cases SET updated_at = ? WHERE id = ?', [now, found.id]);
  await audit(q, actor, { action: 'case.note_added', entity: 'case', entityId: found.id, detail: { noteId: id, idempotencyKey: key } });
  return true;
}

/** Thrown inside the edit's transaction when its key was already used: nothing of it is kept. */
export class ReplayedEdit extends Error {}

interface NoteRow {
  id: string;
  case_id: string;
  author_id: string | null;
  body: string;
}

/**
 * Edits a note by appending a revision; the earlier text is never overwritten. Only the person who
 * wrote the note edits it. Bumping the note's revision first takes its row lock, so two edits on two
 * hub instances queue up and each gets its own number; a resent key rolls back (ReplayedEdit).
 */
export async function reviseNote(
  q: Queryable,
  actor: Actor,
  caseId: string,
  noteId: string,
  input: z.infer<typeof reviseNoteRequest>,
): Promise<'revised' | 'unchanged'> {
  const note = await q.get<NoteRow>('SELECT id, case_id, author_id, body FROM case_notes WHERE id = ? AND case_id = ?', [noteId, caseId]);
  if (!note) throw notFound('That note');
  if (note.author_id !== actor.userId)
    throw new HttpError(403, 'not_your_note', 'Only the person who wrote a note can edit it: add a note of your own instead.');
  const key = input.idempotencyKey ?? null;
  if (key) {
    const prior = await q.get<{ note_id: string }>('SELECT note_id FROM case_note_revisions WHERE author_id = ? AND idempotency_key = ?', [actor.userId, key]);
    if (prior && prior.note_id !== noteId) throw new HttpError(409, 'idempotency_key_reused', 'That idempotency key was already used for another note.');
    if (prior) throw new ReplayedEdit();
  }
  if (note.body === input.body) return 'unchanged';
  // Notes written by the hub itself (a gesture's steps) start without a first revision: keep it now.
  await q.run(
    `INSERT INTO case_note_revisions (note_id, revision, body, author_id, site_id, written_at)
     SELECT n.id, n.revision, n.body, n.author_id, COALESCE(n.site_id, u.site_id), n.created_at FROM case_notes n LEFT JOIN users u ON u.id = n.author_id
     WHERE n.id = ? AND NOT EXISTS (SELECT 1 FROM case_note_revisions r WHERE r.note_id = n.id)`,
    [note.id],
  );
  const now = Date.now();
  const written = asWritten(input.writtenAt, now);
  const bumped = await q.get<{ revision: number }>('UPDATE case_notes SET revision = revision + 1, body = ?, edited_at = ? WHERE id = ? RETURNING revision', [
    input.body,
    written,
    note.id,
  ]);
  const inserted = await q.run(
    `INSERT INTO case_note_revisions (note_id, revision, body, author_id, site_id, written_at, idempotency_key) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (author_id, idempotency_key) DO NOTHING`,
    [note.id, Number(bumped!.revision), input.body, actor.userId, actor.siteId, written, key],
  );
  if (inserted.changes === 0) throw new ReplayedEdit();
  await q.run('UPDATE cases SET updated_at = ? WHERE id = ?', [now, note.case_id]);
  await audit(q, actor, {
    action: 'case.note_edited',
    entity: 'case',
    entityId: note.case_id,
    detail: { noteId: note.id, revision: Number(bumped!.revision), idempotencyKey: key },
  });
  return 'revised';
}

/** Every version of a note, newest first. */
export async function noteRevisions(q: Queryable, caseId: string, noteId: string): Promise<NoteRevisionView[]> {
  const note = await q.get('SELECT id FROM case_notes WHERE id = ? AND case_id = ?', [noteId, caseId]);
  if (!note) throw notFound('That note');
  const rows = await q.all<{ revision: number; body: string; author_name: string | null; site_name: string | null; written_at: number }>(
    `SELECT r.revision, r.body, u.display_name AS author_name, s.name AS site_name, r.written_at
     FROM case_note_revisions r LEFT JOIN users u ON u.id = r.author_id LEFT JOIN sites s ON s.id = r.site_id
     WHERE r.note_id = ? ORDER BY r.revision DESC`,
    [noteId],
  );
  return rows.map((r) => ({
    revision: Number(r.revision),
    body: r.body,
    authorName: r.author_name,
    siteName: r.site_name,
    writtenAt: Number(r.written_at),
  }));
}
