import { articleDraft, restoreRequest, retireRequest, reviewDecision } from '../../shared/schemas/knowledge';
import type { HubContext } from '../context';
import type { Queryable } from '../db/types';
import { route, type Actor } from '../http/router';
import { loadHistory } from '../knowledge/entries';
import {
  cancelRetirement,
  createArticle,
  discardOpen,
  restoreVersion,
  retire,
  review,
  saveDraft,
  submitForReview,
  type Outcome,
} from '../knowledge/lifecycle';
import { announceKnowledgeChange } from '../knowledge/push';

/** Runs one lifecycle step, pushes the change if it reached desktops, and answers with the article's history. */
async function step(hub: HubContext, work: (q: Queryable) => Promise<Outcome>, event?: { name: string; actor: Actor }) {
  const out = await hub.db.tx(work);
  if (out.seq !== null) await announceKnowledgeChange(hub, out.articleId, out.seq);
  if (event) {
    await hub.events.publish({
      name: event.name,
      data: { articleId: out.articleId, version: out.version, by: event.actor.userId },
      audience: { kind: 'roles', roles: ['org_admin'] },
    });
  }
  return loadHistory(hub.db, out.articleId);
}

const ADMIN = ['org_admin'] as const;

/** Writing, reviewing, publishing and retiring articles: the organisation admins' work. */
export const knowledgeAuthoringRoutes = [
  route({
    method: 'POST',
    path: '/api/knowledge/articles',
    access: ADMIN,
    summary: 'Start an article as a draft (version 1)',
    body: articleDraft,
    async handle({ hub, actor, body }) {
      return { status: 201, body: await step(hub, (q) => createArticle(q, actor, body)) };
    },
  }),
  route({
    method: 'PUT',
    path: '/api/knowledge/articles/:id/draft',
    access: ADMIN,
    summary: 'Save the draft; editing a published article starts a new version while the live one stays',
    body: articleDraft,
    async handle({ hub, actor, params, body }) {
      return { body: await step(hub, (q) => saveDraft(q, actor, params.id!, body)) };
    },
  }),
  route({
    method: 'POST',
    path: '/api/knowledge/articles/:id/submit',
    access: ADMIN,
    summary: 'Send the draft for review by a second organisation admin',
    async handle({ hub, actor, params }) {
      return { body: await step(hub, (q) => submitForReview(q, actor, params.id!), { name: 'knowledge.review_requested', actor }) };
    },
  }),
  route({
    method: 'POST',
    path: '/api/knowledge/articles/:id/review',
    access: ADMIN,
    summary: 'Approve (publishing now or at a chosen time) or send back with a note',
    body: reviewDecision,
    async handle({ hub, actor, params, body }) {
      return { body: await step(hub, (q) => review(q, actor, params.id!, body), { name: 'knowledge.reviewed', actor }) };
    },
  }),
  route({
    method: 'POST',
    path: '/api/knowledge/articles/:id/discard',
    access: ADMIN,
    summary: 'Discard the version being worked on; the live one is untouched',
    async handle({ hub, actor, params }) {
      return { body: await step(hub, (q) => discardOpen(q, actor, params.id!)) };
    },
  }),
  route({
    method: 'POST',
    path: '/api/knowledge/articles/:id/restore',
    access: ADMIN,
    summary: 'Start a new draft from an old version',
    body: restoreRequest,
    async handle({ hub, actor, params, body }) {
      return { body: await step(hub, (q) => restoreVersion(q, actor, params.id!, body.version)) };
    },
  }),
  route({
    method: 'POST',
    path: '/api/knowledge/articles/:id/retire',
    access: ADMIN,
    summary: 'Retire an article now or at a chosen time: it leaves every desktop’s cache and search',
    body: retireRequest,
    async handle({ hub, actor, params, body }) {
      return { body: await step(hub, (q) => retire(q, actor, params.id!, body.retireAt)) };
    },
  }),
  route({
    method: 'POST',
    path: '/api/knowledge/articles/:id/retirement/cancel',
    access: ADMIN,
    summary: 'Call off a scheduled retirement',
    async handle({ hub, actor, params }) {
      return { body: await step(hub, (q) => cancelRetirement(q, actor, params.id!)) };
    },
  }),
];
