import { z } from 'zod';
import { CHANNELS, LINES } from '../roles';
import type { CaseStatusChangeView } from '../schemas/cases';
import type { CaseNoteView, CaseView, CustomerView } from '../schemas/customers';
import {
  createGestureRequest,
  fulfilmentUpdate,
  type ApprovalView,
  type BudgetReport,
  type BudgetView,
  type CreateGestureResult,
  type CustomerGestureHistory,
  type FollowUpView,
  type GestureRequestView,
  type SuggestionsView,
} from '../schemas/gestures';

/** A request the hub could not be reached for: it waits on this computer and is sent once, later. */
export interface OutboxEntry {
  id: string;
  idempotencyKey: string;
  summary: string;
  amountPence: number;
  caseId: string;
  createdAt: number;
  attempts: number;
  state: 'waiting' | 'refused';
  /** Why the hub said no, once it has; the advisor can then discard it and make a new one. */
  error: string | null;
}

/**
 * What the renderer hands over, with the idempotency key that belongs to the form: minted when the
 * form opens and sent again with every retry, so "did not answer, try again" is the same request.
 * The item's name lets the outbox say what waits in words.
 */
export const gestureSendArgs = createGestureRequest.extend({ itemName: z.string().trim().min(1).max(120).optional() });

const id = z.string().min(1).max(120);
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

export const gestureRequestArgs = {
  'cases.open': z.object({
    customerId: z.string().min(1).max(64).nullable(),
    channel: z.enum(CHANNELS),
    line: z.enum(LINES),
    subject: z.string().trim().min(1).max(200),
  }),
  'cases.get': z.object({ caseId: id }),
  'customers.search': z.object({ q: z.string().trim().min(2).max(100) }),
  'customers.card': z.object({ customerId: id }),
  'gestures.suggestions': z.object({ caseId: id }),
  'gestures.forCase': z.object({ caseId: id }),
  'gestures.forCustomer': z.object({ customerId: id }),
  'gestures.send': gestureSendArgs,
  'gestures.outbox': z.object({}),
  'gestures.discard': z.object({ outboxId: id }),
  'gestures.mine': z.object({}),
  'gestures.withdraw': z.object({ requestId: id, reason: z.string().trim().max(1000).optional() }),
  'gestures.approvals': z.object({}),
  'gestures.decide': z.object({ requestId: id, decision: z.enum(['approve', 'reject']), reason: z.string().trim().max(1000).optional() }),
  'gestures.fulfilment': fulfilmentUpdate.extend({ requestId: id }),
  'gestures.fulfilmentQueue': z.object({}),
  'gestures.decided': z.object({}),
  'gestures.followUps': z.object({ state: z.enum(['open', 'done', 'all']).default('open') }),
  'gestures.followUpDone': z.object({ followUpId: id, outcome: z.string().trim().min(2).max(1000) }),
  'gestures.budgets': z.object({ month: month.optional() }),
  'gestures.report': z.object({ from: month.optional(), to: month.optional() }),
  'gestures.reportCsv': z.object({ by: z.enum(['site', 'line', 'kind', 'reason', 'month', 'request']), from: month.optional(), to: month.optional() }),
} as const;

/** Shapes the hub defines (server/gestures); the desktop passes them through as they are. */
export type HubJson = Record<string, unknown>;

export interface GestureRequestResults {
  'cases.open': { case: CaseView };
  'cases.get': { case: CaseView; notes: CaseNoteView[]; changes: CaseStatusChangeView[] };
  'customers.search': { customers: CustomerView[] };
  'customers.card': HubJson;
  'gestures.suggestions': SuggestionsView;
  'gestures.forCase': { gestures: GestureRequestView[] };
  /** A customer's gestures from every site (newest first), for the timeline beside the call. */
  'gestures.forCustomer': CustomerGestureHistory;
  /** Sent now, or kept in the outbox when the hub cannot be reached. */
  'gestures.send': { sent: CreateGestureResult } | { queued: OutboxEntry };
  'gestures.outbox': OutboxEntry[];
  'gestures.discard': OutboxEntry[];
  'gestures.mine': { gestures: GestureRequestView[] };
  'gestures.withdraw': { request: GestureRequestView };
  'gestures.approvals': { approvals: ApprovalView[] };
  'gestures.decide': { request: GestureRequestView };
  'gestures.fulfilment': { request: GestureRequestView };
  'gestures.fulfilmentQueue': { gestures: GestureRequestView[] };
  /** Decided requests (newest decision first): who decided, when and why. */
  'gestures.decided': { gestures: GestureRequestView[] };
  'gestures.followUps': { followUps: FollowUpView[] };
  'gestures.followUpDone': { followUps: FollowUpView[] };
  'gestures.budgets': { budgets: BudgetView[] } & HubJson;
  'gestures.report': { report: BudgetReport };
  'gestures.reportCsv': { filename: string; csv: string };
}

export interface GesturePushes {
  /** Something about gestures changed for this person: lists on screen should reload. */
  'gestures.changed': { what: 'requested' | 'resolved' | 'decided' | 'fulfilment' | 'outbox'; requestId: string | null };
}
