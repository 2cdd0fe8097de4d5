import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallView } from '../../shared/contract/calls';
import type { PushFrame } from '../../shared/contract/envelope';
import { DesktopCore } from '../../electron/core/core';
import { startCtiReceiver } from '../../electron/core/cti-receiver';
import type { Hub } from '../../server/hub';
import { DEMO_PASSWORD } from '../../server/seed/organisation';
import { sqliteBackend, testHub } from '../support/backends';
import { signInAs } from '../support/client';
import { until as waitFor } from '../support/pbx';

const until = async <T>(probe: () => T | undefined, what: string, ms = 8000): Promise<T> => {
  const end = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('calls from a softphone webhook through the desktop core', () => {
  let hub: Hub;
  let core: DesktopCore;
  let url: string;
  let close: () => Promise<void>;
  const pushes: PushFrame[] = [];
  const lastCall = () => [...pushes].reverse().find((p) => p.push === 'call.changed')?.data as CallView | null | undefined;
  const post = (body: unknown, type = 'application/json', to = url) =>
    fetch(to, { method: 'POST', headers: { 'content-type': type }, body: type === 'application/json' ? JSON.stringify(body) : String(body) }).then(async (r) => ({
      status: r.status,
      body: (await r.json()) as Record<string, unknown>,
    }));

  beforeAll(async () => {
    hub = await testHub(sqliteBackend);
    core = new DesktopCore({ dataDir: mkdtempSync(join(tmpdir(), 'rapport-desk-')), hubUrl: hub.url, wrapUpSeconds: 60 });
    core.onPush((f) => pushes.push(f));
    const receiver = await startCtiReceiver({ port: 0, token: 'test-token-123', handle: (e, at) => core.webhook(e, at) });
    url = `http://127.0.0.1:${receiver.port}/api/v1/cti/test-token-123`;
    close = receiver.close;
  });
  afterAll(async () => {
    await core.stop();
    await close();
    await hub.close();
  });

  it('refuses a newCall while nobody is signed in, so the PBX tries someone else', async () => {
    const r = await post({ event: 'newCall', from: '07700900001', to: '08081570001', direction: 'in', callId: 'early' });
    expect(r).toEqual({ status: 200, body: { action: 'reject', reason: 'busy' } });
  });

  it('pops the card of a known caller on a funeral-care call in sensitive mode, opens a case on answer and wraps up', async () => {
    await core.signIn({ username: 'advisor1.mcr', password: DEMO_PASSWORD });
    const customer = await hub.context.db.get<{ id: string; phone: string; name: string }>(
      "SELECT id, phone, name FROM customers WHERE phone LIKE '+447700900%' AND bereaved = 0 LIMIT 1",
    );
    const national = '0' + customer!.phone.slice(3);
    const ring = await post({ event: 'newCall', from: national, to: '08081570002', direction: 'in', callId: 'call-1', queue: 'funeralcare' });
    expect(ring).toEqual({ status: 200, body: {} });
    const popped = await until(() => (lastCall()?.lookup === 'found' ? lastCall()! : undefined), 'screen pop');
    expect(popped).toMatchObject({ caller: customer!.phone, line: 'funeralcare', sensitive: true, call: { phase: 'offered' } });
    expect(popped.card!.customer.name).toBe(customer!.name);

    expect((await post({ event: 'answer', callId: 'call-1', direction: 'in', answeringNumber: '1001' })).status).toBe(200);
    const answered = await until(() => (lastCall()?.caseId ? lastCall()! : undefined), 'case opened');
    expect(answered.call.phase).toBe('connected');
    await core.requireSignedIn().desk.addNote('call-1', 'Caller read 4111 1111 1111 1111 aloud');

    expect((await post({ event: 'hangup', callId: 'call-1', direction: 'in', cause: 'normalClearing' })).status).toBe(200);
    const wrapping = await until(() => (lastCall()?.wrapUp ? lastCall()! : undefined), 'wrap-up');
    expect(wrapping.wrapUp!.codes.map((c) => c.id)).toContain('fc-bereavement');
    expect(wrapping.protectedPauseOffered).toBe(true);
    const desk = await core.requireSignedIn().desk.wrapUp('call-1', 'fc-bereavement', 'Family want a cremation next week.');
    expect(desk.current).toBeNull();
    expect(desk.history[0]).toMatchObject({ callId: 'call-1', outcome: 'Answered', wrapupCode: 'fc-bereavement', callBack: false });
    const stored = await hub.context.db.get<{ status: string; wrapup_code: string; call_id: string }>('SELECT status, wrapup_code, call_id FROM cases WHERE id = ?', [answered.caseId]);
    expect(stored).toEqual({ status: 'closed', wrapup_code: 'fc-bereavement', call_id: 'call-1' });
    const notes = await hub.context.db.all<{ body: string }>('SELECT body FROM case_notes WHERE case_id = ?', [answered.caseId]);
    expect(notes.map((n) => n.body).join(' ')).toContain('411111••••••1111');
    // The softphone's call is a record on the hub too, reported by this desktop.
    const record = await waitFor(
      () => hub.context.db.get<Record<string, unknown>>("SELECT source, direction, outcome, queue, duration_seconds FROM call_records WHERE call_id = 'call-1'"),
      'the call record on the hub',
    );
    expect(record).toMatchObject({ source: 'desktop', direction: 'in', outcome: 'Answered', queue: 'funeralcare' });

    const pause = await core.requireSignedIn().desk.setAgentState({ state: 'protected_pause', minutes: 10 });
    expect(pause).toMatchObject({ state: 'protected_pause', reason: 'Protected pause after a difficult call' });
    expect((await post({ event: 'newCall', from: '07700900002', to: '08081570001', direction: 'in', callId: 'during-pause' })).body).toEqual({ action: 'reject', reason: 'busy' });
    await core.requireSignedIn().desk.setAgentState({ state: 'ready' });
  });

  it('gives an unknown caller a new-customer card and keeps a call hung up while ringing for calling back', async () => {
    expect((await post(`event=newCall&from=%2B441134960999&to=08081570003&direction=in&callId=call-2&user%5B%5D=Amira`, 'application/x-www-form-urlencoded')).status).toBe(200);
    const popped = await until(() => (lastCall()?.call.callId === 'call-2' && lastCall()!.lookup !== 'pending' ? lastCall()! : undefined), 'lookup');
    expect(popped).toMatchObject({ lookup: 'unknown', card: null, line: 'membership', sensitive: false });
    await post({ event: 'hangup', callId: 'call-2', direction: 'in', cause: 'cancel' });
    const desk = await until(() => {
      const d = [...pushes].reverse().find((p) => p.push === 'calls.desk')?.data as { history: { callId: string; callBack: boolean; outcome: string }[] } | undefined;
      return d?.history.find((h) => h.callId === 'call-2');
    }, 'history');
    expect(desk).toMatchObject({ callBack: true, outcome: 'Caller hung up' });
  });

  it('answers out-of-protocol requests with a clear 4xx', async () => {
    expect((await post({ event: 'newCall', from: '07700900003', to: '1', direction: 'sideways', callId: 'x' })).status).toBe(400);
    expect((await post({ event: 'answer', callId: 'never-rung', direction: 'in' })).status).toBe(404);
    await post({ event: 'newCall', from: '07700900004', to: '08081570001', direction: 'in', callId: 'dup' });
    const dup = await post({ event: 'newCall', from: '07700900004', to: '08081570001', direction: 'in', callId: 'dup' });
    expect(dup.status).toBe(409);
    expect(String(dup.body.error)).toContain('already');
    expect((await post('{not json', 'application/json')).status).toBe(400);
    expect((await post('<xml/>', 'text/xml')).status).toBe(415);
    expect((await post({ event: 'newCall' }, 'application/json', url.replace('test-token-123', 'wrong-token-123'))).status).toBe(401);
    await post({ event: 'hangup', callId: 'dup', direction: 'in' });
  });

  it('lets the advisor flag a bereavement from the call, seen at every site', async () => {
    const customer = await hub.context.db.get<{ id: string }>("SELECT id FROM customers WHERE bereaved = 0 LIMIT 1 OFFSET 5");
    const card = await core.requireSignedIn().desk.setAgentState({ state: 'ready' }).then(() =>
      signInAs(hub.url, 'advisor2.gla').then((other) => other.client.get(`/api/customers/${customer!.id}`)),
    );
    expect(card.body.customer.flags.bereaved).toBe(false);
    const { route } = await import('../../electron/core/router');
    const { coreHandlers } = await import('../../electron/core/handlers');
    const res = await route(coreHandlers(core), {
      id: 9,
      name: 'customers.recordBereavement',
      args: { customerId: customer!.id, service: 'tell_us_once', reference: 'TUO-123456', date: '2026-11-30' },
    });
    expect(res!.result.ok).toBe(true);
    const seen = await (await signInAs(hub.url, 'advisor2.gla')).client.get(`/api/customers/${customer!.id}`);
    expect(seen.body.customer).toMatchObject({
      flags: { bereaved: true, marketingSuppressed: true },
      bereavementService: 'tell_us_once',
      bereavementRef: 'TUO-123456',
      bereavementDate: '2026-11-30',
    });
  });
});
