import { z } from 'zod';
import type { AdminHome, AdvisorHome, SupervisorHome } from '../../shared/contract/requests';
import type { UserView } from '../../shared/schemas/accounts';
import type { ArticleEntry, FeedbackView } from '../../shared/schemas/knowledge';
import type { DesktopCore } from './core';
import { CoreError } from './errors';
import { auditHandlers } from './audit-handlers';
import { caseHandlers } from './case-handlers';
import { catalogueHandlers } from './catalogue-handlers';
import { customerHandlers } from './customer-handlers';
import { gestureHandlers } from './gesture-handlers';
import { noteHandlers } from './note-handlers';
import { peopleHandlers } from './people-handlers';
import { privacyHandlers } from './privacy-handlers';
import { publishingHandlers } from './publishing-handlers';
import { queueHandlers } from './queue-handlers';
import { setupHandlers } from './setup-handlers';
import { telephonyHandlers } from './telephony-handlers';
import { twoFactorHandlers } from './two-factor-handlers';
import type { Handlers } from './router';
import { hubReplies } from '../../shared/hub/replies';

/** Hang-up and transfer go through the PBX; a softphone's calls are handled on the softphone. */
function onPbx(core: DesktopCore): void {
  const { desk } = core.requireSignedIn();
  if (desk.source !== 'hub') throw new CoreError('use_softphone', 'This call is on your softphone: hang up or transfer it there.');
}

/** Every request the renderer may make, answered by this desktop's core. */
export function coreHandlers(core: DesktopCore, host: { dataDir?: string; electron?: string } = {}): Handlers {
  return {
    ...setupHandlers(core, { dataDir: host.dataDir ?? core.dataDir, electron: host.electron }),
    ...gestureHandlers(core),
    ...customerHandlers(core),
    ...caseHandlers(core),
    ...catalogueHandlers(core),
    ...queueHandlers(core),
    ...noteHandlers(core),
    ...publishingHandlers(core),
    ...privacyHandlers(core),
    ...peopleHandlers(core),
    ...auditHandlers(core),
    ...telephonyHandlers(core),
    ...twoFactorHandlers(core),
    'session.status': async () => core.sessionState,
    'session.signIn': (args) => core.signIn(args),
    'session.signOut': () => core.signOut(),

    'knowledge.page': async ({ offset, limit }) => {
      const { store } = core.requireSignedIn();
      return { articles: store.articlesPage(offset, limit), total: store.articleCount() };
    },
    'knowledge.get': async ({ id }) => {
      const article = core.requireSignedIn().store.article(id);
      if (!article) throw new CoreError('not_found', 'That article is not in the knowledge base on this computer.');
      return article;
    },
    'knowledge.manifest': async () => {
      const { store } = core.requireSignedIn();
      return { cursor: store.knowledgeCursor, ...store.manifest() };
    },
    'knowledge.byIds': async ({ ids }) => core.requireSignedIn().store.articlesByIds(ids),
    'knowledge.syncNow': async () => ({ cursor: await core.syncKnowledge() }),

    'knowledge.feedback': async ({ articleId, feedback }) => {
      core.requireSignedIn();
      return core.hub.post<{ id: string }>(`/api/knowledge/articles/${encodeURIComponent(articleId)}/feedback`, feedback);
    },

    'calls.desk': async () => core.requireSignedIn().desk.view(),
    'calls.setSource': async ({ source }) => core.requireSignedIn().desk.setSource(source),
    'calls.wrapUp': ({ callId, wrapupCode, note }) => core.requireSignedIn().desk.wrapUp(callId, wrapupCode, note),
    'calls.addNote': ({ callId, body }) => core.requireSignedIn().desk.addNote(callId, body),
    'calls.hangUp': async ({ callId }) => {
      onPbx(core);
      await core.hub.post(`/api/telephony/calls/${encodeURIComponent(callId)}/hangup`, {});
      return { ok: true };
    },
    'calls.transfer': async ({ callId, target }) => {
      onPbx(core);
      await core.hub.post(`/api/telephony/calls/${encodeURIComponent(callId)}/transfer`, { target });
      return { ok: true };
    },
    'calls.dial': async ({ number }) => {
      core.requireSignedIn();
      await core.hub.post('/api/telephony/dial', { number });
      return { ok: true };
    },
    'calls.markCalledBack': async ({ callId }) => core.requireSignedIn().desk.markCalledBack(callId),
    'agent.setState': (next) => core.requireSignedIn().desk.setAgentState(next),
    'agent.notReadyReasons': async () => {
      const { store } = core.requireSignedIn();
      try {
        const fresh = await core.hub.get('/api/agent/not-ready-reasons', hubReplies.notReadyReasons);
        store.setMeta('not_ready_reasons', JSON.stringify(fresh.reasons));
        return fresh;
      } catch (err) {
        // Offline: the list last seen on this computer, so the status menu still works.
        const saved = store.getMeta('not_ready_reasons');
        if (saved === null) throw err;
        return { reasons: z.array(z.string()).parse(JSON.parse(saved)) };
      }
    },
    'agent.saveNotReadyReasons': ({ reasons }) => {
      core.requireSignedIn();
      return core.hub.put('/api/agent/not-ready-reasons', { reasons }, hubReplies.notReadyReasons);
    },

    'home.advisor': async (): Promise<AdvisorHome> => {
      core.requireSignedIn();
      const { cases } = await core.hub.get('/api/cases?scope=mine&limit=10', hubReplies.cases);
      return { recentCases: cases };
    },
    'home.supervisor': async (): Promise<SupervisorHome> => {
      core.requireSignedIn();
      return core.hub.get<SupervisorHome>('/api/overview/team');
    },
    'home.admin': async (): Promise<AdminHome> => {
      // Knowledge is the head of service's: a site admin's home has their people, not the articles.
      const orgAdmin = core.requireSignedIn().saved.user.role === 'org_admin';
      const [users, articles, overview, feedback] = await Promise.all([
        core.hub.get<{ users: UserView[] }>('/api/users'),
        orgAdmin ? core.hub.get<{ articles: ArticleEntry[] }>('/api/knowledge/articles') : { articles: [] },
        core.hub.get<{ users: number; sites: number; articles: Record<string, number>; catalogueItems: number }>('/api/overview/admin'),
        orgAdmin ? core.hub.get<{ feedback: FeedbackView[] }>('/api/knowledge/feedback') : { feedback: [] },
      ]);
      return {
        users: users.users,
        articles: articles.articles,
        flags: feedback.feedback.filter((f) => f.kind === 'flag'),
        counts: {
          users: overview.users,
          sites: overview.sites,
          published: overview.articles.published ?? 0,
          drafts: overview.articles.draft ?? 0,
          retired: overview.articles.retired ?? 0,
          catalogueItems: overview.catalogueItems,
        },
      };
    },
  };
}
