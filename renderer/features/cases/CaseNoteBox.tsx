import { useId, useRef, useState, type FormEvent } from 'react';
import type { BridgeError } from '../../../shared/contract/envelope';
import type { CaseView } from '../../../shared/schemas/customers';
import { caseWorkActions, useNoteJournal } from '../../state';
import { InlineError } from '../../ui/States';
import { PendingNotes } from '../calls/PendingNotes';
import { useNoteDraft } from '../calls/useNoteDraft';
import { NoteTools } from './NoteTools';
import '../../ui/controls.css';
import '../calls/calls.css';

/**
 * The note box of a case opened from a list, at any time. Like a call's, each note is journalled on
 * this computer (masked) before it is sent, so it is never lost to the hub being away, and the
 * unsent text survives a reload.
 */
export function CaseNoteBox({ c }: { c: CaseView }) {
  const [body, setBody, clearBody] = useNoteDraft(`case:${c.id}`);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<BridgeError | null>(null);
  const [added, setAdded] = useState<{ text: string; saved: boolean } | null>(null);
  const pending = useNoteJournal().filter((e) => e.caseId === c.id);
  const box = useRef<HTMLTextAreaElement>(null);
  const id = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim() || busy) return;
    setAdded(null);
    setError(null);
    setBusy(true);
    const result = await caseWorkActions.addNote({ caseId: c.id, caseReference: c.reference, body });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    clearBody();
    setAdded(
      result.value.state === 'sent'
        ? { text: `Note added to ${c.reference}.`, saved: false }
        : { text: 'Saved on this computer: it will be sent when the hub is back.', saved: true },
    );
  };

  return (
    <form className="case-note case-note-any" onSubmit={(e) => void submit(e)}>
      <div className="call-panel-head">
        <label className="call-panel-title" htmlFor={id}>
          Case note
        </label>
        <NoteTools box={box} body={body} setBody={setBody} line={c.line} values={{ case: c.reference, customer: c.customerName }} />
      </div>
      <textarea
        id={id}
        ref={box}
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
      {error ? <InlineError error={error} lead="Not added" /> : null}
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
