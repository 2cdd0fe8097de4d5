import type { ArticleFields, ReviewDecision } from '../../shared/schemas/knowledge';
import { audit } from '../audit';
import { nextCounter } from '../counters';
import type { Queryable } from '../db/types';
import { badRequest, conflict, forbidden, notFound } from '../http/errors';
import type { Actor } from '../http/router';
import { findLiveArticle, list, slugFor, type ArticleRow } from './articles';
import { fourEyesRequired } from './settings';
import { fieldsOf, fieldValues, findOpenVersion, findVersion, insertVersion, latestVersion, type VersionRow, FIELD_COLUMNS } from './versions';

/**
 * The life of an article: draft → in review → published → retired. Every step is a conditional
 * update on the state it expects, so two admins (or two hub instances) racing on one article get
 * one success and one clear conflict. Each step returns the change-feed sequence it took, if any,
 * for the caller to push after commit.
 */
export interface Outcome {
  articleId: string;
  version: number | null;
  seq: number | null;
}

const actorId = (a: Actor | null) => a?.userId ?? null;

async function checkFields(q: Queryable, f: ArticleFields): Promise<void> {
  if (f.ownerId) {
    const owner = await q.get<{ role: string }>('SELECT role FROM users WHERE id = ? AND disabled = 0', [f.ownerId]);
    if (!owner || owner.role !== 'org_admin') {
      throw badRequest('The owner must be an organisation admin.', [{ path: 'ownerId', message: 'not an organisation admin' }]);
    }
  }
  for (const site of f.audienceScope === 'sites' ? f.audienceSites : []) {
    if (!(await q.get('SELECT id FROM sites WHERE id = ?', [site]))) {
      throw badRequest('The audience names a site that does not exist.', [{ path: 'audienceSites', message: `no site ${site}` }]);
    }
  }
}

export async function createArticle(q: Queryable, actor: Actor, fields: ArticleFields): Promise<Outcome> {
  await checkFields(q, fields);
  let id = slugFor(fields.title);
  if (await q.get('SELECT article_id FROM knowledge_versions WHERE article_id = ? LIMIT 1', [id])) id = `${id}-${Date.now().toString(36)}`;
  await insertVersion(q, { articleId: id, version: 1, fields, basedOn: null, by: actor.userId, at: Date.now() });
  await audit(q, actor, { action: 'article.drafted', entity: 'article', entityId: id, detail: { version: 1, title: fields.title } });
  return { articleId: id, version: 1, seq: null };
}

async function requireArticle(q: Queryable, id: string): Promise<VersionRow> {
  const latest = await latestVersion(q, id);
  if (!latest) throw notFound('That article');
  return latest;
}

async function startVersion(q: Queryable, actor: Actor, id: string, fields: ArticleFields, basedOn: number): Promise<number> {
  const latest = await requireArticle(q, id);
  const version = Number(latest.version) + 1;
  try {
    await insertVersion(q, { articleId: id, version, fields, basedOn, by: actor.userId, at: Date.now() });
  } catch {
    throw conflict('Someone else started a new version of this article at the same moment: reload it.');
  }
  return version;
}

/**
 * Saves the author's work. Editing a published article starts a new draft version while the live
 * one stays on desktops; editing a version under review or approved sends it back to draft, since
 * approval covers the exact words approved.
 */
export async function saveDraft(q: Queryable, actor: Actor, id: string, fields: ArticleFields): Promise<Outcome> {
  await checkFields(q, fields);
  const open = await findOpenVersion(q, id);
  if (!open) {
    const live = await q.get<{ live_version: number | null }>('SELECT live_version FROM knowledge_articles WHERE id = ?', [id]);
    const latest = await requireArticle(q, id);
    const version = await startVersion(q, actor, id, fields, Number(live?.live_version ?? latest.version));
    await audit(q, actor, { action: 'article.edited', entity: 'article', entityId: id, detail: { version, newVersion: true } });
    return { articleId: id, version, seq: null };
  }
  const editors = [...new Set([...list(open.editors), actor.userId])].join(',');
  const r = await q.run(
    `UPDATE knowledge_versions SET (${FIELD_COLUMNS}) = (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?), editors = ?, updated_at = ?, state = 'draft',
       submitted_by = NULL, submitted_at = NULL, reviewed_by = NULL, reviewed_at = NULL, publish_at = NULL
     WHERE article_id = ? AND version = ? AND state = ?`,
    [...fieldValues(fields), editors, Date.now(), id, open.version, open.state],
  );
  if (r.changes === 0) throw conflict('This version changed while you were editing it: reload it.');
  await audit(q, actor, {
    action: 'article.edited',
    entity: 'article',
    entityId: id,
    detail: { version: Number(open.version), reopened: open.state !== 'draft' ? open.state : undefined },
  });
  return { articleId: id, version: Number(open.version), seq: null };
}

async function openIn(q: Queryable, id: string, state: VersionRow['state'], doing: string): Promise<VersionRow> {
  const open = await findOpenVersion(q, id);
  if (!open) {
    await requireArticle(q, id);
    throw conflict(`There is no version of this article to ${doing}.`);
  }
  if (open.state !== state) throw conflict(`Version ${open.version} is ${open.state.replace('_', ' ')}, so it cannot be ${doing === 'submit' ? 'submitted' : doing + 'd'}.`);
  return open;
}

export async function submitForReview(q: Queryable, actor: Actor, id: string): Promise<Outcome> {
  const open = await openIn(q, id, 'draft', 'submit');
  const r = await q.run(
    "UPDATE knowledge_versions SET state = 'in_review', submitted_by = ?, submitted_at = ?, review_note = NULL WHERE article_id = ? AND version = ? AND state = 'draft'",
    [actor.userId, Date.now(), id, open.version],
  );
  if (r.changes === 0) throw conflict('This version changed at the same moment: reload it.');
  await audit(q, actor, { action: 'article.submitted', entity: 'article', entityId: id, detail: { version: Number(open.version) } });
  return { articleId: id, version: Number(open.version), seq: null };
}

export async function review(q: Queryable, actor: Actor, id: string, decision: ReviewDecision & { publishAt?: number | null }): Promise<Outcome> {
  const open = await openIn(q, id, 'in_review', 'review');
  const version = Number(open.version);
  const now = Date.now();
  if (decision.decision === 'reject') {
    const r = await q.run(
      "UPDATE knowledge_versions SET state = 'draft', reviewed_by = ?, reviewed_at = ?, review_note = ? WHERE article_id = ? AND version = ? AND state = 'in_review'",
      [actor.userId, now, decision.note, id, version],
    );
    if (r.changes === 0) throw conflict('Someone reviewed this version at the same moment.');
    await audit(q, actor, { action: 'article.changes_requested', entity: 'article', entityId: id, detail: { version, note: decision.note } });
    return { articleId: id, version, seq: null };
  }
  if ((await fourEyesRequired(q)) && list(open.editors).includes(actor.userId)) {
    throw forbidden('A second organisation admin must approve this: you wrote part of this version.');
  }
  const publishAt = decision.publishAt && decision.publishAt > now ? decision.publishAt : null;
  const r = await q.run(
    "UPDATE knowledge_versions SET state = 'approved', reviewed_by = ?, reviewed_at = ?, review_note = ?, publish_at = ? WHERE article_id = ? AND version = ? AND state = 'in_review'",
    [actor.userId, now, decision.note ?? null, publishAt, id, version],
  );
  if (r.changes === 0) throw conflict('Someone reviewed this version at the same moment.');
  await audit(q, actor, { action: 'article.approved', entity: 'article', entityId: id, detail: { version, publishAt } });
  if (publishAt) return { articleId: id, version, seq: null };
  return publishApproved(q, actor, id, version, now);
}

/** Makes an approved version live; null when another instance or request already did. */
async function publishApproved(q: Queryable, actor: Actor | null, id: string, version: number, at: number): Promise<Outcome> {
  const r = await q.run(
    "UPDATE knowledge_versions SET state = 'published', published_by = COALESCE(?, reviewed_by), published_at = ? WHERE article_id = ? AND version = ? AND state = 'approved'",
    [actorId(actor), at, id, version],
  );
  if (r.changes === 0) return { articleId: id, version, seq: null };
  const v = await findVersion(q, id, version);
  const before = await q.get<{ live_version: number | null; status: string }>('SELECT live_version, status FROM knowledge_articles WHERE id = ?', [id]);
  if (before?.live_version && before.status === 'published') {
    await q.run("UPDATE knowledge_versions SET state = 'superseded', ended_at = ? WHERE article_id = ? AND version = ? AND state = 'published'", [
      at,
      id,
      before.live_version,
    ]);
  }
  const seq = await nextCounter(q, 'knowledge');
  const f = fieldValues(fieldsOf(v));
  await q.run(
    `INSERT INTO knowledge_articles (id, title, summary, body, line, category, tags, audience_scope, audience_roles, audience_sites, status,
       author_id, created_at, updated_at, published_at, change_seq, live_version)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'published', ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET title = excluded.title, summary = excluded.summary, body = excluded.body, line = excluded.line,
       category = excluded.category, tags = excluded.tags, audience_scope = excluded.audience_scope, audience_roles = excluded.audience_roles,
       audience_sites = excluded.audience_sites, status = 'published', updated_at = excluded.updated_at, published_at = excluded.published_at,
       change_seq = excluded.change_seq, live_version = excluded.live_version`,
    [id, ...f.slice(0, 9), v.created_by, at, at, at, seq, version],
  );
  await audit(q, actor, {
    action: 'article.published',
    entity: 'article',
    entityId: id,
    detail: { version, title: v.title, scheduled: actor === null, seq },
  });
  return { articleId: id, version, seq };
}

export async function retire(q: Queryable, actor: Actor, id: string, retireAt: number | null): Promise<Outcome> {
  const live = await findLiveArticleOrDraft(q, id);
  if (live.status !== 'published') throw conflict('Only a published article can be retired.');
  const now = Date.now();
  if (retireAt && retireAt > now) {
    await q.run('UPDATE knowledge_articles SET retire_at = ? WHERE id = ?', [retireAt, id]);
    await audit(q, actor, { action: 'article.retirement_scheduled', entity: 'article', entityId: id, detail: { retireAt } });
    return { articleId: id, version: Number(live.live_version), seq: null };
  }
  return retireLive(q, actor, id, now);
}

export async function cancelRetirement(q: Queryable, actor: Actor, id: string): Promise<Outcome> {
  const live = await findLiveArticleOrDraft(q, id);
  if (live.retire_at === null) throw conflict('This article has no retirement scheduled.');
  await q.run('UPDATE knowledge_articles SET retire_at = NULL WHERE id = ?', [id]);
  await audit(q, actor, { action: 'article.retirement_cancelled', entity: 'article', entityId: id, detail: { retireAt: Number(live.retire_at) } });
  return { articleId: id, version: Number(live.live_version), seq: null };
}

async function findLiveArticleOrDraft(q: Queryable, id: string): Promise<ArticleRow> {
  const row = await q.get<ArticleRow>('SELECT * FROM knowledge_articles WHERE id = ?', [id]);
  if (row) return row;
  await requireArticle(q, id);
  throw conflict('This article has never been published.');
}

async function retireLive(q: Queryable, actor: Actor | null, id: string, at: number): Promise<Outcome> {
  const seq = await nextCounter(q, 'knowledge');
  const r = await q.run(
    "UPDATE knowledge_articles SET status = 'retired', retire_at = NULL, updated_at = ?, change_seq = ? WHERE id = ? AND status = 'published'",
    [at, seq, id],
  );
  if (r.changes === 0) throw conflict('This article was retired at the same moment.');
  const live = await findLiveArticle(q, id);
  await q.run("UPDATE knowledge_versions SET state = 'retired', ended_at = ? WHERE article_id = ? AND version = ? AND state = 'published'", [
    at,
    id,
    live.live_version,
  ]);
  await audit(q, actor, { action: 'article.retired', entity: 'article', entityId: id, detail: { title: live.title, scheduled: actor === null, seq } });
  return { articleId: id, version: Number(live.live_version), seq };
}

export async function restoreVersion(q: Queryable, actor: Actor, id: string, from: number): Promise<Outcome> {
  const old = await findVersion(q, id, from);
  const open = await findOpenVersion(q, id);
  if (open) throw conflict(`Version ${open.version} is already being worked on: finish or discard it before restoring another.`);
  const version = await startVersion(q, actor, id, fieldsOf(old), from);
  await audit(q, actor, { action: 'article.restored', entity: 'article', entityId: id, detail: { version, from } });
  return { articleId: id, version, seq: null };
}

export async function discardOpen(q: Queryable, actor: Actor, id: string): Promise<Outcome> {
  const open = await findOpenVersion(q, id);
  if (!open) {
    await requireArticle(q, id);
    throw conflict('There is no draft of this article to discard.');
  }
  const r = await q.run(
    "UPDATE knowledge_versions SET state = 'withdrawn', ended_at = ? WHERE article_id = ? AND version = ? AND state = ?",
    [Date.now(), id, open.version, open.state],
  );
  if (r.changes === 0) throw conflict('This version changed at the same moment: reload it.');
  await audit(q, actor, { action: 'article.discarded', entity: 'article', entityId: id, detail: { version: Number(open.version), was: open.state } });
  return { articleId: id, version: Number(open.version), seq: null };
}

/** Scheduled steps now due, for the scheduler: each one runs in its own transaction. */
export async function dueSteps(q: Queryable, now: number): Promise<{ kind: 'publish' | 'retire'; id: string; version: number }[]> {
  const publish = await q.all<{ article_id: string; version: number }>(
    "SELECT article_id, version FROM knowledge_versions WHERE state = 'approved' AND publish_at <= ? ORDER BY publish_at LIMIT 100",
    [now],
  );
  const retireRows = await q.all<{ id: string; live_version: number }>(
    "SELECT id, live_version FROM knowledge_articles WHERE status = 'published' AND retire_at <= ? ORDER BY retire_at LIMIT 100",
    [now],
  );
  return [
    ...publish.map((p) => ({ kind: 'publish' as const, id: p.article_id, version: Number(p.version) })),
    ...retireRows.map((r) => ({ kind: 'retire' as const, id: r.id, version: Number(r.live_version) })),
  ];
}

/** Carries out one due step; a step another instance already took yields no sequence. */
export async function runStep(q: Queryable, step: { kind: 'publish' | 'retire'; id: string; version: number }, now: number): Promise<Outcome> {
  if (step.kind === 'publish') return publishApproved(q, null, step.id, step.version, now);
  const still = await q.get<{ retire_at: number | null }>("SELECT retire_at FROM knowledge_articles WHERE id = ? AND status = 'published'", [step.id]);
  if (!still?.retire_at || Number(still.retire_at) > now) return { articleId: step.id, version: step.version, seq: null };
  return retireLive(q, null, step.id, now);
}
