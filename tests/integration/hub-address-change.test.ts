import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DesktopCore } from '../../electron/core/core';
import { readPolicy, resolveDeployment } from '../../electron/core/deployment';
import { coreHandlers } from '../../electron/core/handlers';
import { route } from '../../electron/core/router';
import { DesktopSetup } from '../../electron/core/setup';
import type { Hub } from '../../server/hub';
import { DEMO_PASSWORD } from '../../server/seed/organisation';
import { sqliteBackend, testHub } from '../support/backends';

/** A desktop as a host builds it, with an optional policy file on disk. */
function desktop(dataDir: string, policy: Record<string, unknown> | null = null) {
  const file = join(dataDir, 'policy.json');
  if (policy) writeFileSync(file, JSON.stringify(policy));
  const deployment = resolveDeployment({ policy: readPolicy(file), env: {}, dataDir });
  const setup = new DesktopSetup({ dataDir, deployment, sessionKeeping: 'file' });
  const core = new DesktopCore({ dataDir, hubUrl: deployment.hubUrl ?? '', setup });
  const call = async (name: string, args: unknown = {}) => (await route(coreHandlers(core, { dataDir }), { id: 1, name, args }))!.result as { ok: boolean; value?: any; error?: any };
  return { core, call };
}

describe('changing the hub address from Settings after the first run', () => {
  let first: Hub;
  let second: Hub;
  beforeAll(async () => {
    [first, second] = await Promise.all([testHub(sqliteBackend), testHub(sqliteBackend)]);
  });
  afterAll(async () => {
    await Promise.all([first.close(), second.close()]);
  });

  it('checks the new hub first, then signs out of the old one; the next sign-in and every restart use the new one', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'rapport-hubchange-'));
    const d = desktop(dataDir);
    expect((await d.call('setup.chooseHub', { hubUrl: first.url })).ok).toBe(true);
    expect((await d.call('session.signIn', { username: 'advisor1.mcr', password: DEMO_PASSWORD })).ok).toBe(true);
    // Without saying "sign me out", a signed-in desktop keeps its hub (the first-run screen's rule).
    expect((await d.call('setup.chooseHub', { hubUrl: second.url })).error).toMatchObject({ code: 'signed_in' });
    // A hub that does not answer changes nothing: still signed in to the first.
    expect((await d.call('setup.chooseHub', { hubUrl: 'http://127.0.0.1:9', signOut: true })).error).toMatchObject({ code: 'hub_unreachable' });
    expect(d.core.sessionState.signedIn).toBe(true);

    const moved = await d.call('setup.chooseHub', { hubUrl: second.url, signOut: true });
    expect(moved.value).toMatchObject({ hubUrl: second.url, hubSource: 'chosen' });
    expect(d.core.sessionState.signedIn).toBe(false);
    // The session at the old hub was ended there, not just forgotten here.
    const open = await first.context.db.get<{ n: number }>("SELECT COUNT(*) AS n FROM sessions WHERE user_id = 'usr_advisor1_mcr'");
    expect(Number(open!.n)).toBe(0);
    expect((await d.call('session.signIn', { username: 'advisor2.mcr', password: DEMO_PASSWORD })).ok).toBe(true);
    const there = await second.context.db.get<{ n: number }>("SELECT COUNT(*) AS n FROM sessions WHERE user_id = 'usr_advisor2_mcr'");
    expect(Number(there!.n)).toBe(1);
    await d.core.stop();

    const restarted = desktop(dataDir);
    expect((await restarted.call('setup.status')).value).toMatchObject({ hubUrl: second.url, hubSource: 'chosen' });
    await restarted.core.stop();
  });

  it('a policy file that pins the hub cannot be overridden from Settings, and nobody is signed out trying', async () => {
    const d = desktop(mkdtempSync(join(tmpdir(), 'rapport-hubchange-policy-')), { hubUrl: first.url });
    expect((await d.call('session.signIn', { username: 'advisor3.mcr', password: DEMO_PASSWORD })).ok).toBe(true);
    expect((await d.call('setup.chooseHub', { hubUrl: second.url, signOut: true })).error).toMatchObject({ code: 'set_by_policy' });
    expect(d.core.sessionState.signedIn).toBe(true);
    expect((await d.call('setup.status')).value).toMatchObject({ hubUrl: first.url, hubSource: 'policy' });
    await d.core.stop();
  });
});
