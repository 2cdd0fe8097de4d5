import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DesktopCore } from '../../electron/core/core';
import { DesktopStore } from '../../electron/core/store';
import type { Hub } from '../../server/hub';
import { DEMO_PASSWORD } from '../../server/seed/organisation';
import { sqliteBackend, testHub } from '../support/backends';
import { signInAs } from '../support/client';
import { tcpProxy } from '../support/tcp-proxy';
import { AUTHOR, publishArticle, REVIEWER, sampleArticle } from '../support/knowledge';
import { waitUntil } from '../support/wait';

const tmp = (name: string) => mkdtempSync(join(tmpdir(), `rapport-${name}-`));

describe('knowledge delta sync', () => {
  let hub: Hub;
  beforeAll(async () => {
    hub = await testHub(sqliteBackend);
  });
  afterAll(async () => {
    await hub.close();
  });

  it('resumes from the stored cursor after the connection is killed mid-sync, with the cache consistent', async () => {
    let changesRequests = 0;
    let cut = true;
    const proxy = await tcpProxy(hub.url, (head) => head.includes('/api/knowledge/changes') && ++changesRequests === 4 && cut);
    const dataDir = tmp('resume');
    const core = new DesktopCore({ dataDir, hubUrl: proxy.url, syncPageSize: 10 });
    await core.signIn({ username: 'advisor1.mcr', password: DEMO_PASSWORD }).catch(() => undefined);
    await expect(core.syncKnowledge()).rejects.toMatchObject({ code: 'hub_unreachable' });
    await core.stop();

    const store = DesktopStore.forUser(dataDir, 'usr_advisor1_mcr');
    const cursor = store.knowledgeCursor;
    expect(cursor).toBeGreaterThanOrEqual(30); // three whole pages landed
    const visible = await hub.context.db.all<{ change_seq: number }>(
      "SELECT change_seq FROM knowledge_articles WHERE status = 'published' AND audience_roles = '' ORDER BY change_seq",
    );
    expect(store.articleCount()).toBe(visible.filter((r) => Number(r.change_seq) <= cursor).length);
    store.close();

    cut = false;
    const before = proxy.heads.length;
    const again = new DesktopCore({ dataDir, hubUrl: proxy.url, syncPageSize: 10 });
    await again.start();
    await again.syncKnowledge();
    const firstAfter = proxy.heads.slice(before).find((h) => h.includes('/api/knowledge/changes'))!;
    expect(firstAfter).toContain(`after=${cursor}&`);
    const page = again.requireSignedIn().store.articleCount();
    expect(page).toBe(visible.length);
    await again.stop();
    await proxy.close();
  });

  it('applies a change carried in the push without reading the feed, and catches up from the feed after a gap', async () => {
    const proxy = await tcpProxy(hub.url, () => false);
    const core = new DesktopCore({ dataDir: tmp('push'), hubUrl: proxy.url });
    await core.signIn({ username: 'advisor3.mcr', password: DEMO_PASSWORD });
    await core.syncKnowledge();
    await waitUntil(async () => core.requireSignedIn().live.connected, 'the live link');
    const { store } = core.requireSignedIn();
    const feedReads = () => proxy.heads.filter((h) => h.includes('/api/knowledge/changes')).length;
    const reads = feedReads();
    const author = await signInAs(hub.url, AUTHOR);
    const draft = await author.client.post('/api/knowledge/articles', sampleArticle('Click and collect lockers'));
    const h = await publishArticle(hub.url, sampleArticle('Rain checks on offers'));
    await waitUntil(async () => store.article(h.entry.id), 'the pushed article in the cache');
    expect(feedReads()).toBe(reads);
    expect(store.article(draft.body.entry.id)).toBeNull();

    // A desktop that missed a change (its cursor is behind) reads the feed instead of applying the push.
    core.requireSignedIn().live.stop();
    const missed = await publishArticle(hub.url, sampleArticle('Missed while offline'));
    core.requireSignedIn().live.start();
    await waitUntil(async () => core.requireSignedIn().live.connected, 'the live link again');
    const next = await publishArticle(hub.url, sampleArticle('Heard after the gap'));
    await waitUntil(async () => store.article(next.entry.id), 'the article after the gap');
    expect(store.article(missed.entry.id)).not.toBeNull();
    expect(feedReads()).toBeGreaterThan(reads);
    await core.stop();
    await proxy.close();
  });

  it('applies a page in one transaction: a failing page leaves articles and cursor as they were', () => {
    const store = new DesktopStore(join(tmp('atomic'), 'store.sqlite'));
    const article = (id: string) => ({
      id,
      title: `Title ${id}`,
      summary: 's',
      body: 'b',
      line: 'food' as const,
      category: 'Refunds',
      tags: [],
      updatedAt: 1,
      publishedAt: 1,
    });
    store.applyKnowledgePage([{ kind: 'upsert', seq: 1, article: article('a') }], 1);
    const broken = { kind: 'upsert' as const, seq: 3, article: { ...article('c'), title: null as unknown as string } };
    expect(() => store.applyKnowledgePage([{ kind: 'upsert', seq: 2, article: article('b') }, broken], 3)).toThrow();
    expect(store.articleCount()).toBe(1);
    expect(store.knowledgeCursor).toBe(1);
    store.close();
  });

  it('drops an article from the cache when it is retired or narrowed to another audience', async () => {
    const core = new DesktopCore({ dataDir: tmp('audience'), hubUrl: hub.url });
    await core.signIn({ username: 'advisor2.gla', password: DEMO_PASSWORD });
    await core.syncKnowledge();
    const { store } = core.requireSignedIn();
    expect(store.article('mouldy-bread')).not.toBeNull();
    expect(store.article('refunds-without-receipt') ?? store.article('refund-without-receipt')).not.toBeNull();
    const admin = await signInAs(hub.url, AUTHOR);
    const reviewer = await signInAs(hub.url, REVIEWER);
    const v1 = (await admin.client.get('/api/knowledge/articles/mouldy-bread/versions/1')).body.version;
    const res = await admin.client.put('/api/knowledge/articles/mouldy-bread/draft', { ...v1, audienceScope: 'sites', audienceRoles: [], audienceSites: ['site_mcr'] });
    expect(res.status).toBe(200);
    await admin.client.post('/api/knowledge/articles/mouldy-bread/submit');
    expect((await reviewer.client.post('/api/knowledge/articles/mouldy-bread/review', { decision: 'approve' })).status).toBe(200);
    const list = (await admin.client.get('/api/knowledge/articles')).body.articles as { id: string }[];
    const retiredId = list.find((a) => a.id.startsWith('refund'))!.id;
    expect((await admin.client.post(`/api/knowledge/articles/${retiredId}/retire`)).status).toBe(200);
    await core.syncKnowledge();
    expect(store.article('mouldy-bread')).toBeNull(); // Glasgow may no longer see it
    expect(store.article(retiredId)).toBeNull();
    await core.stop();
  });
});
