import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { EARLY_BRIDGE_GLOBAL, TOKEN_KEY, earlyBridgeScript, type EarlySocket } from '../../renderer/platform/early-bridge';
import { websocketTransport } from '../../renderer/platform/websocketTransport';
import { spawnDesktop, type Running } from '../support/processes';

/**
 * The page's early script opens the bridge's socket to the real browser-mode host while the app's
 * script loads; the app's transport takes it over with the frames the host sent meanwhile (who is
 * signed in, the link), in order, and opens a socket of its own only when that one cannot serve.
 */
describe('the early bridge socket', () => {
  let host: Running;
  let base: URL;
  let token: string;
  /** Every socket the page made, early script and transport alike. */
  let opened: WebSocket[] = [];
  /** Every transport the app made: stopped after each test, so none reconnects once it is over. */
  let transports: ReturnType<typeof websocketTransport>[] = [];
  const appTransport = () => {
    const transport = websocketTransport(token);
    transports.push(transport);
    return transport;
  };

  beforeAll(async () => {
    host = await spawnDesktop({
      RAPPORT_DATA_DIR: mkdtempSync(join(tmpdir(), 'rapport-early-')),
      RAPPORT_PORT: '0',
      RAPPORT_HUB_URL: 'http://127.0.0.1:9', // no hub: signed out, which the host says at once
    });
    base = new URL(host.url);
    token = new URLSearchParams(base.hash.slice(1)).get('token')!;
  });
  afterAll(async () => {
    await host.stop();
  });
  afterEach(() => {
    for (const transport of transports) transport.stop();
    transports = [];
    for (const socket of opened) socket.close();
    opened = [];
    vi.unstubAllGlobals();
  });

  /** A browser's WebSocket as the page has it: it sends the page's Origin, as Chromium does. */
  class PageSocket extends WebSocket {
    constructor(url: string) {
      super(url, { origin: base.origin });
      // A browser's socket closed while connecting reports it as an event, never a throw.
      this.on('error', () => undefined);
      opened.push(this);
    }
  }
  const pageSocket = () => PageSocket;

  /** Runs the early script as the page does, before the app's script, and returns what it left. */
  function runEarlyScript(hash: string, kept: string | null = null): EarlySocket | undefined {
    const window: Record<string, unknown> = {};
    runInNewContext(earlyBridgeScript(), {
      window,
      location: { protocol: 'http:', host: base.host, hash },
      sessionStorage: { getItem: (key: string) => (key === TOKEN_KEY ? kept : null) },
      WebSocket: pageSocket(),
      URLSearchParams,
    });
    return window[EARLY_BRIDGE_GLOBAL] as EarlySocket | undefined;
  }

  /** The app's globals, with the early socket (if any) where the early script left it. */
  function asThePage(early: EarlySocket | undefined) {
    vi.stubGlobal('window', early ? { [EARLY_BRIDGE_GLOBAL]: early } : {});
    vi.stubGlobal('location', { protocol: 'http:', host: base.host });
    vi.stubGlobal('WebSocket', pageSocket());
  }

  const parsed = (frames: unknown[]) => frames.map((f) => JSON.parse(String(f)) as { push?: string; id?: number });

  it('hands the app the socket it opened and the opening frames it kept, in order, before any later frame', async () => {
    const early = runEarlyScript(`#token=${token}`);
    expect(early).toBeDefined();
    await vi.waitFor(() => expect(early!.frames).toHaveLength(2));

    asThePage(early);
    const transport = appTransport();
    const frames: unknown[] = [];
    transport.onFrame((frame) => frames.push(frame));
    expect(transport.linkState).toBe('open');
    expect(frames).toEqual([]); // the app's listeners go on first, in the same script
    await Promise.resolve();
    expect(parsed(frames).map((f) => f.push)).toEqual(['session.changed', 'connection.changed']);

    transport.send({ id: 1, name: 'session.status', args: {} });
    await vi.waitFor(() => expect(frames).toHaveLength(3));
    expect(JSON.parse(String(frames[2]))).toEqual({ id: 1, result: { ok: true, value: { signedIn: false } } });
    expect(opened).toHaveLength(1);
    expect(window).not.toHaveProperty(EARLY_BRIDGE_GLOBAL);
  });

  it('finds the token kept for the tab when the address has none (a reload)', async () => {
    const early = runEarlyScript('', token);
    await vi.waitFor(() => expect(early!.frames.length).toBeGreaterThan(0));
    expect(opened[0]!.url).toBe(`ws://${base.host}/bridge?token=${encodeURIComponent(token)}&knowledge=worker`);
  });

  it('takes a socket still connecting, and frames that arrive after it', async () => {
    const early = runEarlyScript(`#token=${token}`);
    expect(early!.socket.readyState).toBe(WebSocket.CONNECTING);
    asThePage(early);
    const transport = appTransport();
    const frames: unknown[] = [];
    transport.onFrame((frame) => frames.push(frame));
    expect(transport.linkState).toBe('connecting');
    transport.send({ id: 7, name: 'session.status', args: {} });
    await vi.waitFor(() => expect(frames).toHaveLength(3));
    expect(parsed(frames).map((f) => f.push ?? f.id)).toEqual(['session.changed', 'connection.changed', 7]);
    expect(transport.linkState).toBe('open');
    expect(opened).toHaveLength(1);
  });

  it('opens a socket of its own when the early one has closed, and loses nothing', async () => {
    const early = runEarlyScript(`#token=${token}`);
    await vi.waitFor(() => expect(early!.frames).toHaveLength(2));
    early!.socket.close();
    await vi.waitFor(() => expect(early!.socket.readyState).toBe(WebSocket.CLOSED));

    asThePage(early);
    const transport = appTransport();
    const frames: unknown[] = [];
    transport.onFrame((frame) => frames.push(frame));
    await vi.waitFor(() => expect(frames).toHaveLength(2));
    expect(parsed(frames).map((f) => f.push)).toEqual(['session.changed', 'connection.changed']);
    expect(opened).toHaveLength(2);
  });

  it('closes, and does not use, an early socket opened with another token', async () => {
    const early = runEarlyScript('#token=not-this-run');
    asThePage(early);
    const transport = appTransport();
    const frames: unknown[] = [];
    transport.onFrame((frame) => frames.push(frame));
    await vi.waitFor(() => expect(frames).toHaveLength(2));
    expect(opened).toHaveLength(2);
    expect([WebSocket.CLOSING, WebSocket.CLOSED]).toContain(opened[0]!.readyState);
    expect(opened[1]!.url).toContain(encodeURIComponent(token));
  });

  it('reconnects when its socket drops, and stays closed once stopped', async () => {
    asThePage(undefined);
    const dropped = appTransport();
    await vi.waitFor(() => expect(dropped.linkState).toBe('open'));
    opened[0]!.close();
    await vi.waitFor(() => expect(opened).toHaveLength(2));
    await vi.waitFor(() => expect(dropped.linkState).toBe('open'));

    const stopped = appTransport();
    await vi.waitFor(() => expect(stopped.linkState).toBe('open'));
    const states: string[] = [];
    stopped.onLinkState((state) => states.push(state));
    const socket = opened[2]!;
    stopped.stop();
    await vi.waitFor(() => expect(socket.readyState).toBe(WebSocket.CLOSED));
    await new Promise((r) => setImmediate(r)); // its close event has been heard
    expect(states).toEqual([]);
    expect(opened).toHaveLength(3);
  });

  it('opens nothing without a token, and never stops the page when storage or sockets fail', () => {
    expect(runEarlyScript('')).toBeUndefined();
    expect(opened).toHaveLength(0);
    const window: Record<string, unknown> = {};
    const blocked = () => {
      throw new Error('SecurityError: storage is disabled');
    };
    expect(() =>
      runInNewContext(earlyBridgeScript(), {
        window,
        location: { protocol: 'http:', host: base.host, hash: '' },
        sessionStorage: { getItem: blocked },
        WebSocket: pageSocket(),
        URLSearchParams,
      }),
    ).not.toThrow();
    expect(() =>
      runInNewContext(earlyBridgeScript(), {
        window,
        location: { protocol: 'http:', host: base.host, hash: `#token=${token}` },
        sessionStorage: { getItem: () => null },
        WebSocket: blocked,
        URLSearchParams,
      }),
    ).not.toThrow();
    expect(window).not.toHaveProperty(EARLY_BRIDGE_GLOBAL);
  });
});
