import { z } from 'zod';

/** A case note kept on this computer until the hub has it: masked, with the key it will be sent with. */
export interface JournalEntry {
  id: string;
  idempotencyKey: string;
  caseId: string;
  caseReference: string | null;
  callId: string | null;
  /** Already masked: card numbers never reach the journal file. */
  body: string;
  createdAt: number;
  attempts: number;
  /** `refused`: the hub said no for good (the case is gone...); the advisor decides what to do with it. */
  state: 'waiting' | 'refused';
  error: string | null;
}

export const journalEntry = z.object({
  id: z.string(),
  idempotencyKey: z.string(),
  caseId: z.string(),
  caseReference: z.string().nullable(),
  callId: z.string().nullable(),
  body: z.string(),
  createdAt: z.number(),
  attempts: z.number(),
  state: z.enum(['waiting', 'refused']),
  error: z.string().nullable(),
});

/** Added to the case now, or saved on this computer to be sent when the hub is back. */
export type NoteOutcome = { state: 'sent' } | { state: 'saved'; entry: JournalEntry };

const callId = z.string().min(1).max(250);

export const noteRequestArgs = {
  'notes.journal': z.object({}),
  'notes.draft': z.object({ callId }),
  'notes.saveDraft': z.object({ callId, body: z.string().max(10_000) }),
  'notes.discard': z.object({ noteId: z.string().min(1).max(64) }),
} as const;

export interface NoteRequestResults {
  'notes.journal': JournalEntry[];
  /** The note box's unsent text for this call, as saved (masked). */
  'notes.draft': { body: string };
  'notes.saveDraft': { ok: true };
  'notes.discard': JournalEntry[];
}

export interface NotePushes {
  'notes.journal': JournalEntry[];
}
