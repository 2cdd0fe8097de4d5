import { test, type BrowserContext } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnDesktop, spawnHub, type Running } from '../../support/processes';
import { tcpProxy } from '../../support/tcp-proxy';

/** One hub and one desktop host per person in the scenario, each with its own data folder. */
export class Stack {
  hub!: Running;
  private readonly hubDir = mkdtempSync(join(tmpdir(), 'rapport-e2e-hub-'));
  private readonly desktops = new Map<string, { host: Running; dataDir: string }>();
  private readonly lines = new Map<string, Awaited<ReturnType<typeof tcpProxy>>>();

  async startHub(): Promise<Running> {
    this.hub = await spawnHub({ RAPPORT_DATA_DIR: this.hubDir, RAPPORT_HUB_PORT: '0', DATABASE_URL: '' });
    return this.hub;
  }

  /**
   * Puts a line between one person's desktop and the hub that a test can cut and restore, as a
   * partner site's network would drop: `down()` drops every connection and refuses new ones.
   */
  async lineTo(person: string): Promise<{ down(): void; up(): void }> {
    let cut = false;
    const proxy = await tcpProxy(this.hub.url, () => cut);
    this.lines.set(person, proxy);
    return {
      down: () => {
        cut = true;
        proxy.dropAll();
      },
      up: () => {
        cut = false;
      },
    };
  }

  /** Stops the hub at once, as a crash or a pulled cable would look to the desktops. */
  async killHub(): Promise<void> {
    await this.hub.stop('SIGKILL');
  }

  /** Starts the hub again on the same address and data (and `env`: an upgrade), so desktops find it where they left it. */
  async restartHub(env: Record<string, string> = {}): Promise<Running> {
    this.hub = await spawnHub({ RAPPORT_DATA_DIR: this.hubDir, RAPPORT_HUB_PORT: new URL(this.hub.url).port, DATABASE_URL: '', ...env });
    return this.hub;
  }

  /** Starts (or restarts, keeping its data) the desktop host of one person. */
  async desktop(person: string): Promise<Running> {
    const existing = this.desktops.get(person);
    const dataDir = existing?.dataDir ?? mkdtempSync(join(tmpdir(), `rapport-e2e-${person}-`));
    if (existing) await existing.host.stop();
    const host = await spawnDesktop({ RAPPORT_DATA_DIR: dataDir, RAPPORT_PORT: '0', RAPPORT_CTI_PORT: '0', RAPPORT_HUB_URL: this.lines.get(person)?.url ?? this.hub.url });
    this.desktops.set(person, { host, dataDir });
    return host;
  }

  /** The softphone webhook address the person's desktop printed. */
  ctiUrl(person: string): string {
    const m = /softphone webhook at (\S+)/.exec(this.desktops.get(person)!.host.output());
    if (!m) throw new Error(`${person}'s desktop printed no webhook address`);
    return m[1]!;
  }

  dataDir(person: string): string {
    return this.desktops.get(person)!.dataDir;
  }

  async stop(): Promise<void> {
    await Promise.all([...this.desktops.values()].map((d) => d.host.stop()));
    await Promise.all([...this.lines.values()].map((l) => l.close()));
    await this.hub?.stop();
  }
}

/** One hub per test, stopped with every desktop after it: `const stack = stackPerTest()` at the top of a spec. */
export function stackPerTest(): () => Stack {
  let stack: Stack;
  let before = new Set<BrowserContext>();
  test.beforeEach(async ({ browser }) => {
    before = new Set(browser.contexts());
    stack = new Stack();
    await stack.startHub();
  });
  test.afterEach(async ({ browser }) => {
    // Windows a test opened in contexts of its own (a second person's desk) close with it; left
    // open, each would go on running and reconnecting to its stopped desktop through every later
    // test. Failure screenshots are taken before this hook.
    await Promise.all(browser.contexts().filter((c) => !before.has(c)).map((c) => c.close()));
    await stack.stop();
  });
  return () => stack;
}
