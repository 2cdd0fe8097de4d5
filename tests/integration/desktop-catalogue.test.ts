import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../shared/contract/envelope';
import type { RequestArgs, RequestName, RequestResults } from '../../shared/contract/requests';
import { monthOf } from '../../shared/gestures/policy';
import { DesktopCore } from '../../electron/core/core';
import { coreHandlers } from '../../electron/core/handlers';
import { route } from '../../electron/core/router';
import type { Hub } from '../../server/hub';
import { DEMO_PASSWORD } from '../../server/seed/organisation';
import { backends, dropTestSchemas, testHub } from '../support/backends';

/** One person's desktop core, asked as the renderer asks it: through the router, args parsed from unknown. */
async function desktopFor(hubUrl: string, username: string) {
  const core = new DesktopCore({ dataDir: mkdtempSync(join(tmpdir(), 'rapport-catalogue-')), hubUrl, syncPageSize: 200 });
  const call = async <N extends RequestName>(
    name: N,
    args: RequestArgs<N> | Record<string, unknown>,
  ): Promise<Result<RequestResults[N]>> =>
    (await route(coreHandlers(core), { id: 1, name, args }))!.result as Result<RequestResults[N]>;
  const value = async <N extends RequestName>(name: N, args: RequestArgs<N>): Promise<RequestResults[N]> => {
    const r = await call(name, args);
    if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message} ${JSON.stringify(r.error.problems)}`);
    return r.value;
  };
  const signedIn = await call('session.signIn', { username, password: DEMO_PASSWORD });
  if (!signedIn.ok) throw new Error(signedIn.error.message);
  return { core, call, value };
}

const item = {
  id: 'remembrance-candle',
  name: 'Remembrance candle',
  description: 'A boxed candle with a card, sent to the family.',
  kind: 'gift' as const,
  minPence: 1200,
  maxPence: 1800,
  tone: 'condolence' as const,
  bereavementSuitable: true,
  fields: [
    { key: 'recipientName', label: 'Recipient’s name', kind: 'text' as const, required: true },
    { key: 'inMemoryOf', label: 'In memory of', kind: 'text' as const, required: false },
  ],
  templates: ['Dear {recipientName}, thinking of you.'],
  fulfilment: 'partner_gift_supplier',
  lines: ['funeralcare' as const],
  sites: [],
  tags: ['candle'],
};

for (const backend of backends()) {
  describe(`the admin's catalogue, limits, budgets and audit through the desktop core on ${backend.name}`, () => {
    let hub: Hub;
    let admin: Awaited<ReturnType<typeof desktopFor>>;
    let advisor: Awaited<ReturnType<typeof desktopFor>>;

    beforeAll(async () => {
      hub = await testHub(backend);
      [admin, advisor] = await Promise.all([desktopFor(hub.url, 'head.mcr'), desktopFor(hub.url, 'advisor1.lds')]);
    });
    afterAll(async () => {
      await Promise.all([admin.core.stop(), advisor.core.stop()]);
      await hub.close();
      await dropTestSchemas();
    });

    it('adds, edits and retires an item; an edit never revives it; the admin still lists it, an advisor does not', async () => {
      const before = await admin.value('catalogue.list', {});
      expect(before.sites.map((s) => s.name)).toContain('Leeds (Northpoint Contact)');
      expect(before.items.some((i) => i.id === item.id)).toBe(false);

      const made = await admin.value('catalogue.save', { mode: 'create', item });
      expect(made.item).toMatchObject({ id: item.id, retired: false, minPence: 1200 });
      const edited = await admin.value('catalogue.save', {
        mode: 'update',
        item: { ...item, name: 'Remembrance candle and card', maxPence: 2000 },
      });
      expect(edited.item).toMatchObject({ name: 'Remembrance candle and card', maxPence: 2000 });

      expect((await admin.value('catalogue.retire', { itemId: item.id })).item.retired).toBe(true);
      // The form always sends `retired: false` (the schema's default); the core must not pass it on.
      const typoFixed = await admin.value('catalogue.save', { mode: 'update', item: { ...item, description: 'Fixed a typo.' } });
      expect(typoFixed.item).toMatchObject({ retired: true, description: 'Fixed a typo.' });

      const adminList = await admin.value('catalogue.list', {});
      expect(adminList.items.find((i) => i.id === item.id)?.retired).toBe(true);
      const advisorList = await advisor.value('catalogue.list', {});
      expect(advisorList.items.map((i) => i.id)).not.toContain(item.id);
    });

    it('reports every failing field with the path the form uses, and the hub refuses a taken reference and non-admins', async () => {
      const bad = await admin.call('catalogue.save', {
        mode: 'create',
        item: { ...item, id: 'party-box', tone: 'celebratory', minPence: 900, maxPence: 500, lines: [] },
      });
      expect(bad.ok).toBe(false);
      if (bad.ok) return;
      expect(bad.error.problems?.map((p) => p.path).sort()).toEqual(['item.bereavementSuitable', 'item.lines', 'item.maxPence']);

      const taken = await admin.call('catalogue.save', { mode: 'create', item: { ...item, name: 'Another candle' } });
      expect(taken).toMatchObject({ ok: false, error: { code: 'conflict' } });
      const badReference = await admin.call('catalogue.save', { mode: 'create', item: { ...item, id: 'Big Candle' } });
      expect(badReference).toMatchObject({ ok: false, error: { problems: [{ path: 'id' }] } });
      const unknownSite = await admin.call('catalogue.save', {
        mode: 'create',
        item: { ...item, id: 'elsewhere', sites: ['site_nowhere'] },
      });
      expect(unknownSite).toMatchObject({ ok: false, error: { problems: [{ path: 'sites' }] } });

      expect(await advisor.call('catalogue.save', { mode: 'create', item: { ...item, id: 'advisor-made' } })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
      expect(await advisor.call('gestures.updateSettings', { customerCapPence: 1 })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
      expect(await advisor.call('audit.list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    });

    it('changes the advisor limit and keeps the rest; refuses an advisor limit above the supervisor’s', async () => {
      const { settings: before } = await admin.value('gestures.settings', {});
      const { settings } = await admin.value('gestures.updateSettings', {
        limits: { advisorPence: 3000, supervisorPence: before.limits.supervisorPence },
      });
      expect(settings).toEqual({ ...before, limits: { ...before.limits, advisorPence: 3000 } });
      expect((await advisor.value('gestures.settings', {})).settings.limits.advisorPence).toBe(3000);

      const refused = await admin.call('gestures.updateSettings', { limits: { advisorPence: 20000, supervisorPence: 15000 } });
      expect(refused).toMatchObject({ ok: false, error: { problems: [{ path: 'limits.advisorPence' }] } });
    });

    it('sets one site’s budget for a month and refuses a budget below what is spent', async () => {
      const month = monthOf(Date.now());
      const { budgets } = await admin.value('gestures.budgets', { month });
      const leeds = budgets.find((b) => b.siteName === 'Leeds (Northpoint Contact)')!;
      const { budget } = await admin.value('gestures.setBudget', { siteId: leeds.siteId, month, budgetPence: 123456 });
      expect(budget).toMatchObject({
        siteId: leeds.siteId,
        month,
        budgetPence: 123456,
        leftPence: 123456 - leeds.reservedPence - leeds.committedPence,
      });

      await hub.context.db.run('UPDATE budgets SET committed_pence = ? WHERE site_id = ? AND month = ?', [
        5000,
        leeds.siteId,
        month,
      ]);
      const below = await admin.call('gestures.setBudget', { siteId: leeds.siteId, month, budgetPence: 4999 });
      expect(below).toMatchObject({ ok: false, error: { code: 'budget_below_spend', problems: [{ path: 'budgetPence' }] } });
      expect(await admin.call('gestures.setBudget', { siteId: leeds.siteId, month: '2026-13', budgetPence: 1 })).toMatchObject({
        ok: false,
        error: { code: 'invalid_request' },
      });
    });

    it('pages the audit log newest first with names, and filters by what changed', async () => {
      const first = await admin.value('audit.list', { limit: 3 });
      expect(first.entries).toHaveLength(3);
      expect(first.nextBefore).toBe(first.entries[2]!.id);
      const ids = first.entries.map((e) => e.id);
      expect([...ids].sort((a, b) => b - a)).toEqual(ids);
      expect(first.entries[0]).toMatchObject({
        action: 'budget.set',
        actorName: 'Nadia Rahman',
        subjectName: 'Leeds (Northpoint Contact)',
        siteName: 'Leeds (Northpoint Contact)',
      });

      const second = await admin.value('audit.list', { limit: 3, before: first.nextBefore! });
      expect(Math.max(...second.entries.map((e) => e.id))).toBeLessThan(Math.min(...ids));

      const items = await admin.value('audit.list', { entity: 'gesture_item', limit: 50 });
      expect(items.entries.map((e) => e.action)).toEqual([
        'catalogue.item_updated',
        'catalogue.item_retired',
        'catalogue.item_updated',
        'catalogue.item_created',
      ]);
      expect(items.entries.every((e) => e.subjectName?.startsWith('Remembrance candle'))).toBe(true);
      expect(items.nextBefore).toBeNull();
      const limits = await admin.value('audit.list', { entity: 'gesture_settings' });
      expect(limits.entries[0]!.detail).toMatchObject({
        before: { limits: { advisorPence: 2500 } },
        after: { limits: { advisorPence: 3000 } },
      });
    });
  });
}
