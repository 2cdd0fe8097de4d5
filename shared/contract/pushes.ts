import type { Article } from '../schemas/knowledge';
import type { CallPushes } from './calls';
import type { CustomerPushes } from './customers';
import type { GesturePushes } from './gestures';
import type { NotePushes } from './notes';
import type { PrivacyPushes } from './privacy';
import type { PublishingPushes } from './publishing';
import type { QueuePushes } from './queues';
import type { SessionState } from './requests';
import type { SetupPushes } from './setup';
import type { TelephonyPushes } from './telephony';

export type ConnectionState = 'online' | 'offline' | 'syncing';

export interface ConnectionStatus {
  state: ConnectionState;
  lastSyncedAt: number | null;
  /** Articles received of those known to be waiting, on a long sync. */
  progress: { done: number; total: number } | null;
}

/** Everything the core tells the renderer without being asked, in one typed map. */
export interface Pushes extends CallPushes, CustomerPushes, GesturePushes, QueuePushes, NotePushes, SetupPushes, PublishingPushes, TelephonyPushes, PrivacyPushes {
  'connection.changed': ConnectionStatus;
  'session.changed': SessionState;
  'knowledge.changed': { upserts: Article[]; removed: string[]; cursor: number };
}
export type PushName = keyof Pushes;
