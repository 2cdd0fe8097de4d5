import { create } from 'zustand';
import type { BridgeError } from '../../shared/contract/envelope';
import type { JournalEntry, NoteOutcome } from '../../shared/contract/notes';
import { bridge } from './bridgeRef';
import { customerChanged } from './queries';

interface NotesStore {
  /** Notes saved on this computer that the hub does not have yet, oldest first. */
  journal: JournalEntry[];
  /** The call whose note is being added right now, if any. */
  adding: string | null;
  /** The last failure to add a note, with its call: it must not greet the next call. */
  addError: { callId: string; error: BridgeError } | null;
  /** Drafts the core could not keep on this computer, by box: the box says so until a save works. */
  draftTrouble: Record<string, BridgeError>;
  loadJournal(): Promise<void>;
  applyJournal(entries: JournalEntry[]): void;
  addNote(callId: string, body: string): Promise<NoteOutcome | null>;
  loadDraft(callId: string): Promise<string>;
  saveDraft(callId: string, body: string): Promise<void>;
  discard(noteId: string): Promise<void>;
  clearError(): void;
  clear(): void;
}

let generation = 0;

export const useNotesStore = create<NotesStore>()((set, get) => ({
  journal: [],
  adding: null,
  addError: null,
  draftTrouble: {},

  async loadJournal() {
    const mine = ++generation;
    const result = await bridge().call('notes.journal', {});
    if (mine === generation && result.ok) set({ journal: result.value });
  },

  applyJournal: (journal) => set({ journal }),

  async addNote(callId, body) {
    if (get().adding) return null;
    set({ adding: callId, addError: null });
    const result = await bridge().call('calls.addNote', { callId, body });
    set({ adding: null });
    if (!result.ok) {
      set({ addError: { callId, error: result.error } });
      return null;
    }
    customerChanged(); // the caller's timeline shows the note at once (it said "nothing yet" before)
    return result.value;
  },

  async loadDraft(callId) {
    const result = await bridge().call('notes.draft', { callId });
    return result.ok ? result.value.body : '';
  },

  // A draft that cannot be saved is still in the box, which says why; the next keystroke tries again.
  async saveDraft(callId, body) {
    const result = await bridge().call('notes.saveDraft', { callId, body });
    const { [callId]: had, ...others } = get().draftTrouble;
    if (!result.ok) set({ draftTrouble: { ...others, [callId]: result.error } });
    else if (had) set({ draftTrouble: others });
  },

  async discard(noteId) {
    const result = await bridge().call('notes.discard', { noteId });
    if (result.ok) set({ journal: result.value });
  },

  clearError: () => set({ addError: null }),

  // One person's notes must never show on the next person's screen.
  clear() {
    generation++;
    set({ journal: [], adding: null, addError: null, draftTrouble: {} });
  },
}));

export const useNoteJournal = () => useNotesStore((s) => s.journal);
export const useNoteActions = () => {
  const addNote = useNotesStore((s) => s.addNote);
  const loadDraft = useNotesStore((s) => s.loadDraft);
  const saveDraft = useNotesStore((s) => s.saveDraft);
  const discard = useNotesStore((s) => s.discard);
  const clearError = useNotesStore((s) => s.clearError);
  return { addNote, loadDraft, saveDraft, discard, clearError };
};
/** Why this box's draft is not kept on this computer, if it is not. */
export const useDraftTrouble = (key: string) => useNotesStore((s) => s.draftTrouble[key] ?? null);
/** Busy flag and last error of adding a note on this call. */
export const useAddingNote = (callId: string) => {
  const busy = useNotesStore((s) => s.adding === callId);
  const error = useNotesStore((s) => (s.addError?.callId === callId ? s.addError.error : null));
  return { busy, error };
};
