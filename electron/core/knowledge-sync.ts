import { knowledgeChangesPage, type KnowledgeChange, type KnowledgePush } from '../../shared/schemas/knowledge';
import { Coalesced } from './coalesce';
import { CoreError } from './errors';
import type { HubClient } from './hub-client';
import type { DesktopStore } from './store';

export interface SyncProgress {
  done: number;
  total: number;
}

export interface SyncListener {
  onPage(changes: KnowledgeChange[], cursor: number): void;
  onProgress(progress: SyncProgress | null): void;
}

/**
 * Pulls the knowledge change feed from the stored cursor, one page per transaction, so a crash or
 * a dropped connection leaves the cache consistent and the next sync carries on from there.
 * Concurrent triggers collapse into one run plus, if needed, one more.
 */
export class KnowledgeSync {
  private readonly runs = new Coalesced(() => this.pullAll(), () => this.listener.onProgress(null));

  constructor(
    private readonly hub: HubClient,
    private readonly store: DesktopStore,
    private readonly listener: SyncListener,
    private readonly pageSize = 200,
  ) {}

  run(): Promise<number> {
    return this.runs.run();
  }

  /**
   * A change carried in the hub's push. Applied at once when it is the very next one after this
   * desktop's cursor; false when the feed must be read instead (a gap, a sync under way, or a push
   * that carries only the number).
   */
  takePush(push: KnowledgePush): boolean {
    if (this.runs.busy) return false;
    const cursor = this.store.knowledgeCursor;
    if (push.seq <= cursor) return true;
    if (!push.change || push.seq !== cursor + 1 || push.change.seq !== push.seq) return false;
    this.store.applyKnowledgePage([push.change], push.seq);
    this.listener.onPage([push.change], push.seq);
    return true;
  }

  private async pullAll(): Promise<number> {
    const start = this.store.knowledgeCursor;
    let cursor = start;
    for (;;) {
      const raw = await this.hub.get<unknown>(`/api/knowledge/changes?after=${cursor}&limit=${this.pageSize}`);
      const page = knowledgeChangesPage.safeParse(raw);
      if (!page.success) throw new CoreError('hub_bad_reply', 'The hub sent a knowledge page this desktop does not understand.');
      const { changes, more, latest } = page.data;
      if (page.data.cursor < cursor) throw new CoreError('hub_bad_reply', 'The hub’s knowledge cursor went backwards.');
      this.store.applyKnowledgePage(changes, page.data.cursor);
      cursor = page.data.cursor;
      if (changes.length) this.listener.onPage(changes, cursor);
      if (more) this.listener.onProgress({ done: cursor - start, total: Math.max(latest - start, cursor - start) });
      if (!more) return cursor;
    }
  }
}
