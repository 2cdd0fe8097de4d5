import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'libsql';
import type { CallHistoryEntry } from '../../shared/contract/calls';
import type { Article, KnowledgeChange } from '../../shared/schemas/knowledge';
import { migrateStore, storeVersion } from './store-migrations';

type Statement = { all(p?: unknown[]): unknown[]; get(p?: unknown[]): unknown; run(p?: unknown[]): unknown };
type Native = { prepare(sql: string): Statement; exec(sql: string): void; close(): void };


/** A request waiting to reach the hub; `kind` says which (gesture, note) and so where it goes. */
export interface OutboxRow {
  id: string;
  key: string;
  kind: string;
  body: unknown;
  summary: string;
  createdAt: number;
  attempts: number;
  state: string;
  error: string | null;
}

/** How an erasure from the hub recognises this computer's copies of one customer. */
export interface CustomerMatch {
  customerId: string;
  caseIds: readonly string[];
  callIds: readonly string[];
  /** Whether a caller's number is theirs (the hub sends salted digests, never the number). */
  isTheirNumber(caller: string): boolean;
}

/** What an erasure or a wipe took off this computer. */
export interface Forgotten {
  calls: string[];
  drafts: number;
  cases: number;
  outbox: number;
}

/**
 * One advisor's offline store on this computer: their knowledge cache and sync cursor. Each
 * person who signs in on a shared machine gets their own file.
 */
/** Cases kept for offline reading: the advisor's recent ones, not the whole organisation's. */
const CASES_KEPT = 200;

export class DesktopStore {
  private readonly db: Native;
  constructor(readonly path: string) {
    this.db = new Database(path) as unknown as Native;
    this.db.exec('PRAGMA journal_mode = WAL');
    this.db.exec('PRAGMA synchronous = FULL');
    // Deleted rows (a sent outbox request, a pruned call) are overwritten, not left in free pages.
    this.db.exec('PRAGMA secure_delete = ON');
    try {
      migrateStore(this.db);
    } catch (err) {
      this.db.close();
      throw err;
    }
  }

  static forUser(desktopDir: string, userId: string): DesktopStore {
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(userId)) throw new Error('unexpected user id');
    const dir = join(desktopDir, 'users', userId);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    return new DesktopStore(join(dir, 'store.sqlite'));
  }

  /** The last copy of a case the hub sent, so its tab still opens while the hub is away. */
  cacheCase(caseId: string, body: unknown): void {
    this.db
      .prepare('INSERT INTO case_cache (case_id, body, saved_at) VALUES (?, ?, ?) ON CONFLICT(case_id) DO UPDATE SET body = excluded.body, saved_at = excluded.saved_at')
      .run([caseId, JSON.stringify(body), Date.now()]);
    this.db.prepare(`DELETE FROM case_cache WHERE case_id NOT IN (SELECT case_id FROM case_cache ORDER BY saved_at DESC LIMIT ${CASES_KEPT})`).run([]);
  }

  cachedCase(caseId: string): unknown {
    const row = this.db.prepare('SELECT body FROM case_cache WHERE case_id = ?').get([caseId]) as { body: string } | undefined;
    return row ? (JSON.parse(row.body) as unknown) : null;
  }

  getMeta(key: string): string | null {
    const row = this.db.prepare('SELECT value FROM meta WHERE key = ?').get([key]) as { value: string } | undefined;
    return row?.value ?? null;
  }

  setMeta(key: string, value: string): void {
    this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run([key, value]);
  }

  get knowledgeCursor(): number {
    return Number(this.getMeta('knowledge_cursor') ?? 0);
  }

  /** A page of the change feed and its cursor land together or not at all. */
  applyKnowledgePage(changes: KnowledgeChange[], cursor: number): void {
    const upsert = this.db.prepare(
      'INSERT INTO articles (id, seq, title, data) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET seq = excluded.seq, title = excluded.title, data = excluded.data',
    );
    const remove = this.db.prepare('DELETE FROM articles WHERE id = ?');
    this.db.exec('BEGIN IMMEDIATE');
    try {
      for (const c of changes) {
        if (c.kind === 'upsert') upsert.run([c.article.id, c.seq, c.article.title, JSON.stringify(c.article)]);
        else remove.run([c.id]);
      }
      this.setMeta('knowledge_cursor', String(cursor));
      this.db.exec('COMMIT');
    } catch (err) {
      this.db.exec('ROLLBACK');
      throw err;
    }
  }

  articleCount(): number {
    return Number((this.db.prepare('SELECT COUNT(*) AS n FROM articles').get() as { n: number }).n);
  }

  articlesPage(offset: number, limit: number): Article[] {
    return (this.db.prepare('SELECT data FROM articles ORDER BY seq LIMIT ? OFFSET ?').all([limit, offset]) as { data: string }[]).map(
      (r) => JSON.parse(r.data) as Article,
    );
  }

  manifest(): { ids: string[]; seqs: number[] } {
    const rows = this.db.prepare('SELECT id, seq FROM articles ORDER BY seq').all() as { id: string; seq: number }[];
    return { ids: rows.map((r) => r.id), seqs: rows.map((r) => Number(r.seq)) };
  }

  articlesByIds(ids: string[]): Article[] {
    if (ids.length === 0) return [];
    const rows = this.db.prepare(`SELECT data FROM articles WHERE id IN (${ids.map(() => '?').join(',')})`).all(ids) as { data: string }[];
    return rows.map((r) => JSON.parse(r.data) as Article);
  }

  article(id: string): Article | null {
    const row = this.db.prepare('SELECT data FROM articles WHERE id = ?').get([id]) as { data: string } | undefined;
    return row ? (JSON.parse(row.data) as Article) : null;
  }

  /** Outbox rows are written already masked: no card number reaches this file. */
  queue(row: { id: string; key: string; kind: string; body: unknown; summary: string }): void {
    this.db
      .prepare('INSERT INTO outbox (id, idempotency_key, kind, body, summary, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run([row.id, row.key, row.kind, JSON.stringify(row.body), row.summary, Date.now()]);
  }

  /** What waits, oldest first; only one kind when asked (each kind goes to its own place on the hub). */
  outbox(kind?: string): OutboxRow[] {
    const rows = kind
      ? this.db.prepare('SELECT * FROM outbox WHERE kind = ? ORDER BY created_at, rowid').all([kind])
      : this.db.prepare('SELECT * FROM outbox ORDER BY created_at, rowid').all();
    return (rows as Record<string, unknown>[]).map((r) => ({
      id: String(r.id),
      key: String(r.idempotency_key),
      kind: String(r.kind),
      body: JSON.parse(String(r.body)) as unknown,
      summary: String(r.summary),
      createdAt: Number(r.created_at),
      attempts: Number(r.attempts),
      state: String(r.state),
      error: (r.error as string | null) ?? null,
    }));
  }

  outboxAttempted(id: string, outcome: { state: 'waiting' | 'refused'; error: string | null }): void {
    this.db.prepare('UPDATE outbox SET attempts = attempts + 1, state = ?, error = ? WHERE id = ?').run([outcome.state, outcome.error, id]);
  }

  outboxDone(id: string): void {
    this.db.prepare('DELETE FROM outbox WHERE id = ?').run([id]);
  }

  /** The note box's unsent text, already masked, so a window reload does not lose it. */
  saveDraft(callId: string, body: string): void {
    if (!body.trim()) {
      this.db.prepare('DELETE FROM note_drafts WHERE call_id = ?').run([callId]);
      return;
    }
    this.db
      .prepare('INSERT INTO note_drafts (call_id, body, updated_at) VALUES (?, ?, ?) ON CONFLICT(call_id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at')
      .run([callId, body, Date.now()]);
  }

  draft(callId: string): string {
    const row = this.db.prepare('SELECT body FROM note_drafts WHERE call_id = ?').get([callId]) as { body: string } | undefined;
    return row?.body ?? '';
  }

  /**
   * Call history and drafts older than the retention periods go (see retention.ts); the WAL is
   * then emptied so old pages do not outlive the rows (secure_delete has zeroed them in the file).
   */
  prune(before: { callsBefore: number; draftsBefore: number }): { calls: number; drafts: number } {
    const changes = (r: unknown) => Number((r as { changes?: number }).changes ?? 0);
    const calls = changes(this.db.prepare('DELETE FROM call_history WHERE at < ?').run([before.callsBefore]));
    const drafts = changes(this.db.prepare('DELETE FROM note_drafts WHERE updated_at < ?').run([before.draftsBefore]));
    if (calls + drafts > 0) this.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    return { calls, drafts };
  }

  saveCall(entry: CallHistoryEntry): void {
    this.db
      .prepare('INSERT INTO call_history (call_id, at, data) VALUES (?, ?, ?) ON CONFLICT(call_id) DO UPDATE SET at = excluded.at, data = excluded.data')
      .run([entry.callId, entry.at, JSON.stringify(entry)]);
  }

  recentCalls(limit = 50): CallHistoryEntry[] {
    return (this.db.prepare('SELECT data FROM call_history ORDER BY at DESC LIMIT ?').all([limit]) as { data: string }[]).map(
      (r) => JSON.parse(r.data) as CallHistoryEntry,
    );
  }

  /**
   * Removes one erased customer from this store, in one transaction: their calls from the history,
   * the drafts typed on those calls or cases, the case copies kept for offline reading and what
   * waits in the outbox for their cases. Deleted rows are overwritten (secure_delete) and the WAL emptied.
   */
  forgetCustomer(match: CustomerMatch): Forgotten {
    const cases = new Set(match.caseIds);
    const calls = new Set(match.callIds);
    const customer = `"customerId":${JSON.stringify(match.customerId)}`;
    return this.purge({
      call: (callId, data) => {
        const entry = JSON.parse(data) as CallHistoryEntry;
        return calls.has(callId) || entry.customerId === match.customerId || match.isTheirNumber(entry.caller);
      },
      draft: (key, forgottenCalls) => forgottenCalls.has(key) || [...cases].some((c) => key.includes(c)),
      cachedCase: (caseId, body) => cases.has(caseId) || body.includes(customer),
      outbox: (body) => {
        const b = JSON.parse(body) as { caseId?: unknown; customerId?: unknown };
        return (typeof b.caseId === 'string' && cases.has(b.caseId)) || b.customerId === match.customerId;
      },
    }, calls);
  }

  /**
   * Everything this store holds about customers: call history, drafts and case copies, and the
   * outbox too unless told to keep it (work not yet on the hub). The knowledge cache stays.
   */
  wipeCustomerData(opts: { keepOutbox: boolean }): Forgotten {
    return this.purge({ call: () => true, draft: () => true, cachedCase: () => true, outbox: () => !opts.keepOutbox }, new Set());
  }

  /** Whether anything about a customer is kept here (an empty store has nothing to wipe). */
  holdsCustomerData(): boolean {
    const n = (table: string) => Number((this.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n);
    return n('call_history') + n('note_drafts') + n('case_cache') + n('outbox') > 0;
  }

  private purge(
    rule: {
      call(callId: string, data: string): boolean;
      draft(key: string, forgottenCalls: Set<string>): boolean;
      cachedCase(caseId: string, body: string): boolean;
      outbox(body: string): boolean;
    },
    calls: Set<string>,
  ): Forgotten {
    const forgotten: Forgotten = { calls: [], drafts: 0, cases: 0, outbox: 0 };
    const rows = (sql: string) => this.db.prepare(sql).all() as Record<string, string>[];
    this.db.exec('BEGIN IMMEDIATE');
    try {
      for (const r of rows('SELECT call_id, data FROM call_history')) {
        if (!rule.call(r.call_id!, r.data!)) continue;
        this.db.prepare('DELETE FROM call_history WHERE call_id = ?').run([r.call_id]);
        forgotten.calls.push(r.call_id!);
        calls.add(r.call_id!);
      }
      for (const r of rows('SELECT call_id FROM note_drafts')) {
        if (!rule.draft(r.call_id!, calls)) continue;
        this.db.prepare('DELETE FROM note_drafts WHERE call_id = ?').run([r.call_id]);
        forgotten.drafts++;
      }
      for (const r of rows('SELECT case_id, body FROM case_cache')) {
        if (!rule.cachedCase(r.case_id!, r.body!)) continue;
        this.db.prepare('DELETE FROM case_cache WHERE case_id = ?').run([r.case_id]);
        forgotten.cases++;
      }
      for (const r of rows('SELECT id, body FROM outbox')) {
        if (!rule.outbox(r.body!)) continue;
        this.db.prepare('DELETE FROM outbox WHERE id = ?').run([r.id]);
        forgotten.outbox++;
      }
      this.db.exec('COMMIT');
    } catch (err) {
      this.db.exec('ROLLBACK');
      throw err;
    }
    this.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    return forgotten;
  }

  /** The schema version of this file (for diagnostics). */
  get schemaVersion(): number {
    return storeVersion(this.db);
  }

  close(): void {
    this.db.close();
  }
}
