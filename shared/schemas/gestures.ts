import { z } from 'zod';
import { LINES, SITE_KINDS } from '../roles';
import { GESTURE_KINDS, personalisationField, TONES } from './catalogue';
import { pence } from './common';
import { caseView } from './customers';

/** Why a gesture was offered, as a fixed list so spend can be reported by reason; `reason` says the rest. */
export const GESTURE_REASONS = [
  'product_quality',
  'delivery_problem',
  'service_failure',
  'long_wait',
  'bereavement',
  'complaint',
  'loyalty',
  'other',
] as const;
export type GestureReason = (typeof GESTURE_REASONS)[number];

export const GESTURE_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn', 'expired'] as const;
export const APPROVER_LEVELS = ['advisor', 'supervisor', 'head'] as const;
export const FULFILMENT_STATUSES = ['approved', 'ordered', 'delivered', 'donation_confirmed'] as const;

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM');

/**
 * What a desktop sends, online or later from its outbox. The idempotency key is minted on the
 * desktop when the advisor presses send, so a resend after a dropped connection is the same request.
 * Sensitivity is never taken from the client: the hub works it out from the case and the customer.
 */
export const createGestureRequest = z.object({
  idempotencyKey: z.string().regex(/^[A-Za-z0-9_.:-]{8,100}$/, '8 to 100 letters, digits or _.:-'),
  caseId: z.string().min(1).max(64),
  itemId: z.string().min(2).max(80),
  amountPence: pence,
  personalisation: z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,39}$/), z.string().max(2000)).default({}),
  /** The message as the advisor left it; empty to use `templateIndex`. */
  message: z.string().max(2000).default(''),
  templateIndex: z.number().int().min(0).max(9).optional(),
  reasonCode: z.enum(GESTURE_REASONS),
  reason: z.string().trim().min(5, 'say why, in a few words').max(1000),
  /** The name of the person who has died, when known, so nothing is addressed to them. */
  deceasedName: z.string().trim().max(120).optional(),
});
export type CreateGestureRequest = z.infer<typeof createGestureRequest>;

/** A reason is optional to approve and required to reject (the hub says so with a 400). */
export const gestureDecision = z.object({ reason: z.string().trim().max(1000).default('') });

export const withdrawGestureRequest = z.object({ reason: z.string().trim().max(1000).default('') });

export const fulfilmentUpdate = z.object({
  status: z.enum(['ordered', 'delivered', 'donation_confirmed']),
  note: z.string().trim().max(1000).optional(),
});

export const followUpDone = z.object({ outcome: z.string().trim().min(2, 'say how the customer felt').max(1000) });

export const gestureRequestView = z.object({
  id: z.string(),
  idempotencyKey: z.string(),
  caseId: z.string(),
  caseReference: z.string().nullable(),
  customerId: z.string(),
  customerName: z.string().nullable(),
  itemId: z.string(),
  itemName: z.string(),
  kind: z.enum(GESTURE_KINDS),
  tone: z.enum(TONES),
  amountPence: z.number().int(),
  personalisation: z.record(z.string(), z.string()),
  message: z.string(),
  reasonCode: z.enum(GESTURE_REASONS),
  reason: z.string(),
  sensitive: z.boolean(),
  status: z.enum(GESTURE_STATUSES),
  approverLevel: z.enum(APPROVER_LEVELS),
  requestedBy: z.string(),
  requestedByName: z.string().nullable(),
  siteId: z.string(),
  siteName: z.string().nullable(),
  line: z.enum(LINES),
  budgetMonth: z.string(),
  decidedBy: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.number().nullable(),
  decisionReason: z.string().nullable(),
  fulfilmentStatus: z.enum(FULFILMENT_STATUSES).nullable(),
  expiresAt: z.number(),
  createdAt: z.number(),
});
export type GestureRequestView = z.infer<typeof gestureRequestView>;

export const budgetView = z.object({
  siteId: z.string(),
  siteName: z.string(),
  siteKind: z.enum(SITE_KINDS),
  month: z.string(),
  budgetPence: z.number().int(),
  reservedPence: z.number().int(),
  committedPence: z.number().int(),
  leftPence: z.number().int(),
});
export type BudgetView = z.infer<typeof budgetView>;

export const createGestureResult = z.object({
  request: gestureRequestView,
  /** True when this idempotency key had been seen: the original request, nothing new was made. */
  replayed: z.boolean(),
  budget: budgetView,
});
export type CreateGestureResult = z.infer<typeof createGestureResult>;

export const customerGestureHistory = z.object({
  gestures: z.array(gestureRequestView),
  usedPence: z.number().int(),
  capPence: z.number().int(),
  leftPence: z.number().int(),
});
export type CustomerGestureHistory = z.infer<typeof customerGestureHistory>;

export const approvalView = z.object({
  request: gestureRequestView,
  case: caseView,
  history: customerGestureHistory,
  budget: budgetView,
  canDecide: z.boolean(),
  /** Why this person cannot decide it (their own request, above their limit), for the inbox to show. */
  why: z.string().nullable(),
});
export type ApprovalView = z.infer<typeof approvalView>;

export const followUpView = z.object({
  id: z.string(),
  requestId: z.string(),
  advisorId: z.string(),
  dueAt: z.number(),
  doneAt: z.number().nullable(),
  outcome: z.string().nullable(),
  caseId: z.string(),
  caseReference: z.string().nullable(),
  customerName: z.string().nullable(),
  itemName: z.string(),
  sensitive: z.boolean(),
  fulfilmentStatus: z.enum(FULFILMENT_STATUSES).nullable(),
});
export type FollowUpView = z.infer<typeof followUpView>;

export const gestureSettings = z.object({
  limits: z.object({ advisorPence: pence, supervisorPence: pence }),
  customerCapPence: pence,
  capWindowDays: z.number().int().min(1).max(3660),
  pendingExpiryHours: z.number().int().min(1).max(24 * 90),
  followUpDays: z.number().int().min(0).max(365),
  budgetDefaults: z.object({ inHousePence: pence, partnerPence: pence }),
});
export type GestureSettings = z.infer<typeof gestureSettings>;

export const updateGestureSettings = gestureSettings
  .partial()
  .refine((s) => !s.limits || s.limits.advisorPence <= s.limits.supervisorPence, {
    message: 'the advisor limit cannot be above the supervisor limit',
    path: ['limits', 'advisorPence'],
  });

export const setBudget = z.object({ budgetPence: pence });
export const budgetQuery = z.object({ month: month.optional() });
export const reportQuery = z.object({ from: month.optional(), to: month.optional() });
export const reportCsvQuery = reportQuery.extend({
  by: z.enum(['site', 'line', 'kind', 'reason', 'month', 'request']).default('site'),
});
export const monthParam = month;
export const myGesturesQuery = z.object({
  status: z.enum(GESTURE_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const approvalsQuery = z.object({ siteId: z.string().max(64).optional() });
export const followUpsQuery = z.object({ state: z.enum(['open', 'done', 'all']).default('open') });

const spendRow = z.object({
  key: z.string(),
  label: z.string(),
  committedPence: z.number().int(),
  reservedPence: z.number().int(),
  requests: z.number().int(),
});
export type SpendRow = z.infer<typeof spendRow>;

export const budgetReport = z.object({
  from: z.string(),
  to: z.string(),
  sites: z.array(
    budgetView.omit({ month: true }).extend({ requests: z.number().int(), partnerName: z.string().nullable() }),
  ),
  byLine: z.array(spendRow),
  byKind: z.array(spendRow),
  byReason: z.array(spendRow),
  byMonth: z.array(spendRow),
});
export type BudgetReport = z.infer<typeof budgetReport>;

export const suggestionView = z.object({
  itemId: z.string(),
  name: z.string(),
  kind: z.enum(GESTURE_KINDS),
  tone: z.enum(TONES),
  minPence: z.number().int(),
  maxPence: z.number().int(),
  suggestedAmountPence: z.number().int(),
  withinAdvisorLimit: z.boolean(),
  score: z.number(),
  why: z.array(z.string()),
  templates: z.array(z.string()),
  /** What the customer will be told about the item, and what the advisor must fill in for it. */
  description: z.string(),
  fields: z.array(personalisationField),
});
export type SuggestionView = z.infer<typeof suggestionView>;

export const suggestionsView = z.object({
  caseId: z.string(),
  sensitive: z.boolean(),
  /** The case says someone has died: sensitive until (and after) the bereavement is recorded on the customer. */
  deathOnCase: z.boolean(),
  suppress: z.object({ marketing: z.boolean(), surveys: z.boolean(), upsell: z.boolean() }),
  childMentioned: z.boolean(),
  advisorLimitPence: z.number().int(),
  supervisorLimitPence: z.number().int(),
  customerCap: z.object({ capPence: z.number().int(), usedPence: z.number().int(), leftPence: z.number().int() }).nullable(),
  budget: budgetView,
  suggestions: z.array(suggestionView),
});
export type SuggestionsView = z.infer<typeof suggestionsView>;
