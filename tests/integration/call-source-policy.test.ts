import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CallDeskView, CallView } from '../../shared/contract/calls';
import type { PushFrame } from '../../shared/contract/envelope';
import { DesktopCore } from '../../electron/core/core';
import { readPolicy, resolveDeployment, softphonePlan } from '../../electron/core/deployment';
import { coreHandlers } from '../../electron/core/handlers';
import { route } from '../../electron/core/router';
import { DesktopSetup } from '../../electron/core/setup';
import type { Hub } from '../../server/hub';
import { DEMO_PASSWORD } from '../../server/seed/organisation';
import { sqliteBackend, testHub } from '../support/backends';
import { waitUntil } from '../support/wait';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

describe('the policy file’s callSource chooses where calls come from', () => {
  let hub: Hub;
  beforeAll(async () => {
    hub = await testHub(sqliteBackend);
  });
  afterAll(async () => {
    await hub.close();
  });

  /** A desktop as the hosts build it, from a real policy file on disk. */
  async function deployedDesktop(policy: Record<string, unknown> | null, username: string) {
    const dir = mkdtempSync(join(tmpdir(), 'rapport-policy-'));
    const file = join(dir, 'policy.json');
    if (policy) writeFileSync(file, JSON.stringify({ hubUrl: hub.url, ...policy }));
    const dataDir = join(dir, 'desktop');
    const deployment = resolveDeployment({ policy: readPolicy(file), env: { RAPPORT_HUB_URL: hub.url }, dataDir });
    const setup = new DesktopSetup({ dataDir, deployment, sessionKeeping: 'file' });
    const core = new DesktopCore({ dataDir, hubUrl: deployment.hubUrl ?? '', setup, ctiUrl: 'http://127.0.0.1:5781/api/v1/cti/x' });
    cleanup.push(() => core.stop());
    const pushes: PushFrame[] = [];
    core.onPush((f) => pushes.push(f));
    const call = async (name: string, args: unknown = {}) => (await route(coreHandlers(core), { id: 1, name, args }))!.result as { ok: boolean; value?: any; error?: any };
    expect((await call('session.signIn', { username, password: DEMO_PASSWORD })).ok).toBe(true);
    await waitUntil(async () => core.connection.state === 'online', 'the live link open');
    const userId = core.sessionState.signedIn ? core.sessionState.user.id : '';
    const relay = (callId: string) =>
      hub.context.events.publish({
        name: 'call.signal',
        data: { kind: 'offered', callId, at: Date.now(), direction: 'in', from: '07700900123', attached: {}, agent: 'Local/1001' },
        audience: { kind: 'user', userId },
      });
    const offered = (callId: string) => pushes.some((p) => p.push === 'call.changed' && (p.data as CallView | null)?.call.callId === callId);
    return { core, call, relay, offered, deployment };
  }

  it('pbx: the hub relays the calls, the webhook is off and refused, and Settings cannot choose another source', async () => {
    const d = await deployedDesktop({ callSource: 'pbx' }, 'advisor1.mcr');
    expect(softphonePlan(d.deployment.policy, {}).listen).toBe(false);
    const desk = (await d.call('calls.desk')).value as CallDeskView;
    expect(desk).toMatchObject({ source: 'hub', sources: ['hub'] });
    expect((await d.call('calls.setSource', { source: 'softphone' })).error).toMatchObject({ code: 'set_by_policy' });
    expect(d.core.webhook({ event: 'newCall', from: '07700900124', to: '08081570001', direction: 'in', callId: 'soft-1' }, Date.now())).toMatchObject({ status: 409 });
    await d.relay('pbx-1');
    await waitUntil(async () => d.offered('pbx-1'), 'the relayed call offered');
  });

  it('softphone: the webhook rings, a relayed call is ignored, and the hub cannot be chosen', async () => {
    const d = await deployedDesktop({ callSource: 'softphone' }, 'advisor2.mcr');
    expect(softphonePlan(d.deployment.policy, {}).listen).toBe(true);
    expect((await d.call('calls.desk')).value).toMatchObject({ source: 'softphone', sources: ['softphone', 'simulator'] });
    expect((await d.call('calls.setSource', { source: 'hub' })).error).toMatchObject({ code: 'set_by_policy' });
    expect((await d.call('calls.setSource', { source: 'simulator' })).value).toMatchObject({ source: 'simulator' });
    await d.relay('pbx-2');
    expect(d.core.webhook({ event: 'newCall', from: '07700900124', to: '08081570001', direction: 'in', callId: 'soft-2' }, Date.now())).toMatchObject({ status: 200 });
    await waitUntil(async () => d.offered('soft-2'), 'the softphone call offered');
    expect(d.offered('pbx-2')).toBe(false);
  });

  it('both (or no policy): the person chooses in Settings, and the choice is kept', async () => {
    const d = await deployedDesktop({ callSource: 'both' }, 'advisor3.mcr');
    expect((await d.call('calls.desk')).value).toMatchObject({ source: 'softphone', sources: ['softphone', 'hub', 'simulator'] });
    expect((await d.call('calls.setSource', { source: 'hub' })).value).toMatchObject({ source: 'hub' });
    await d.relay('pbx-3');
    await waitUntil(async () => d.offered('pbx-3'), 'the relayed call offered once the hub is chosen');
    const none = await deployedDesktop(null, 'advisor1.lds');
    expect((await none.call('calls.desk')).value).toMatchObject({ sources: ['softphone', 'hub', 'simulator'] });
  });
});
