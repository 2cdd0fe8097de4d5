import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnDesktop, spawnHub, type Running } from '../../support/processes';

/** One hub and one desktop host per person in the scenario, each with its own data folder. */
export class Stack {
  hub!: Running;
  private readonly hubDir = mkdtempSync(join(tmpdir(), 'rapport-e2e-hub-'));
  private readonly desktops = new Map<string, { host: Running; dataDir: string }>();

  async startHub(): Promise<Running> {
    this.hub = await spawnHub({ RAPPORT_DATA_DIR: this.hubDir, RAPPORT_HUB_PORT: '0', DATABASE_URL: '' });
    return this.hub;
  }

  /** Starts (or restarts, keeping its data) the desktop host of one person. */
  async desktop(person: string): Promise<Running> {
    const existing = this.desktops.get(person);
    const dataDir = existing?.dataDir ?? mkdtempSync(join(tmpdir(), `rapport-e2e-${person}-`));
    if (existing) await existing.host.stop();
    const host = await spawnDesktop({ RAPPORT_DATA_DIR: dataDir, RAPPORT_PORT: '0', RAPPORT_CTI_PORT: '0', RAPPORT_HUB_URL: this.hub.url });
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
    await this.hub?.stop();
  }
}
