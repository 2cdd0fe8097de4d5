import { describe, expect, it } from 'vitest';
import type { CallView, CustomerCard } from '../../shared/contract/calls';
import type { CallSignal } from '../../shared/telephony/signals';
import { CallDesk, type DeskDeps } from '../../electron/core/call-desk';

const card = { customer: { id: 'c1', name: 'Ada Lovelace', flags: { bereaved: false } }, cases: [], notes: [] } as unknown as CustomerCard;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A desk over a hub that answers the screen pop after `lookupMs`; every emitted call view is kept. */
function deskWith(lookupMs: number, graceMs: number): { desk: CallDesk; emitted: CallView[] } {
  const emitted: CallView[] = [];
  const hub = {
    async get(path: string) {
      if (path.startsWith('/api/screen-pop')) {
        await sleep(lookupMs);
        return { card };
      }
      if (path === '/api/queues') return { queues: [] };
      return { codes: [] };
    },
  };
  const store = { getMeta: () => 'softphone', setMeta: () => undefined, recentCalls: () => [], saveCall: () => undefined };
  const deps = {
    hub,
    store,
    notes: {},
    emitCall: (view: CallView | null) => void (view && emitted.push({ ...view })),
    emitDesk: () => undefined,
    emitAgent: () => undefined,
    ctiUrl: null,
    popGraceMs: graceMs,
  } as unknown as DeskDeps;
  return { desk: new CallDesk(deps), emitted };
}

const offered = (callId: string): CallSignal => ({ kind: 'offered', callId, at: Date.now(), direction: 'in', from: '07700900123', attached: {} });

describe('a ringing call and its customer card', () => {
  it('goes to the screen once, with the card, when the lookup is quicker than the grace', async () => {
    const { desk, emitted } = deskWith(5, 200);
    desk.accept(offered('quick'), 'softphone');
    await sleep(60);
    expect(emitted.map((v) => v.lookup)).toEqual(['found']);
    expect(emitted[0]!.card?.customer.name).toBe('Ada Lovelace');
  });

  it('rings with a placeholder once the grace has passed, and the card follows', async () => {
    const { desk, emitted } = deskWith(500, 20);
    desk.accept(offered('slow'), 'softphone');
    await sleep(150);
    expect(emitted.map((v) => v.lookup)).toEqual(['pending']);
    await sleep(500);
    expect(emitted.map((v) => v.lookup)).toEqual(['pending', 'found']);
  });

  it('never shows a stale ring after the caller has hung up', async () => {
    const { desk, emitted } = deskWith(80, 30);
    desk.accept(offered('gone'), 'softphone');
    desk.accept({ kind: 'abandoned', callId: 'gone', at: Date.now() }, 'softphone');
    await sleep(150);
    expect(emitted.map((v) => v.call.phase)).toEqual(['abandoned']);
  });
});
