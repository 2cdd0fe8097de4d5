import { useCallback, useEffect, useRef, useState } from 'react';
import { useNoteActions } from '../../state';

const SAVE_AFTER_MS = 400;

/**
 * The note box's text, kept by the desktop core (masked, in this person's store) as the advisor
 * types, so a window reload or a crash of the page does not lose a half-written note.
 */
export function useNoteDraft(callId: string): [string, (body: string) => void, () => void] {
  const [body, setBody] = useState('');
  const { loadDraft, saveDraft } = useNoteActions();
  const pending = useRef<{ timer: ReturnType<typeof setTimeout>; body: string } | null>(null);
  const typed = useRef(false);

  useEffect(() => {
    typed.current = false;
    setBody('');
    let current = true;
    void loadDraft(callId).then((saved) => {
      // What the advisor has typed meanwhile wins over what was saved.
      if (current && saved && !typed.current) setBody(saved);
    });
    /** Saves now what was waiting for the typing to stop. */
    const saveWaiting = () => {
      const waiting = pending.current;
      if (!waiting) return;
      clearTimeout(waiting.timer);
      pending.current = null;
      void saveDraft(callId, waiting.body);
    };
    // A reload or a closed window a moment after the last keystroke keeps it too: the request
    // leaves before the page goes.
    window.addEventListener('pagehide', saveWaiting);
    return () => {
      current = false;
      window.removeEventListener('pagehide', saveWaiting);
      saveWaiting();
    };
  }, [callId, loadDraft, saveDraft]);

  const change = useCallback(
    (next: string) => {
      typed.current = true;
      setBody(next);
      if (pending.current) clearTimeout(pending.current.timer);
      pending.current = {
        body: next,
        timer: setTimeout(() => {
          pending.current = null;
          void saveDraft(callId, next);
        }, SAVE_AFTER_MS),
      };
    },
    [callId, saveDraft],
  );

  /** The note went to the journal or the hub; the core has dropped the draft already. */
  const clear = useCallback(() => {
    if (pending.current) clearTimeout(pending.current.timer);
    pending.current = null;
    setBody('');
  }, []);

  return [body, change, clear];
}
