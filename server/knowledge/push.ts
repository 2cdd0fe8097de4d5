import type { SiteKind } from '../../shared/roles';
import type { KnowledgePush } from '../../shared/schemas/knowledge';
import type { HubContext } from '../context';
import type { HubEvent } from '../events/bus';
import type { Personaliser } from '../events/live';
import { ARTICLE_COLUMNS, toChange, type ArticleRow } from './articles';

/** Tells every desktop that the knowledge changed; each instance reads the change once and tailors it per reader. */
export const announceKnowledgeChange = (hub: HubContext, articleId: string, seq: number) =>
  hub.events.publish({ name: 'knowledge.changed', data: { seq, articleId }, audience: { kind: 'everyone' } });

/**
 * Carries the change in the push, so ten thousand desktops do not each read the feed for one
 * article. The row is read once per event per hub instance; frames are built once per role and
 * site. If the article has changed again since (its row holds a later sequence), the push carries
 * only the number and desktops catch up from the feed as after being offline.
 */
export const personaliseKnowledgeChange: Personaliser = async (hub: HubContext, event: HubEvent) => {
  const seq = Number(event.data.seq);
  const id = String(event.data.articleId ?? '');
  const row = id ? await hub.db.get<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM knowledge_articles WHERE id = ?`, [id]) : undefined;
  if (!row || Number(row.change_seq) !== seq) return (): KnowledgePush => ({ seq });
  const kinds = new Map(
    (await hub.db.all<{ id: string; kind: SiteKind }>('SELECT id, kind FROM sites')).map((s) => [s.id, s.kind] as const),
  );
  return (actor): KnowledgePush => ({ seq, change: toChange(row, { role: actor.role, siteId: actor.siteId, siteKind: kinds.get(actor.siteId) ?? 'partner' }) });
};
