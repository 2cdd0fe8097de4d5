import { useId, useState, type FormEvent } from 'react';
import type { CallView } from '../../../shared/contract/calls';
import { useAddingNote, useNoteActions, useNoteJournal } from '../../state';
import { InlineError } from '../../ui/States';
import { PendingNotes } from './PendingNotes';
import { useNoteDraft } from './useNoteDraft';
import '../../ui/controls.css';

/**
 * Notes go on the call's case as the advisor talks. The core masks card numbers, journals each
 * note on this computer before sending it, and keeps the unsent text of the box as a draft.
 */
export function CaseNote({ view }: { view: CallView }) {
  const callId = view.call.callId;
  const [body, setBody, clearBody] = useNoteDraft(callId);
  const [added, setAdded] = useState<{ text: string; saved: boolean } | null>(null);
  const { addNote } = useNoteActions();
  const { busy, error } = useAddingNote(callId);
  const pending = useNoteJournal().filter((e) => e.caseId === view.caseId);
  const id = useId();

  if (!view.caseId) {
    return (
      <section className="call-panel" aria-label="Case note">
        <h3 className="call-panel-title">Case note</h3>
        <p className="muted call-panel-text">
          {view.call.phase === 'offered' ? 'A case opens when you answer.' : 'This call has no case yet: the hub could not be reached when it was answered.'}
        </p>
      </section>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) return;
    setAdded(null);
    const outcome = await addNote(callId, body);
    if (!outcome) return;
    clearBody();
    setAdded(
      outcome.state === 'sent'
        ? { text: `Note added to ${view.caseReference ?? 'the case'}.`, saved: false }
        : { text: 'Saved on this computer: it will be sent when the hub is back.', saved: true },
    );
  };

  return (
    <form className="call-panel case-note" onSubmit={(e) => void submit(e)}>
      <div className="call-panel-head">
        <label className="call-panel-title" htmlFor={id}>
          Case note
        </label>
        {view.caseReference ? <span className="case-ref">Case {view.caseReference}</span> : null}
      </div>
      <textarea
        id={id}
        data-shortcut="note"
        className="input case-note-input"
        rows={3}
        maxLength={10_000}
        value={body}
        onChange={(e) => {
          setBody(e.target.value);
          if (added) setAdded(null);
        }}
        onKeyDown={(e) => {
          // Ctrl+Enter saves without leaving the keyboard; Enter alone is a new line.
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit(e);
        }}
      />
      {error ? <InlineError error={error} /> : null}
      <div className="case-note-actions">
        <button type="submit" className="button button-small" disabled={busy || !body.trim()}>
          {busy ? 'Adding…' : 'Add note'}
        </button>
        <span className={added?.saved ? 'case-note-done case-note-saved' : 'case-note-done'} aria-live="polite">
          {added?.text ?? ''}
        </span>
      </div>
      <PendingNotes entries={pending} />
    </form>
  );
}
