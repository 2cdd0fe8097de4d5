import { useId, useState, type FormEvent } from 'react';
import type { BridgeError } from '../../../shared/contract/envelope';
import type { CaseNoteView } from '../../../shared/schemas/customers';
import { caseWorkActions, useKnowledgeActions, useNoteRevisions, useSignedIn } from '../../state';
import { Badge } from '../../ui/Badge';
import { DateTime } from '../../ui/DateTime';
import { Loaded } from '../../ui/Loaded';
import { EmptyState, InlineError } from '../../ui/States';
import { noteSegments } from './noteText';

/** A note's text with its article links as buttons that open the article on the right. */
export function NoteBody({ body }: { body: string }) {
  const { openArticle } = useKnowledgeActions();
  return (
    <p className="note-body">
      {noteSegments(body).map((s, i) =>
        s.kind === 'text' ? (
          <span key={i}>{s.text}</span>
        ) : (
          <button key={i} type="button" className="link-button" onClick={() => void openArticle(s.articleId)} title="Open this article">
            {s.title}
          </button>
        ),
      )}
    </p>
  );
}

function EarlierVersions({ note }: { note: CaseNoteView }) {
  const revisions = useNoteRevisions(note.caseId, note.id, true);
  return (
    <Loaded value={revisions} loadingLabel="Loading earlier versions…" errorTitle="Earlier versions could not be loaded." onRetry={() => undefined}>
      {(list) => (
        <ol className="note-revisions" aria-label="Earlier versions">
          {list.slice(1).map((r) => (
            <li key={r.revision}>
              <p className="note-revision-body">{r.body}</p>
              <p className="request-meta">
                Version {r.revision} · {r.authorName ?? 'Someone'}
                {r.siteName ? ` at ${r.siteName}` : ''} · <DateTime ms={r.writtenAt} />
              </p>
            </li>
          ))}
        </ol>
      )}
    </Loaded>
  );
}

function EditNote({ note, onDone }: { note: CaseNoteView; onDone: () => void }) {
  const id = useId();
  const [body, setBody] = useState(note.body);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<BridgeError | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = await caseWorkActions.reviseNote({ caseId: note.caseId, noteId: note.id, body });
    setBusy(false);
    if (result.ok) onDone();
    else setError(result.error);
  };
  return (
    <form className="note-edit" onSubmit={(e) => void submit(e)}>
      <label className="visually-hidden" htmlFor={id}>
        Edit your note
      </label>
      <textarea
        id={id}
        className="input"
        rows={3}
        maxLength={10_000}
        value={body}
        autoFocus
        onChange={(e) => setBody(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onDone();
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit(e);
        }}
      />
      <p className="field-hint">The note keeps its first version: both stay on the case.</p>
      {error ? <InlineError error={error} lead="Not saved" /> : null}
      <div className="form-actions">
        <button type="submit" className="button button-small" disabled={busy || !body.trim() || body.trim() === note.body}>
          {busy ? 'Saving…' : 'Save edit'}
        </button>
        <button type="button" className="button button-small button-quiet" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function NoteItem({ note, mine }: { note: CaseNoteView; mine: boolean }) {
  const [editing, setEditing] = useState(false);
  const [history, setHistory] = useState(false);
  const edited = note.revision > 1;
  return (
    <li data-testid="case-note">
      {editing ? <EditNote note={note} onDone={() => setEditing(false)} /> : <NoteBody body={note.body} />}
      <p className="request-meta note-meta">
        {note.authorName ?? 'Someone'}
        {note.siteName ? ` at ${note.siteName}` : ''} · <DateTime ms={note.createdAt} />
        {edited ? (
          <>
            {' '}
            <Badge tone="calm">Edited</Badge>
            {note.editedAt ? (
              <span className="visually-hidden">
                {' '}
                on <DateTime ms={note.editedAt} />
              </span>
            ) : null}
          </>
        ) : null}
        {edited ? (
          <button type="button" className="link-button note-action" aria-expanded={history} onClick={() => setHistory(!history)}>
            {history ? 'Hide earlier versions' : `Earlier versions (${note.revision - 1})`}
          </button>
        ) : null}
        {mine && !editing ? (
          <button type="button" className="link-button note-action" onClick={() => setEditing(true)}>
            Edit
          </button>
        ) : null}
      </p>
      {history ? <EarlierVersions note={note} /> : null}
    </li>
  );
}

/** The case's notes from every site, newest first; the writer may edit theirs, every version kept. */
export function NoteList({ notes }: { notes: CaseNoteView[] }) {
  const me = useSignedIn()?.user.id;
  if (notes.length === 0) return <EmptyState>No notes on this case yet</EmptyState>;
  return (
    <ul className="case-notes" aria-label="Notes on this case">
      {[...notes].reverse().map((n) => (
        <NoteItem key={n.id} note={n} mine={n.authorId === me} />
      ))}
    </ul>
  );
}
