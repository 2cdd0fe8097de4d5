import type { SessionKeeping, SetupStatus } from '../../shared/contract/setup';
import { describeProblems } from '../../shared/schemas/common';
import { hubAddress, type DesktopPolicy } from '../../shared/schemas/deployment';
import { updateNeeded, type HubVersion } from '../../shared/versions';
import { saveChosenHub, type Deployment } from './deployment';
import { CoreError } from './errors';
import { DESKTOP_VERSION } from './version';

export interface SetupOptions {
  dataDir: string;
  deployment: Deployment;
  sessionKeeping: SessionKeeping;
  sessionNotice?: string | null;
  version?: string;
}

/**
 * What the desktop knows about its own deployment: which hub, from where, how the sign-in is
 * kept, and whether the hub still serves this version. The first-run screen and Settings read it.
 */
export class DesktopSetup {
  private deployment: Deployment;
  private minDesktop: string | null = null;
  readonly version: string;

  constructor(private readonly opts: SetupOptions) {
    this.deployment = opts.deployment;
    this.version = opts.version ?? DESKTOP_VERSION;
  }

  get hubUrl(): string | null {
    return this.deployment.hubUrl;
  }

  /** IT's `callSource`, when a policy file names one. */
  get callSourcePolicy(): DesktopPolicy['callSource'] | null {
    return this.deployment.policy?.callSource ?? null;
  }

  get status(): SetupStatus {
    return {
      version: this.version,
      hubUrl: this.deployment.hubUrl,
      hubSource: this.deployment.hubSource,
      policyProblem: this.deployment.policyProblem,
      sessionKeeping: this.opts.sessionKeeping,
      sessionNotice: this.opts.sessionNotice ?? null,
      updateNeeded: this.minDesktop ? { minDesktop: this.minDesktop } : null,
    };
  }

  /** The first-run choice: refused when IT's policy decides, checked against a hub that answers. */
  async chooseHub(input: string, signedIn: boolean): Promise<string> {
    if (this.deployment.hubSource === 'policy' || this.deployment.policyProblem)
      throw new CoreError('set_by_policy', 'Your IT team sets the hub address on this computer; it cannot be changed here.');
    if (signedIn) throw new CoreError('signed_in', 'Sign out before changing the hub address.');
    const parsed = hubAddress.safeParse(input);
    if (!parsed.success) throw new CoreError('invalid_request', parsed.error.issues[0]?.message ?? 'That is not a hub address.', describeProblems(parsed.error));
    const url = parsed.data;
    let version: HubVersion;
    try {
      const res = await fetch(`${url}/api/version`, { signal: AbortSignal.timeout(8000) });
      version = (await res.json()) as HubVersion;
      if (!res.ok || typeof version.hub !== 'string') throw new Error(`answered ${res.status}`);
    } catch {
      throw new CoreError('hub_unreachable', `No Rapport hub answered at ${url}. Check the address with your IT team, and that this computer is on the network.`);
    }
    saveChosenHub(this.opts.dataDir, url);
    this.deployment = { ...this.deployment, hubUrl: url, hubSource: 'chosen' };
    this.noteHubVersion(version);
    return url;
  }

  /** True when the hub's answer means this desktop is too old for it. */
  noteHubVersion(version: Partial<HubVersion> | null): boolean {
    this.minDesktop = updateNeeded(this.version, version) ? version!.minDesktop! : null;
    return this.minDesktop !== null;
  }

  /** A 426 from the hub says the same as /api/version would; true when that is news. */
  noteUpdateNeeded(minDesktop: string | null): boolean {
    const before = this.minDesktop;
    this.minDesktop = minDesktop ?? this.minDesktop ?? 'a newer version';
    return before !== this.minDesktop;
  }
}
