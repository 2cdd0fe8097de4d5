import type { CaseView } from '../../../shared/schemas/customers';
import { caseWorkActions } from '../../state';
import { NoteComposer } from './NoteComposer';

/** The note box of a case opened from a list, at any time. */
export function CaseNoteBox({ c }: { c: CaseView }) {
  return (
    <NoteComposer
      draftKey={`case:${c.id}`}
      caseId={c.id}
      caseReference={c.reference}
      line={c.line}
      values={{ case: c.reference, customer: c.customerName }}
      className="case-note case-note-any"
      send={(body) => caseWorkActions.addNote({ caseId: c.id, caseReference: c.reference, body })}
    />
  );
}
