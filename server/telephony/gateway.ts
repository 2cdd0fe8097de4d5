/** What the hub asks of the PBX on an advisor's behalf; the one AMI connection implements it. */
export interface QueueStat {
  queue: string;
  waiting: number;
  longestWaitSeconds: number;
}

export interface TelephonyGateway {
  readonly connected: boolean;
  /** The extension (queue-member name) of the advisor currently offered or on this call. */
  ownerOf(callId: string): string | undefined;
  pause(extension: string, paused: boolean, reason: string): Promise<void>;
  hangUp(callId: string, extension: string): Promise<void>;
  transfer(callId: string, extension: string, target: string): Promise<void>;
  dial(extension: string, number: string): Promise<void>;
  queues(): QueueStat[];
  stop(): Promise<void>;
}
