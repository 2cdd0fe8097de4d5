import type { SearchMiss } from '../../shared/schemas/knowledge';

/** The same search however it was typed: case and runs of spaces do not make a new one. */
const normal = (query: string) => query.trim().toLowerCase().replace(/\s+/g, ' ');

/** Typing on, or deleting back, is the same search being refined, not a new one. */
const refines = (a: string, b: string) => a.startsWith(b) || b.startsWith(a);

interface Pending {
  query: string;
  resultCount: number | null;
  opened: boolean;
}

/**
 * Knowledge-centred service: a search the advisor ran and opened nothing from tells the knowledge
 * team what the knowledge base is missing. A search is followed while it is refined keystroke by
 * keystroke; it ends when it is cleared, replaced by a different one or a new contact starts, and
 * only then, if nothing was opened from it, is it reported once (its last wording and result count).
 */
export class SearchMissTracker {
  private pending: Pending | null = null;

  constructor(private readonly report: (miss: SearchMiss) => void) {}

  /** The words in the search box changed. */
  typed(query: string): void {
    const now = normal(query);
    if (now.length < 2) return this.finish();
    const p = this.pending;
    if (p && !p.opened && refines(p.query, now)) {
      // Until the new wording's answer comes, the last answer stands: the search has been run.
      if (p.query !== now) this.pending = { query: now, resultCount: p.resultCount, opened: false };
      return;
    }
    this.finish();
    this.pending = { query: now, resultCount: null, opened: false };
  }

  /** The results for `query` are on screen. */
  answered(query: string, resultCount: number): void {
    if (this.pending && this.pending.query === normal(query)) this.pending.resultCount = resultCount;
  }

  /** An article was opened while the search was on screen: it found something. */
  opened(): void {
    if (this.pending) this.pending.opened = true;
  }

  /** The search is over (cleared, replaced, a new contact): reported if nothing was opened from it. */
  finish(): void {
    const p = this.pending;
    this.pending = null;
    if (p && !p.opened && p.resultCount !== null) this.report({ query: p.query, resultCount: p.resultCount });
  }

  /** Signed out: nothing to report for someone who has gone. */
  forget(): void {
    this.pending = null;
  }
}
