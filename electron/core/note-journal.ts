import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { JournalEntry, NoteOutcome } from '../../shared/contract/notes';
import { withoutDigitsBeingTyped } from '../../shared/redaction';
import type { HubClient } from './hub-client';
import { OutboxQueue } from './outbox';
import type { DesktopStore, OutboxRow } from './store';

/** A journalled note as written to the outbox table; read back from disk, so parsed, not trusted. */
const journalled = z.object({
  caseId: z.string().min(1),
  caseReference: z.string().nullable(),
  callId: z.string().nullable(),
  body: z.string().min(1),
  idempotencyKey: z.string().min(8),
});
type Journalled = z.infer<typeof journalled>;

function toEntry(row: OutboxRow): JournalEntry | null {
  const note = journalled.safeParse(row.body);
  if (!note.success) return null;
  const { idempotencyKey, ...rest } = note.data;
  return {
    id: row.id,
    idempotencyKey,
    ...rest,
    createdAt: row.createdAt,
    attempts: row.attempts,
    state: row.state === 'refused' ? 'refused' : 'waiting',
    error: row.error,
  };
}

/**
 * Case notes never depend on the hub being there. Each note is written to this computer's store
 * (masked, `synchronous=FULL`) before it is sent, with a key of its own; it leaves the journal only
 * once the hub has it, and a resend after a lost reply is the same note on the hub, never a second.
 */
export class NoteJournal {
  private readonly queue: OutboxQueue;

  constructor(
    hub: HubClient,
    private readonly store: DesktopStore,
    changed: (entries: JournalEntry[]) => void,
  ) {
    const deliver = (row: OutboxRow) => {
      const note = journalled.parse(row.body);
      return hub.post(`/api/cases/${encodeURIComponent(note.caseId)}/notes`, {
        body: note.body,
        idempotencyKey: note.idempotencyKey,
        // Stamped when it was written on this computer, not when the hub came back.
        writtenAt: row.createdAt,
      });
    };
    this.queue = new OutboxQueue(store, 'note', deliver, () => changed(this.entries()));
  }

  entries(): JournalEntry[] {
    return this.queue.rows().flatMap((row) => toEntry(row) ?? []);
  }

  /**
   * Journals the note, then tries the hub. `key` lets a caller that may repeat itself (a wrap-up
   * retried after a failure) send the same note again without it being added twice.
   */
  async add(note: {
    caseId: string;
    caseReference: string | null;
    callId: string | null;
    body: string;
    key?: string;
  }): Promise<NoteOutcome> {
    const key = note.key ?? `n-${randomUUID()}`;
    const body: Journalled = { caseId: note.caseId, caseReference: note.caseReference, callId: note.callId, body: note.body, idempotencyKey: key };
    const row = this.queue.ensure({ id: randomUUID(), key, body, summary: `Note on ${note.caseReference ?? note.caseId}` });
    try {
      if (await this.queue.sendNow(row)) return { state: 'sent' };
    } catch (err) {
      // A definite no on the first try: the advisor still has the text in the box, so nothing is kept.
      this.queue.remove(row.id);
      throw err;
    }
    return { state: 'saved', entry: this.entries().find((e) => e.id === row.id)! };
  }

  /** A stable key for the note typed at wrap-up: the same text on the same case is one note however often it is retried. */
  static wrapUpKey(caseId: string, body: string): string {
    return `w-${createHash('sha256')
      .update(`${caseId}\n${body}`)
      .digest('hex')
      .slice(0, 32)}`;
  }

  discard(id: string): JournalEntry[] {
    this.queue.remove(id);
    return this.entries();
  }

  flush(): Promise<void> {
    return this.queue.flush();
  }

  draft(callId: string): string {
    return this.store.draft(callId);
  }

  /** Masked where it entered the core; digits still being typed are not written at all. */
  saveDraft(callId: string, body: string): void {
    this.store.saveDraft(callId, withoutDigitsBeingTyped(body));
  }
}
