import { describe, expect, it } from 'vitest';
import { frameHead, openKnowledgeLink, type LinkFrame } from '../../renderer/features/knowledge/knowledge-link';
import { packCards, packIndex, unpackIndex } from '../../renderer/features/knowledge/persisted-index';
import { readManifestFrame } from '../../renderer/features/knowledge/ingest';
import { mayRequest, wantsPush } from '../../electron/core/bridge-channels';
import { KnowledgeIndex } from '../../shared/search/knowledge-index';

type Listener = (event: { data?: unknown }) => void;

/** Just enough of a WebSocket to drive the link by hand. */
class FakeSocket {
  static readonly OPEN = 1;
  static all: FakeSocket[] = [];
  readyState = 0;
  sent: string[] = [];
  private listeners = new Map<string, Listener[]>();
  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  addEventListener(type: string, cb: Listener) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), cb]);
  }
  send(text: string) {
    this.sent.push(text);
  }
  close() {
    this.readyState = 3;
    this.fire('close', {});
  }
  fire(type: string, event: { data?: unknown }) {
    if (type === 'open') this.readyState = 1;
    for (const cb of this.listeners.get(type) ?? []) cb(event);
  }
}

const asSocket = FakeSocket as unknown as typeof WebSocket;

describe('the search worker’s knowledge link', () => {
  it('reads only the head of a frame', () => {
    expect(frameHead('{"id":12,"result":{"ok":true}}')).toEqual({ id: 12 });
    expect(frameHead('{"push":"knowledge.changed","data":{}}')).toEqual({ knowledgePush: true });
    expect(frameHead('{"push":"call.changed","data":{}}')).toEqual({ knowledgePush: false });
    expect(frameHead('not json')).toEqual({});
  });

  it('holds calls until open, matches replies by id and hands pushes on as text', async () => {
    FakeSocket.all = [];
    const pushes: LinkFrame[] = [];
    const link = openKnowledgeLink('ws://x/bridge?channel=knowledge', { onPush: (f) => pushes.push(f), onReopened: () => undefined }, asSocket);
    const socket = FakeSocket.all[0]!;
    const answer = link.call('knowledge.page', { offset: 0, limit: 2 });
    expect(socket.sent).toEqual([]);
    socket.fire('open', {});
    expect(JSON.parse(socket.sent[0]!)).toEqual({ id: 1, name: 'knowledge.page', args: { offset: 0, limit: 2 } });
    const push = '{"push":"knowledge.changed","data":{"upserts":[],"removed":["a"],"cursor":3}}';
    socket.fire('message', { data: push });
    socket.fire('message', { data: '{"id":1,"result":{"ok":true,"value":[]}}' });
    await expect(answer).resolves.toBe('{"id":1,"result":{"ok":true,"value":[]}}');
    expect(pushes).toEqual([push]);
    link.close();
  });

  it('fails calls in flight when the link drops, and says when it is back', async () => {
    FakeSocket.all = [];
    let reopened = 0;
    const link = openKnowledgeLink('ws://x/', { onPush: () => undefined, onReopened: () => reopened++ }, asSocket);
    FakeSocket.all[0]!.fire('open', {});
    const answer = link.call('knowledge.manifest', {});
    FakeSocket.all[0]!.close();
    await expect(answer).rejects.toThrow(/Lost the connection/);
    await new Promise((r) => setTimeout(r, 900));
    FakeSocket.all[1]!.fire('open', {});
    expect(reopened).toBe(1);
    link.close();
  });
});

describe('the saved index as stored', () => {
  it('packs strings into a few big ones and reads back the same index', () => {
    const index = new KnowledgeIndex();
    index.add({ id: 'a1', title: 'Parcel never arrived', summary: 'Missing parcel', body: 'Check the tracking, then refund.', line: 'all', category: 'Delivery', tags: ['parcel', 'refund'], updatedAt: 5 } as never);
    index.add({ id: 'a2', title: 'Card declined', summary: 'Payment', body: 'Ask for another card.', line: 'all', category: 'Payments', tags: [], updatedAt: 6 } as never);
    const saved = { key: 'u1', format: 3, cursor: 9, savedAt: 1, index: index.export() };
    const stored = packIndex(saved);
    const cards = packCards(saved);
    expect(typeof cards.cards).toBe('string');
    expect(cards.key).not.toBe(stored.key);
    expect(typeof stored.terms).toBe('string');
    // The cards come back as their text (one card a line), read card by card once imported.
    const back = unpackIndex(structuredClone(stored), structuredClone(cards).cards);
    expect(back.index.cards).toBe(cards.cards);
    expect({ ...back, index: { ...back.index, cards: saved.index.cards } }).toEqual(saved);
    expect(KnowledgeIndex.import(back.index).export()).toEqual(saved.index);
  });
});

describe('reading the manifest in the worker', () => {
  it('returns the list or throws the core’s message', () => {
    expect(readManifestFrame('{"id":3,"result":{"ok":true,"value":{"cursor":4,"ids":["a"],"seqs":[4]}}}')).toEqual({ cursor: 4, ids: ['a'], seqs: [4] });
    expect(() => readManifestFrame('{"id":3,"result":{"ok":false,"error":{"code":"signed_out","message":"Sign in first."}}}')).toThrow('Sign in first.');
    expect(() => readManifestFrame('{')).toThrow();
  });
});

describe('the web host’s knowledge channel', () => {
  it('carries only knowledge pushes, which the page then no longer gets', () => {
    expect(wantsPush('knowledge.changed', { knowledgeChannel: true, workerTakesKnowledge: false })).toBe(true);
    expect(wantsPush('call.changed', { knowledgeChannel: true, workerTakesKnowledge: false })).toBe(false);
    expect(wantsPush('knowledge.changed', { knowledgeChannel: false, workerTakesKnowledge: true })).toBe(false);
    expect(wantsPush('knowledge.changed', { knowledgeChannel: false, workerTakesKnowledge: false })).toBe(true);
    expect(wantsPush('call.changed', { knowledgeChannel: false, workerTakesKnowledge: true })).toBe(true);
  });

  it('answers only knowledge requests on it', () => {
    expect(mayRequest({ id: 1, name: 'knowledge.page', args: {} }, true)).toBe(true);
    expect(mayRequest({ id: 1, name: 'session.signOut', args: {} }, true)).toBe(false);
    expect(mayRequest({ id: 1, name: 'session.signOut', args: {} }, false)).toBe(true);
  });
});
