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

export const telephonyRequestArgs = {
  'telephony.status': z.object({}),
  'telephony.directory': z.object({}),
  'telephony.pbx': z.object({}),
  'telephony.savePbx': pbxSettings,
  'telephony.testPbx': pbxTestInput,
} as const;

export interface TelephonyRequestResults {
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
