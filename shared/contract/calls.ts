import { z } from 'zod';
import { notReadyReasonList } from '../schemas/agent';
import type { Line } from '../roles';
import type { CaseView, CustomerView } from '../schemas/customers';
import type { CallState } from '../telephony/call-machine';
import type { NoteOutcome } from './notes';

/** Where this desktop takes its call events from, chosen in settings. */
export const CALL_SOURCES = ['hub', 'softphone', 'simulator'] as const;
export type CallSource = (typeof CALL_SOURCES)[number];

export const AGENT_STATES = ['ready', 'not_ready', 'break', 'after_call_work', 'protected_pause'] as const;
export type AgentState = (typeof AGENT_STATES)[number];

export interface AgentStateView {
  state: AgentState;
  reason: string | null;
  /** When a timed pause (after-call work, protected pause) ends by itself. */
  until: number | null;
}

export interface CustomerCard {
  customer: CustomerView;
  cases: CaseView[];
  notes: { caseReference: string; body: string; createdAt: number; authorName: string | null; siteName: string }[];
}

export interface CallView {
  call: CallState;
  /** E.164 when the number could be read; otherwise what the source sent. */
  caller: string;
  line: Line | null;
  /** Funeral-care line or a bereaved customer: gentle guidance, no offers. */
  sensitive: boolean;
  lookup: 'pending' | 'found' | 'unknown' | 'failed';
  card: CustomerCard | null;
  caseId: string | null;
  caseReference: string | null;
  wrapUp: { codes: { id: string; label: string }[]; deadline: number } | null;
  /** Offered after a bereavement call, so the advisor can recover before the next one. */
  protectedPauseOffered: boolean;
}

export interface CallHistoryEntry {
  callId: string;
  caller: string;
  customerName: string | null;
  /** Who the caller turned out to be, so an erasure finds the call (absent on calls kept before it was recorded). */
  customerId?: string | null;
  line: Line | null;
  /** Outbound: the advisor called the customer (click-to-dial). Older entries have none: inbound. */
  direction?: 'in' | 'out';
  phase: CallState['phase'];
  outcome: string;
  at: number;
  durationSeconds: number | null;
  wrapupCode: string | null;
  wrapupLabel: string | null;
  /** Missed and abandoned calls wait here until someone calls back. */
  callBack: boolean;
}

export interface CallDeskView {
  current: CallView | null;
  /** Ended calls still waiting for their wrap-up code beside the call in hand (back-to-back calls). */
  wrapUps: CallView[];
  history: CallHistoryEntry[];
  agent: AgentStateView;
  source: CallSource;
  /** The sources IT's policy lets this computer use; Settings offers only these. */
  sources: CallSource[];
  ctiUrl: string | null;
}

export const callRequestArgs = {
  'calls.desk': z.object({}),
  'calls.setSource': z.object({ source: z.enum(CALL_SOURCES) }),
  'calls.wrapUp': z.object({ callId: z.string().min(1).max(250), wrapupCode: z.string().min(1).max(64), note: z.string().max(10_000).optional() }),
  'calls.addNote': z.object({ callId: z.string().min(1).max(250), body: z.string().trim().min(1).max(10_000) }),
  'calls.hangUp': z.object({ callId: z.string().min(1).max(250) }),
  'calls.transfer': z.object({ callId: z.string().min(1).max(250), target: z.string().regex(/^[a-z0-9_-]{2,40}$|^\d{2,8}$/, 'a queue name or an extension') }),
  'calls.dial': z.object({ number: z.string().min(3).max(32) }),
  'calls.markCalledBack': z.object({ callId: z.string().min(1).max(250) }),
  'agent.setState': z.object({
    state: z.enum(AGENT_STATES),
    reason: z.string().trim().max(80).optional(),
    minutes: z.number().int().min(1).max(60).optional(),
  }),
  'agent.notReadyReasons': z.object({}),
  'agent.saveNotReadyReasons': z.object({ reasons: notReadyReasonList }),
} as const;

export interface CallRequestResults {
  'calls.desk': CallDeskView;
  'calls.setSource': CallDeskView;
  'calls.wrapUp': CallDeskView;
  /** Added to the case, or journalled on this computer until the hub is back. */
  'calls.addNote': NoteOutcome;
  'calls.hangUp': { ok: true };
  'calls.transfer': { ok: true };
  'calls.dial': { ok: true };
  'calls.markCalledBack': CallDeskView;
  'agent.setState': AgentStateView;
  /** The admin's list; the last one seen when the hub cannot be reached. */
  'agent.notReadyReasons': { reasons: string[] };
  'agent.saveNotReadyReasons': { reasons: string[] };
}

export interface CallPushes {
  'call.changed': CallView | null;
  'calls.desk': CallDeskView;
  'agent.state': AgentStateView;
}
