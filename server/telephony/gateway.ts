import type { PbxStatus } from '../../shared/telephony/pbx-status';

/** What the hub asks of the PBX on an advisor's behalf; the one AMI connection implements it. */
export interface QueueStat {
  queue: string;
  waiting: number;
  longestWaitSeconds: number;
}

export interface TelephonyGateway {
  readonly connected: boolean;
  /** The link as advisors and admins see it: connected or not, and why. */
  status(): PbxStatus;
  /** The extension (queue-member name) of the advisor currently offered or on this call. */
  ownerOf(callId: string): string | undefined;
  pause(extension: string, paused: boolean, reason: string): Promise<void>;
  hangUp(callId: string, extension: string): Promise<void>;
  transfer(callId: string, extension: string, target: string): Promise<void>;
  dial(extension: string, number: string): Promise<void>;
  queues(): QueueStat[];
  stop(): Promise<void>;
}

export interface GatewayOptions {
  /** A call still ringing this long after the PBX link dropped ends (lost): nobody can answer it through Rapport. */
  lostRingingAfterMs?: number;
  /** For tests: a quicker reconnect than the default few seconds. */
  reconnect?: { minMs: number; maxMs: number };
}
