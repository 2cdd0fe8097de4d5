import type { z } from 'zod';
import type { Line } from '../../shared/roles';
import type { NoteTemplateView, noteTemplateList, WrapupCodeView, wrapupCodeList } from '../../shared/schemas/cases';
import type { Queryable } from '../db/types';
import { badRequest } from '../http/errors';
import { newId } from '../ids';

interface CodeRow {
  id: string;
  line: Line;
  label: string;
  means_death: number | boolean;
  retired: number | boolean;
}

const toCode = (r: CodeRow): WrapupCodeView => ({
  id: r.id,
  line: r.line,
  label: r.label,
  meansDeath: Boolean(Number(r.means_death)),
  retired: Boolean(Number(r.retired)),
});

/** The wrap-up codes of every line (or one), in the admin's order; retired ones only when asked. */
export async function wrapupCodes(q: Queryable, opts: { line?: Line; includeRetired?: boolean } = {}): Promise<WrapupCodeView[]> {
  const where = [opts.line ? 'line = ?' : null, opts.includeRetired ? null : 'retired = 0'].filter(Boolean);
  const rows = await q.all<CodeRow>(
    `SELECT id, line, label, means_death, retired FROM wrapup_codes ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY line, retired, position, label`,
    opts.line ? [opts.line] : [],
  );
  return rows.map(toCode);
}

const slug = (label: string) =>
  label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40) || 'code';

/**
 * Replaces one line's list in the caller's transaction. Codes keep their ids (cases point at them);
 * a new label gets a new id; a code left out is retired, never deleted, so old cases keep its label.
 */
export async function replaceWrapupCodes(q: Queryable, line: Line, input: z.infer<typeof wrapupCodeList>['codes']): Promise<void> {
  const existing = await q.all<{ id: string; line: string }>('SELECT id, line FROM wrapup_codes');
  const ofLine = new Set(existing.filter((c) => c.line === line).map((c) => c.id));
  const taken = new Set(existing.map((c) => c.id));
  const problems = input.flatMap((c, i) => (c.id && !ofLine.has(c.id) ? [{ path: `codes.${i}.id`, message: 'not a code of this line' }] : []));
  if (problems.length) throw badRequest('Some codes do not belong to this line.', problems);
  await q.run('UPDATE wrapup_codes SET retired = 1, position = position + 1000 WHERE line = ?', [line]);
  for (const [i, code] of input.entries()) {
    if (code.id) {
      await q.run('UPDATE wrapup_codes SET label = ?, means_death = ?, retired = 0, position = ? WHERE id = ?', [code.label, code.meansDeath ? 1 : 0, i + 1, code.id]);
      continue;
    }
    let id = `${line}-${slug(code.label)}`;
    if (taken.has(id)) id = newId(line);
    taken.add(id);
    await q.run('INSERT INTO wrapup_codes (id, line, label, position, means_death, retired) VALUES (?, ?, ?, ?, ?, 0)', [
      id,
      line,
      code.label,
      i + 1,
      code.meansDeath ? 1 : 0,
    ]);
  }
}

export async function noteTemplates(q: Queryable, line?: Line): Promise<NoteTemplateView[]> {
  return q.all<NoteTemplateView>(
    `SELECT id, line, title, body FROM note_templates ${line ? 'WHERE line = ?' : ''} ORDER BY line, position, title`,
    line ? [line] : [],
  );
}

/** Replaces one line's templates in the caller's transaction (a template keeps its id when it is kept). */
export async function replaceNoteTemplates(q: Queryable, line: Line, input: z.infer<typeof noteTemplateList>['templates']): Promise<void> {
  const before = new Set((await noteTemplates(q, line)).map((t) => t.id));
  await q.run('DELETE FROM note_templates WHERE line = ?', [line]);
  const now = Date.now();
  for (const [i, t] of input.entries()) {
    const id = t.id && before.has(t.id) ? t.id : newId('tpl');
    await q.run('INSERT INTO note_templates (id, line, title, body, position, updated_at) VALUES (?, ?, ?, ?, ?, ?)', [id, line, t.title, t.body, i + 1, now]);
  }
}
