import { useId, type FormEvent } from 'react';
import { LINE_LABELS, type Line } from '../../../shared/roles';
import { noteTemplateList, type NoteTemplateView } from '../../../shared/schemas/cases';
import { caseWorkActions } from '../../state';
import { FieldProblem } from '../../ui/Field';
import { SaveActions } from '../../ui/SaveActions';
import { EmptyState } from '../../ui/States';
import { rowProblems, useEditableRows } from './useEditableRows';

interface TemplateRow {
  key: string;
  id?: string;
  title: string;
  body: string;
}

const toRow = (t: NoteTemplateView): TemplateRow => ({ key: t.id, id: t.id, title: t.title, body: t.body });

/** One line's note templates, in the order the note box offers them; {placeholders} are typed over by the advisor. */
export function NoteTemplatesForm({ line, saved }: { line: Line; saved: NoteTemplateView[] }) {
  const id = useId();
  const { rows, problems, change, add, remove, refuse, accept, busy, error, done, save } = useEditableRows(
    saved,
    toRow,
    (i) => `${id}-title-${i}`,
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = noteTemplateList.safeParse({
      templates: rows.map((r) => ({ ...(r.id ? { id: r.id } : {}), title: r.title, body: r.body })),
    });
    if (!parsed.success) return refuse(rowProblems(parsed.error.issues, { title: 'Title', body: 'Text' }), `${id}-add`);
    accept();
    await save(
      () => caseWorkActions.saveNoteTemplates({ line, templates: parsed.data.templates }),
      ({ templates }) => `Saved: ${templates.length} templates on ${LINE_LABELS[line]}.`,
    );
  };

  return (
    <form
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={`Note templates for ${LINE_LABELS[line]}`}
      className="case-list-form"
    >
      <h3 className="list-title">Note templates</h3>
      <p className="field-hint">
        Write a blank as {'{relationship}'}: the advisor types over it. {'{reference}'}, {'{case}'} and {'{customer}'} are filled
        in for them.
      </p>
      {rows.length === 0 ? <EmptyState>No templates on this line</EmptyState> : null}
      <ol className="note-template-rows">
        {rows.map((r, i) => {
          const problem = problems.rows.get(i);
          const name = r.title.trim() || `template ${i + 1}`;
          return (
            <li key={r.key} className="note-template-row">
              <label className="field-label" htmlFor={`${id}-title-${i}`}>
                Title of template {i + 1}
              </label>
              <input
                id={`${id}-title-${i}`}
                className="input"
                aria-invalid={problem ? true : undefined}
                aria-describedby={problem ? `${id}-title-${i}-problem` : undefined}
                value={r.title}
                maxLength={80}
                onChange={(e) => change(i, { title: e.target.value })}
              />
              <FieldProblem id={`${id}-title-${i}`} problem={problem} />
              <label className="field-label" htmlFor={`${id}-body-${i}`}>
                Text of template {i + 1}
              </label>
              <textarea
                id={`${id}-body-${i}`}
                className="input"
                rows={3}
                maxLength={4000}
                value={r.body}
                onChange={(e) => change(i, { body: e.target.value })}
              />
              <button
                type="button"
                className="button button-small button-quiet"
                aria-label={`Remove ${name}`}
                onClick={() => {
                  remove(i);
                  requestAnimationFrame(() => document.getElementById(`${id}-add`)?.focus());
                }}
              >
                Remove
              </button>
            </li>
          );
        })}
      </ol>
      <FieldProblem id={`${id}-list`} problem={problems.list} />
      <SaveActions busy={busy} error={error} label="Save note templates" done={done}>
        <button
          type="button"
          id={`${id}-add`}
          className="button button-small button-secondary"
          onClick={() => add({ title: '', body: '' })}
        >
          Add a template
        </button>
      </SaveActions>
    </form>
  );
}
