import { NO_PBX, type PbxStatus } from '../../shared/telephony/pbx-status';
import type { HubContext } from '../context';
import type { AmiClient, AmiStateChange } from './ami/client';
import type { AmiMessage } from './ami/frames';
import { publishQueues } from './queue-view';

/**
 * The PBX link's status, kept up to date from the AMI client and told to everyone signed in (each
 * advisor's phone-system indicator, the supervisors' floor view, the admin's PBX page).
 */
export class PbxLink {
  private current: PbxStatus = { ...NO_PBX, configured: true, state: 'connecting', since: Date.now() };

  constructor(
    private readonly hub: HubContext,
    client: AmiClient,
    private readonly label: string,
  ) {
    client.on('state', (s) => this.changed(s));
  }

  get status(): PbxStatus {
    return this.current;
  }

  heard(msg: AmiMessage): void {
    this.current = { ...this.current, lastEventAt: Date.now(), lastEvent: msg.event ?? null };
  }

  private changed(s: AmiStateChange): void {
    console.log(`[hub] PBX ${this.label} ${s.state}${s.reason ? ` (${s.reason})` : ''}`);
    const before = this.current;
    const cause = s.state === 'connected' || s.state === 'connecting' ? null : (s.cause ?? null);
    // Retries while away ("connecting", then down again for the same cause) are no news.
    if (s.state === 'connecting' && before.state !== 'connected' && before.state !== 'not_configured' && before.cause) return;
    if (before.state === s.state && before.cause === cause) return;
    this.current = { ...before, connected: s.state === 'connected', state: s.state, cause, reason: s.state === 'connected' ? null : (s.reason ?? null), since: Date.now() };
    void publishPbxStatus(this.hub, this.current);
    if (before.connected !== this.current.connected) void publishQueues(this.hub);
  }
}

export async function publishPbxStatus(hub: HubContext, status: PbxStatus): Promise<void> {
  await hub.events
    .publish({ name: 'telephony.status', data: { ...status }, audience: { kind: 'everyone' } })
    .catch((err: unknown) => console.error('[hub] could not publish telephony.status:', (err as Error).message));
}
