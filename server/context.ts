import { PASSWORD_COST, type PasswordCost } from './accounts/passwords';
import type { Db } from './db/types';
import type { EventBus } from './events/bus';
import type { SecretBox } from './secrets/secret-box';
import type { GatewayOptions, TelephonyGateway } from './telephony/gateway';

export interface LockoutPolicy {
  /** Failures allowed before each further attempt is slowed. */
  slowAfter: number;
  /** Failures that lock the account. */
  lockAfter: number;
  lockMs: number;
  /** Added delay per failure past `slowAfter`, capped at 2 s. */
  slowStepMs: number;
}

export interface HubConfig {
  sessionIdleMs: number;
  sessionMaxMs: number;
  lockout: LockoutPolicy;
  /** scrypt's cost for new hashes; OWASP's minimum unless a test hub asks for less. */
  passwordCost: PasswordCost;
  /** How often live sockets are checked against their sessions (expiry, deletion elsewhere). */
  liveSessionCheckMs: number;
  instanceId: string;
  /** Timing of the PBX link (tests shorten it). */
  pbx?: GatewayOptions;
  /** How often the hub looks for articles due to be published or retired. */
  knowledgeScheduleMs: number;
}

/** What every route handler gets: storage, live events and the hub's settings. */
export interface HubContext {
  db: Db;
  events: EventBus;
  config: HubConfig;
  /** The PBX connection, when an admin has configured one. */
  telephony: TelephonyGateway | null;
  /** Whether this instance holds the PBX connection, and how a configuration change reaches the one that does. */
  pbx?: PbxHolding;
  /** Seals the hub's secrets at rest (the PBX secret, two-factor keys) with a key kept outside the database. */
  secrets: SecretBox;
}

export const defaultConfig = (instanceId: string): HubConfig => ({
  sessionIdleMs: 12 * 60 * 60 * 1000,
  sessionMaxMs: 7 * 24 * 60 * 60 * 1000,
  lockout: { slowAfter: 3, lockAfter: 6, lockMs: 15 * 60 * 1000, slowStepMs: 400 },
  passwordCost: PASSWORD_COST,
  liveSessionCheckMs: 30_000,
  instanceId,
  knowledgeScheduleMs: 1000,
});

/** Which hub instance holds the PBX connection (server/telephony/pbx-holding.ts). */
export interface PbxHolding {
  readonly holder: boolean;
  /** The PBX's configuration changed in the database: the holder reconnects, wherever it was changed. */
  reconfigure(): Promise<void>;
  stop(): Promise<void>;
}
