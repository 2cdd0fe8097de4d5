import type { PublishingChoices, PublishingInbox, PublishingRequestResults } from '../../shared/contract/publishing';
import type { RequestName } from '../../shared/contract/requests';
import type { ArticleEntry, ArticleHistory, ArticleVersion, FeedbackView, KnowledgeSettings, OverdueArticle, UnansweredSearch } from '../../shared/schemas/knowledge';
import type { DesktopCore } from './core';
import type { Handlers } from './router';

type PublishingHandlers = Pick<Handlers, Extract<RequestName, keyof PublishingRequestResults>>;

/** Knowledge authoring and the feedback inbox go straight to the hub, which enforces who may. */
export function publishingHandlers(core: DesktopCore): PublishingHandlers {
  const hub = () => {
    core.requireSignedIn();
    return core.hub;
  };
  const article = (id: string) => `/api/knowledge/articles/${encodeURIComponent(id)}`;
  return {
    'publishing.list': async () => (await hub().get<{ articles: ArticleEntry[] }>('/api/knowledge/articles')).articles,
    'publishing.history': ({ id }) => hub().get<ArticleHistory>(article(id)),
    'publishing.version': async ({ id, version }) => (await hub().get<{ version: ArticleVersion }>(`${article(id)}/versions/${version}`)).version,
    'publishing.create': (draft) => hub().post<ArticleHistory>('/api/knowledge/articles', draft),
    'publishing.save': ({ id, draft }) => hub().put<ArticleHistory>(`${article(id)}/draft`, draft),
    'publishing.submit': ({ id }) => hub().post<ArticleHistory>(`${article(id)}/submit`, {}),
    'publishing.review': ({ id, decision }) => hub().post<ArticleHistory>(`${article(id)}/review`, decision),
    'publishing.discard': ({ id }) => hub().post<ArticleHistory>(`${article(id)}/discard`, {}),
    'publishing.restore': ({ id, version }) => hub().post<ArticleHistory>(`${article(id)}/restore`, { version }),
    'publishing.retire': ({ id, retireAt, reason }) => hub().post<ArticleHistory>(`${article(id)}/retire`, { retireAt, reason }),
    'publishing.cancelRetirement': ({ id }) => hub().post<ArticleHistory>(`${article(id)}/retirement/cancel`, {}),
    'publishing.choices': async () => {
      const [a, s] = await Promise.all([
        hub().get<{ authors: PublishingChoices['authors'] }>('/api/knowledge/authors'),
        hub().get<{ sites: PublishingChoices['sites'] }>('/api/sites'),
      ]);
      return { authors: a.authors, sites: s.sites.map(({ id, name, kind }) => ({ id, name, kind })) };
    },
    'publishing.settings': () => hub().get<KnowledgeSettings>('/api/knowledge/settings'),
    'publishing.saveSettings': (s) => hub().put<KnowledgeSettings>('/api/knowledge/settings', s),
    'publishing.inbox': async ({ status }): Promise<PublishingInbox> => {
      const [fb, attention] = await Promise.all([
        hub().get<{ feedback: FeedbackView[] }>(`/api/knowledge/feedback?status=${status}`),
        hub().get<{ unanswered: UnansweredSearch[]; overdue: OverdueArticle[] }>('/api/knowledge/attention'),
      ]);
      return { feedback: fb.feedback.filter((f) => f.kind !== 'helpful'), ...attention };
    },
    'publishing.reply': async ({ feedbackId, reply, resolve }) => {
      await hub().post(`/api/knowledge/feedback/${encodeURIComponent(feedbackId)}/reply`, { reply, resolve });
      return { ok: true };
    },
    'publishing.resolve': async ({ feedbackId }) => {
      await hub().post(`/api/knowledge/feedback/${encodeURIComponent(feedbackId)}/resolve`, {});
      return { ok: true };
    },
    'knowledge.myFeedback': async () => (await hub().get<{ feedback: FeedbackView[] }>('/api/knowledge/my-feedback')).feedback,
    // Best effort: a search report that cannot reach the hub is not worth an outbox.
    'knowledge.searchMiss': async (miss) => {
      await hub().post('/api/knowledge/searches', miss);
      return { ok: true };
    },
  };
}
