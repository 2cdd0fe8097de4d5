import { z } from 'zod';
import type { Line } from '../roles';
import { pbxSettings, pbxTestInput } from '../telephony/pbx-settings';
import type { PbxStatus } from '../telephony/pbx-status';
import type { AgentState } from './calls';

/** Whom an advisor can pass a call to: colleagues by extension, and the queues. */
export interface TelephonyDirectory {
  advisors: { name: string; extension: string; state: AgentState; siteName: string }[];
  queues: { id: string; name: string; line: Line }[];
}

/** The PBX connection as the admin's page shows it; the secret is never sent, only whether there is one. */
export interface PbxView {
  configured: boolean;
  connected: boolean;
  source: 'hub' | 'environment' | null;
  status: PbxStatus;
  name?: string;
  host?: string;
  port?: number;
  username?: string;
  hasSecret?: boolean;
  interfaceTemplate?: string;
  dialContext?: string;
  enabled?: boolean;
}

export interface PbxTestResult {
  ok: boolean;
  message: string;
  milliseconds: number;
}

/** What a supervisor filters call records by; the hub reads each from the record's phase, direction and outcome. */
export const CALL_RECORD_OUTCOMES = ['answered', 'missed', 'abandoned', 'transferred', 'outbound'] as const;
export type CallRecordOutcome = (typeof CALL_RECORD_OUTCOMES)[number];

/** One call the hub kept (from its PBX gateway or reported by a softphone desktop), as a supervisor reads it. */
export const callRecordView = z.object({
  callId: z.string(),
  advisor: z.object({ id: z.string(), name: z.string() }),
  siteId: z.string(),
  siteName: z.string(),
  direction: z.enum(['in', 'out']),
  customerNumber: z.string(),
  queue: z.string().nullable(),
  offeredAt: z.number(),
  endedAt: z.number(),
  durationSeconds: z.number().nullable(),
  outcome: z.string(),
});
export type CallRecordView = z.infer<typeof callRecordView>;

export const callRecordFilters = z.object({
  /** Epoch ms: calls offered from this moment, and before `to`. */
  from: z.number().int().min(0).optional(),
  to: z.number().int().min(0).optional(),
  outcome: z.enum(CALL_RECORD_OUTCOMES).optional(),
});
export type CallRecordFilters = z.infer<typeof callRecordFilters>;

export const telephonyRequestArgs = {
  'telephony.callRecords': callRecordFilters,
  'telephony.status': z.object({}),
  'telephony.directory': z.object({}),
  'telephony.pbx': z.object({}),
  'telephony.savePbx': pbxSettings,
  'telephony.testPbx': pbxTestInput,
} as const;

export interface TelephonyRequestResults {
  'telephony.callRecords': { records: CallRecordView[] };
  'telephony.status': PbxStatus;
  'telephony.directory': TelephonyDirectory;
  'telephony.pbx': PbxView;
  'telephony.savePbx': PbxView;
  'telephony.testPbx': PbxTestResult;
}

export interface TelephonyPushes {
  /** The hub's link to the phone system changed (connected, reconnecting, down). */
  'telephony.status': PbxStatus;
}
