import type { NoteRequestResults } from '../../shared/contract/notes';
import type { RequestName } from '../../shared/contract/requests';
import type { DesktopCore } from './core';
import type { Handlers } from './router';

type NoteHandlers = Pick<Handlers, Extract<RequestName, keyof NoteRequestResults>>;

/** The note journal (notes waiting for the hub) and the note box's saved draft. */
export function noteHandlers(core: DesktopCore): NoteHandlers {
  return {
    'notes.journal': async () => core.requireSignedIn().notes.entries(),
    'notes.draft': async ({ callId }) => ({ body: core.requireSignedIn().notes.draft(callId) }),
    'notes.saveDraft': async ({ callId, body }) => {
      core.requireSignedIn().notes.saveDraft(callId, body);
      return { ok: true };
    },
    'notes.discard': async ({ noteId }) => core.requireSignedIn().notes.discard(noteId),
  };
}
