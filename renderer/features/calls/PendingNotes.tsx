import type { JournalEntry } from '../../../shared/contract/notes';
import { useNoteActions } from '../../state';
import { formatTime } from '../../ui/format';

/** Notes on this case that are safe on this computer but not yet on the hub. */
export function PendingNotes({ entries }: { entries: JournalEntry[] }) {
  const { discard } = useNoteActions();
  if (entries.length === 0) return null;
  return (
    <ul className="pending-notes" aria-label="Notes waiting to be sent">
      {entries.map((e) => (
        <li key={e.id} className="pending-note" data-state={e.state}>
          <p className="pending-note-body">{e.body}</p>
          {e.state === 'waiting' ? (
            <p className="pending-note-status">
              Saved on this computer at {formatTime(e.createdAt)}, will be sent when the hub is back.
            </p>
          ) : (
            <p className="pending-note-status pending-note-refused" role="alert">
              The hub would not take this note: {e.error ?? 'no reason given'}.{' '}
              <button type="button" className="button button-small button-secondary" onClick={() => void discard(e.id)}>
                Discard
              </button>
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Between calls: a word that notes are still waiting, so nobody wonders where they went. */
export function JournalNotice({ entries }: { entries: JournalEntry[] }) {
  const waiting = entries.filter((e) => e.state === 'waiting').length;
  const refused = entries.length - waiting;
  if (entries.length === 0) return null;
  return (
    <p className="journal-notice" role="status">
      {waiting > 0
        ? `${waiting} case ${waiting === 1 ? 'note is' : 'notes are'} saved on this computer and will be sent when the hub is back.`
        : ''}
      {refused > 0
        ? ` ${refused} ${refused === 1 ? 'note was' : 'notes were'} refused by the hub: open the case to see why.`
        : ''}
    </p>
  );
}
