import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushFrame } from '../../shared/contract/envelope';
import { DesktopCore } from '../../electron/core/core';
import { coreHandlers } from '../../electron/core/handlers';
import { route } from '../../electron/core/router';
import type { Hub } from '../../server/hub';
import { DEMO_PASSWORD } from '../../server/seed/organisation';
import { sqliteBackend, testHub } from '../support/backends';
import { signInAs } from '../support/client';
import { AUTHOR, publishArticle } from '../support/knowledge';

const waitFor = async (check: () => boolean, what: string, ms = 8000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};

function desktop(hubUrl: string, dataDir = mkdtempSync(join(tmpdir(), 'rapport-core-'))) {
  const core = new DesktopCore({ dataDir, hubUrl, syncPageSize: 25 });
  const pushes: PushFrame[] = [];
  core.onPush((f) => pushes.push(f));
  const call = async (name: string, args: unknown = {}) => (await route(coreHandlers(core), { id: 1, name, args }))!.result;
  return { core, pushes, call, dataDir };
}

describe('the desktop core against a real hub', () => {
  let hub: Hub;
  beforeAll(async () => {
    hub = await testHub(sqliteBackend);
  });
  afterAll(async () => {
    await hub.close();
  });

  it('signs in, syncs the articles this advisor may read into its own store, and pages them to the renderer', async () => {
    const d = desktop(hub.url);
    const signIn = await d.call('session.signIn', { username: 'advisor1.mcr', password: DEMO_PASSWORD });
    expect(signIn).toMatchObject({ ok: true, value: { signedIn: true, offline: false } });
    await waitFor(() => d.core.connection.state === 'online' && d.core.connection.lastSyncedAt !== null, 'first sync');
    const page = await d.call('knowledge.page', { offset: 0, limit: 500 });
    if (!page.ok) throw new Error(page.error.message);
    const { articles, total } = page.value as { articles: { id: string }[]; total: number };
    const visible = await hub.context.db.get<{ n: number }>(
      "SELECT COUNT(*) AS n FROM knowledge_articles WHERE status = 'published' AND audience_roles = ''",
    );
    expect(total).toBe(Number(visible!.n));
    expect(articles.map((a) => a.id)).not.toContain('approving-goodwill-above-advisor-limit');
    expect(d.pushes.some((p) => p.push === 'connection.changed' && (p.data as { state: string }).state === 'syncing')).toBe(true);
    await d.core.stop();
  });

  it('gives a supervisor the supervisor-only articles too, in a separate store on the same computer', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'rapport-core-shared-'));
    const a = desktop(hub.url, dataDir);
    await a.call('session.signIn', { username: 'advisor2.mcr', password: DEMO_PASSWORD });
    await waitFor(() => a.core.connection.lastSyncedAt !== null, 'advisor sync');
    await a.call('session.signOut');
    await a.core.stop();
    const s = desktop(hub.url, dataDir);
    await s.call('session.signIn', { username: 'supervisor.mcr', password: DEMO_PASSWORD });
    await waitFor(() => s.core.connection.lastSyncedAt !== null, 'supervisor sync');
    const supervisorOnly = await hub.context.db.all<{ id: string }>("SELECT id FROM knowledge_articles WHERE audience_roles LIKE '%supervisor%'");
    expect(supervisorOnly.length).toBeGreaterThan(0);
    for (const { id } of supervisorOnly) expect((await s.call('knowledge.get', { id })).ok).toBe(true);
    expect(existsSync(join(dataDir, 'users', 'usr_advisor2_mcr', 'store.sqlite'))).toBe(true);
    expect(existsSync(join(dataDir, 'users', 'usr_supervisor_mcr', 'store.sqlite'))).toBe(true);
    await s.core.stop();
  });

  it('hears a publish live and a retirement, updating the store and telling the renderer', async () => {
    const d = desktop(hub.url);
    await d.call('session.signIn', { username: 'advisor1.lds', password: DEMO_PASSWORD });
    await waitFor(() => d.core.connection.state === 'online' && d.core.connection.lastSyncedAt !== null, 'first sync');
    const admin = await signInAs(hub.url, AUTHOR);
    const made = await publishArticle(hub.url, {
      title: 'Bagpipers for a funeral service',
      summary: 'Booking a piper through the funeral director.',
      body: 'Ask the funeral director to book a piper; allow two weeks.',
      line: 'funeralcare',
      category: 'Arranging a funeral',
      tags: ['piper'],
    });
    const id = made.entry.id;
    await waitFor(() => d.pushes.some((p) => p.push === 'knowledge.changed' && JSON.stringify(p.data).includes(id)), 'publish push');
    expect((await d.call('knowledge.get', { id })).ok).toBe(true);
    await admin.client.post(`/api/knowledge/articles/${id}/retire`);
    await waitFor(
      () => d.pushes.some((p) => p.push === 'knowledge.changed' && (p.data as { removed: string[] }).removed.includes(id)),
      'retire push',
    );
    const gone = await d.call('knowledge.get', { id });
    expect(gone.ok).toBe(false);
    await d.core.stop();
  });

  it('refuses malformed requests with every bad field and unknown request names', async () => {
    const d = desktop(hub.url);
    const bad = await d.call('session.signIn', { username: '', password: 5 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.problems!.map((p) => p.path)).toEqual(expect.arrayContaining(['username', 'password']));
    const unknown = await d.call('calls.hangUpEveryone');
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown_request' } });
    expect(await route(coreHandlers(d.core), { nonsense: true })).toBeNull();
    const signedOut = await d.call('knowledge.page', { offset: 0, limit: 10 });
    expect(signedOut).toMatchObject({ ok: false, error: { code: 'signed_out' } });
  });
});
