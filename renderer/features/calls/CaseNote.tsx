import type { CallView } from '../../../shared/contract/calls';
import { useAddingNote, useNoteActions } from '../../state';
import { NoteComposer } from '../cases/NoteComposer';

/**
 * Notes go on the call's case as the advisor talks, with the line's templates at hand. The core
 * masks card numbers, journals each note before sending it, and keeps the box's text as a draft.
 */
export function CaseNote({ view }: { view: CallView }) {
  const callId = view.call.callId;
  const { addNote } = useNoteActions();
  const { error } = useAddingNote(callId);

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
  return (
    <NoteComposer
      draftKey={callId}
      caseId={view.caseId}
      caseReference={view.caseReference}
      line={view.line}
      values={{ case: view.caseReference, customer: view.card?.customer.name ?? null }}
      className="call-panel case-note"
      shortcut="note"
      outsideError={error}
      send={async (body) => {
        const outcome = await addNote(callId, body);
        // A refusal is kept by the note action (shown as outsideError) and the text stays in the box.
        return outcome ? { ok: true, value: outcome } : { ok: false, error: null };
      }}
    />
  );
}
