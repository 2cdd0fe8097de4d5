import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { BridgeError } from '../../../shared/contract/envelope';
import type { NoteOutcome } from '../../../shared/contract/notes';
import type { Line } from '../../../shared/roles';
import { offerNoteBox, useDraftTrouble, useNoteJournal } from '../../state';
import { InlineError } from '../../ui/States';
import { PendingNotes } from '../calls/PendingNotes';
import { useNoteDraft } from '../calls/useNoteDraft';
import type { TemplateValues } from './noteText';
import { NoteTools, putInNote } from './NoteTools';
import '../../ui/controls.css';
import '../calls/calls.css';

/** A note's way to the case: sent, or journalled on this computer; an error says why neither happened. */
export type SendNote = (body: string) => Promise<{ ok: true; value: NoteOutcome } | { ok: false; error: BridgeError | null }>;

interface NoteComposerProps {
  /** The draft's key on this computer: a call's id, or `case:<id>`. */
  draftKey: string;
  caseId: string;
  caseReference: string | null;
  /** The line whose templates are offered (none while a call's line is not yet known). */
  line: Line | null;
  values: TemplateValues;
  send: SendNote;
  className: string;
  /** An error kept outside the box (a call's note action keeps its own). */
  outsideError?: BridgeError | null;
  /** The Alt+N target: a live call's box. */
  shortcut?: string;
}

/**
 * The one case-note box, on a call or on a case opened at any time. Each note is journalled on
 * this computer (card numbers masked) before it is sent, so it is never lost to the hub being
 * away, and the unsent text stays as a draft through a reload.
 */
export function NoteComposer({ draftKey, caseId, caseReference, line, values, send, className, outsideError = null, shortcut }: NoteComposerProps) {
  const [body, setBody, clearBody] = useNoteDraft(draftKey);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<BridgeError | null>(null);
  const [added, setAdded] = useState<{ text: string; saved: boolean } | null>(null);
  const pending = useNoteJournal().filter((e) => e.caseId === caseId);
  const draftTrouble = useDraftTrouble(draftKey);
  const box = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  // The article pane's "Copy to note" and "Link to case" reach the box that is on screen.
  const latest = useRef({ body, setBody });
  latest.current = { body, setBody };
  useEffect(
    () =>
      offerNoteBox({
        shown: () => box.current !== null && box.current.offsetParent !== null,
        take: (text) => putInNote(box.current, latest.current.body, latest.current.setBody, text, false),
      }),
    [],
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim() || busy) return;
    setAdded(null);
    setError(null);
    setBusy(true);
    const result = await send(body);
    setBusy(false);
    if (!result.ok) return setError(result.error);
    clearBody();
    setAdded(
      result.value.state === 'sent'
        ? { text: `Note added to ${caseReference ?? 'the case'}.`, saved: false }
        : { text: 'Saved on this computer: it will be sent when the hub is back.', saved: true },
    );
  };
  const shown = error ?? outsideError;

  return (
    <form className={className} onSubmit={(e) => void submit(e)}>
      <div className="call-panel-head">
        <label className="call-panel-title" htmlFor={id}>
          Case note
        </label>
        {line ? <NoteTools box={box} body={body} setBody={setBody} line={line} values={values} /> : null}
      </div>
      <textarea
        id={id}
        ref={box}
        data-shortcut={shortcut}
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
      {draftTrouble && body.trim() ? (
        <p className="field-problem draft-trouble" role="alert">
          This draft is not saved on this computer: {draftTrouble.message} Add the note or keep this window open; the next change tries again.
        </p>
      ) : null}
      {shown ? <InlineError error={shown} lead="Not added" /> : null}
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
