import { useId, useState, type FormEvent } from 'react';
import type { CallView } from '../../../shared/contract/calls';
import { useCallAction, useCallActions } from '../../state';
import { InlineError } from '../../ui/States';
import '../../ui/controls.css';

/** Notes go on the call's case as the advisor talks; card numbers are masked by the core before saving. */
export function CaseNote({ view }: { view: CallView }) {
  const [body, setBody] = useState('');
  const [added, setAdded] = useState<string | null>(null);
  const { addNote } = useCallActions();
  const { busy, error } = useCallAction('addNote');
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
    if (await addNote(view.call.callId, body)) {
      setBody('');
      setAdded(`Note added to ${view.caseReference ?? 'the case'}.`);
    }
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
      {error ? (
        <InlineError error={error} />
      ) : null}
      <div className="case-note-actions">
        <button type="submit" className="button button-small" disabled={busy || !body.trim()}>
          {busy ? 'Adding…' : 'Add note'}
        </button>
        <span className="case-note-done" aria-live="polite">
          {added ?? ''}
        </span>
      </div>
    </form>
  );
}
