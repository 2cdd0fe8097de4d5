import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushFrame } from '../../shared/contract/envelope';
import { DesktopCore } from '../../electron/core/core';
import { resolveDeployment } from '../../electron/core/deployment';
import { coreHandlers } from '../../electron/core/handlers';
import { openDesktopLog, recentLogLines } from '../../electron/core/log';
import { route } from '../../electron/core/router';
import { memoryVault } from '../../electron/core/session-vault';
import { DesktopSetup } from '../../electron/core/setup';
import type { Hub } from '../../server/hub';
import { DEMO_PASSWORD } from '../../server/seed/organisation';
import { sqliteBackend, testHub } from '../support/backends';
import { hubClient, signInAs } from '../support/client';

/** A desktop as a host builds it: deployment resolved from (no) policy, environment and first-run choice. */
function desktop(env: NodeJS.ProcessEnv, dataDir = mkdtempSync(join(tmpdir(), 'rapport-setup-')), keeping: 'file' | 'process-only' = 'file') {
  const deployment = resolveDeployment({ policy: { policy: null, problem: null }, env, dataDir });
  const setup = new DesktopSetup({ dataDir, deployment, sessionKeeping: keeping, sessionNotice: keeping === 'process-only' ? 'You will sign in again.' : null });
  const core = new DesktopCore({ dataDir, hubUrl: deployment.hubUrl ?? '', setup, vault: keeping === 'process-only' ? memoryVault() : undefined });
  const pushes: PushFrame[] = [];
  core.onPush((f) => pushes.push(f));
  const call = async (name: string, args: unknown = {}) => (await route(coreHandlers(core, { dataDir }), { id: 1, name, args }))!.result as { ok: boolean; value?: any; error?: any };
  return { core, call, pushes, dataDir };
}

describe('first run, versions, diagnostics and presence on a real hub', () => {
  let hub: Hub;
  let strictHub: Hub;
  beforeAll(async () => {
    [hub, strictHub] = await Promise.all([testHub(sqliteBackend), testHub(sqliteBackend, { minDesktopVersion: '9.0.0' })]);
  });
  afterAll(async () => {
    await Promise.all([hub?.close(), strictHub?.close()]);
  });

  it('with no policy and no environment, asks for the hub address, checks it, keeps it across restarts', async () => {
    const d = desktop({});
    expect((await d.call('setup.status')).value).toMatchObject({ hubUrl: null, hubSource: null, version: '0.1.0', sessionKeeping: 'file' });
    expect((await d.call('session.signIn', { username: 'advisor1.mcr', password: DEMO_PASSWORD })).error).toMatchObject({ code: 'no_hub' });
    expect((await d.call('setup.chooseHub', { hubUrl: 'http://hub.example.co.uk' })).error).toMatchObject({ code: 'invalid_request', message: expect.stringMatching(/Use https/) });
    const closed = await d.call('setup.chooseHub', { hubUrl: 'http://127.0.0.1:9' });
    expect(closed.error).toMatchObject({ code: 'hub_unreachable', message: expect.stringContaining('No Rapport hub answered at http://127.0.0.1:9') });
    const chosen = await d.call('setup.chooseHub', { hubUrl: hub.url + '/' });
    expect(chosen.value).toMatchObject({ hubUrl: hub.url, hubSource: 'chosen', updateNeeded: null });
    expect(d.pushes.some((p) => p.push === 'setup.changed')).toBe(true);
    expect((await d.call('session.signIn', { username: 'advisor1.mcr', password: DEMO_PASSWORD })).ok).toBe(true);
    expect((await d.call('setup.chooseHub', { hubUrl: hub.url })).error).toMatchObject({ code: 'signed_in' });
    await d.core.stop();
    const again = desktop({}, d.dataDir);
    expect((await again.call('setup.status')).value).toMatchObject({ hubUrl: hub.url, hubSource: 'chosen' });
    await again.core.stop();
  });

  it('a desktop older than the hub serves says "update needed" instead of signing in', async () => {
    const d = desktop({ RAPPORT_HUB_URL: strictHub.url });
    await d.core.start();
    await expect.poll(async () => (await d.call('setup.status')).value.updateNeeded).toEqual({ minDesktop: '9.0.0' });
    const refused = await d.call('session.signIn', { username: 'advisor1.mcr', password: DEMO_PASSWORD });
    expect(refused.error).toMatchObject({ code: 'update_needed', message: expect.stringContaining('9.0.0') });
    expect(d.core.sessionState.signedIn).toBe(false);
    await d.core.stop();
  });

  it('without a keychain, the sign-in lasts for this run only, and the person is told', async () => {
    const d = desktop({ RAPPORT_HUB_URL: hub.url }, undefined, 'process-only');
    expect((await d.call('setup.status')).value).toMatchObject({ sessionKeeping: 'process-only', sessionNotice: 'You will sign in again.' });
    expect((await d.call('session.signIn', { username: 'advisor1.mcr', password: DEMO_PASSWORD })).ok).toBe(true);
    await d.core.stop();
    const restarted = desktop({ RAPPORT_HUB_URL: hub.url }, d.dataDir, 'process-only');
    await restarted.core.start();
    expect(restarted.core.sessionState.signedIn).toBe(false);
    await restarted.core.stop();
  });

  it('copies diagnostics for the service desk: versions, hub, store, recent log; no token and no card number', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'rapport-diag-'));
    const log = openDesktopLog(dataDir);
    await log.ready;
    log.warn({ note: 'customer read out 4111 1111 1111 1111' }, 'a line with a card number in it');
    await expect.poll(() => recentLogLines(join(dataDir, 'logs'), 10).length).toBeGreaterThan(0);
    const d = desktop({ RAPPORT_HUB_URL: hub.url }, dataDir);
    await d.call('session.signIn', { username: 'advisor1.mcr', password: DEMO_PASSWORD });
    const text = ((await d.call('diagnostics.collect')).value as { text: string }).text;
    expect(text).toContain('Rapport desktop 0.1.0');
    expect(text).toContain(`Hub: ${hub.url} (from environment)`);
    expect(text).toMatch(/Signed in: yes, as advisor at Manchester/);
    expect(text).toMatch(/Offline store schema: \d+/);
    expect(text).toContain('a line with a card number in it');
    expect(text).toContain('411111••••••1111');
    expect(text).not.toContain('4111 1111 1111 1111');
    const token = (d.core.hub as { token: string | null }).token!;
    expect(text).not.toContain(token);
    expect(text).not.toContain(DEMO_PASSWORD);
    await d.core.stop();
  });

  it('a locked screen makes a Ready advisor Not ready on the hub; a break stays a break', async () => {
    const d = desktop({ RAPPORT_HUB_URL: hub.url });
    await d.call('session.signIn', { username: 'advisor2.mcr', password: DEMO_PASSWORD });
    await d.call('agent.setState', { state: 'ready' });
    await d.core.awayFromDesk('lock-screen');
    const { token } = await signInAs(hub.url, 'advisor2.mcr');
    const state = async () => (await hubClient(hub.url, token).get('/api/agent/state')).body as { state: string; reason: string | null };
    expect(await state()).toMatchObject({ state: 'not_ready', reason: 'Screen locked' });
    await d.call('agent.setState', { state: 'break' });
    await d.core.awayFromDesk('suspend');
    expect((await state()).state).toBe('break');
    await d.core.stop();
  });
});

describe('a broken policy file', () => {
  it('is reported, and a person cannot choose another hub over it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'rapport-policy-'));
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(join(dataDir, 'policy.json'), '{"hubUrl": "http://hub.example.co.uk"}');
    const { readPolicy } = await import('../../electron/core/deployment');
    const deployment = resolveDeployment({ policy: readPolicy(join(dataDir, 'policy.json')), env: { RAPPORT_HUB_URL: 'http://127.0.0.1:5782' }, dataDir });
    const setup = new DesktopSetup({ dataDir, deployment, sessionKeeping: 'file' });
    expect(setup.status.policyProblem).toMatch(/hubUrl: Use https/);
    await expect(setup.chooseHub('https://other.example.co.uk', false)).rejects.toMatchObject({ code: 'set_by_policy' });
  });
});

describe('the desktop log files', () => {
  it('rotate by size and keep only the newest few, and the recent lines read back newest last', async () => {
    const { desktopLogger } = await import('../../electron/core/log');
    const { readdirSync } = await import('node:fs');
    const dataDir = mkdtempSync(join(tmpdir(), 'rapport-rotate-'));
    const log = await desktopLogger(dataDir, 'info', { size: '2k', keep: 2 });
    for (let i = 0; i < 200; i++) {
      log.info({ i, note: 'card 4111 1111 1111 1111 read out' }, `line ${i}`);
      // Writes come in bursts, as in use; between bursts pino-roll's stream gets to check the size.
      if (i % 20 === 19) await new Promise((r) => setTimeout(r, 20));
    }
    await expect.poll(() => recentLogLines(join(dataDir, 'logs'), 1).join()).toContain('line 199');
    const files = () => readdirSync(join(dataDir, 'logs')).filter((f) => /^rapport\.\d+\.log$/.test(f));
    expect(files().length).toBeGreaterThan(1);
    // pino-roll removes the oldest file after it opens the next: wait for that state, not a time.
    await expect.poll(files).not.toContain('rapport.1.log'); // the oldest went
    const lines = recentLogLines(join(dataDir, 'logs'), 5);
    expect(lines.map((l) => JSON.parse(l).msg)).toEqual(['line 195', 'line 196', 'line 197', 'line 198', 'line 199']);
    expect(lines.join('\n')).not.toContain('4111 1111');
  });
});
