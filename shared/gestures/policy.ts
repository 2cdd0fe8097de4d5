/**
 * The rules for gestures of goodwill, in one place: the hub enforces them and the desktop shows
 * them before anything is sent, so an advisor never learns a rule by being refused. Pure: no Node,
 * no DOM, no I/O, no clock (callers pass `now`).
 */
import type { Line, Role } from '../roles';

export type ApproverLevel = 'advisor' | 'supervisor' | 'head';
export type GestureStatus = 'pending' | 'approved' | 'rejected' | 'withdrawn' | 'expired';
export type Tone = 'celebratory' | 'neutral' | 'condolence';

/** What each role may approve, in pence. A head of service (organisation admin) has no upper limit. */
export interface GestureLimits {
  advisorPence: number;
  supervisorPence: number;
}

export const DEFAULT_LIMITS: GestureLimits = { advisorPence: 2500, supervisorPence: 15000 };
export const DEFAULT_CUSTOMER_CAP_PENCE = 10000;

/** Who must approve a request of this amount. Up to the advisor limit needs nobody: it is approved at once. */
export function requiredLevel(amountPence: number, limits: GestureLimits): ApproverLevel {
  if (amountPence <= limits.advisorPence) return 'advisor';
  if (amountPence <= limits.supervisorPence) return 'supervisor';
  return 'head';
}

/**
 * The advisor limit applies to everyone who asks: a supervisor's own request above it still goes to
 * somebody else, because nobody approves their own spend.
 */
export const approvedAtOnce = (amountPence: number, limits: GestureLimits): boolean =>
  requiredLevel(amountPence, limits) === 'advisor';

export interface Approver {
  userId: string;
  role: Role;
  siteId: string;
}

export interface PendingRequest {
  requestedBy: string;
  siteId: string;
  level: ApproverLevel;
  status: GestureStatus;
}

export type Verdict = { ok: true } | { ok: false; code: string; message: string };

const refuse = (code: string, message: string): Verdict => ({ ok: false, code, message });

/**
 * Whether this person may approve or reject this request. Supervisors decide up to their limit for
 * their own site; heads of service (organisation admins) decide for every site and every amount. A
 * site admin runs a site's people and budget but does not approve spend.
 */
export function mayDecide(approver: Approver, request: PendingRequest): Verdict {
  if (request.status !== 'pending') return refuse('not_pending', 'This request has already been decided.');
  if (approver.userId === request.requestedBy) {
    return refuse('own_request', 'Nobody approves their own request: another supervisor or a head of service must decide it.');
  }
  if (approver.role === 'org_admin') return { ok: true };
  if (approver.role !== 'supervisor') return refuse('not_an_approver', 'Only supervisors and heads of service approve gestures.');
  if (request.level === 'head') return refuse('above_limit', 'This amount is above a supervisor’s limit: a head of service must decide it.');
  if (approver.siteId !== request.siteId) return refuse('other_site', 'Supervisors decide requests from their own site.');
  return { ok: true };
}

// ----- Sensitive mode (bereavement) -----

export interface SensitiveContext {
  line: Line;
  customerBereaved: boolean;
}

/** Funeral care, or a customer flagged as bereaved on any site ("tell us once"). */
export const isSensitive = (c: SensitiveContext): boolean => c.line === 'funeralcare' || c.customerBereaved;

/** What a sensitive case switches off, whatever else the desktop would show. */
export const SENSITIVE_SUPPRESSIONS = { marketing: true, surveys: true, upsell: true } as const;

export interface ItemTraits {
  tone: Tone;
  bereavementSuitable: boolean;
}

export function suitability(item: ItemTraits, sensitive: boolean): Verdict {
  if (!sensitive) return { ok: true };
  if (item.tone === 'celebratory') {
    return refuse('unsuitable_item', 'A celebratory item is never sent to a bereaved customer. Choose a bereavement-suitable item.');
  }
  if (!item.bereavementSuitable) {
    return refuse('unsuitable_item', 'This item is not marked as suitable after a bereavement. Choose a bereavement-suitable item.');
  }
  return { ok: true };
}

/** Celebratory or promotional wording has no place in a condolence message. */
const UNSUITABLE_PHRASES = ['congratulations', 'happy birthday', 'treat yourself', 'special offer', 'exclusive offer', 'discount code', 'sign up'];

const normaliseName = (s: string): string => s.toLowerCase().replace(/[^a-z]+/g, ' ').trim();

/**
 * Nothing is addressed to the person who has died: the recipient must not be the deceased, and the
 * message must not read as a celebration or an offer.
 */
export function sensitiveWordingProblems(input: {
  recipientName?: string;
  deceasedNames: readonly string[];
  message: string;
}): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const recipient = normaliseName(input.recipientName ?? '');
  if (recipient && input.deceasedNames.some((d) => normaliseName(d) === recipient)) {
    problems.push({ path: 'personalisation.recipientName', message: 'address the gesture to the family, not to the person who has died' });
  }
  const text = input.message.toLowerCase();
  const phrase = UNSUITABLE_PHRASES.find((p) => text.includes(p));
  if (phrase) problems.push({ path: 'message', message: `“${phrase}” is not suitable wording after a bereavement` });
  return problems;
}

// ----- Personalisation -----

export interface FieldSpec {
  key: string;
  label: string;
  required: boolean;
}

/** Fills `{key}` placeholders from the personalisation; unknown ones stay visible so they are caught. */
export function renderTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{([a-zA-Z][a-zA-Z0-9]*)\}/g, (whole, key: string) => {
    const v = values[key]?.trim();
    return v ? v : whole;
  });
}

export function personalisationProblems(
  fields: readonly FieldSpec[],
  values: Readonly<Record<string, string>>,
  message: string,
): { path: string; message: string }[] {
  const problems = fields
    .filter((f) => f.required && !values[f.key]?.trim())
    .map((f) => ({ path: `personalisation.${f.key}`, message: `${f.label} is required` }));
  const left = /\{([a-zA-Z][a-zA-Z0-9]*)\}/.exec(message);
  if (left) problems.push({ path: 'message', message: `the message still has a blank to fill in: {${left[1]}}` });
  if (!message.trim()) problems.push({ path: 'message', message: 'write a message or choose a template' });
  return problems;
}

// ----- Money: caps and budgets -----

export function amountProblems(amountPence: number, item: { minPence: number; maxPence: number }): string | null {
  if (!Number.isInteger(amountPence) || amountPence < 0) return 'The amount must be whole pence.';
  if (amountPence < item.minPence || amountPence > item.maxPence) {
    return `This item is between ${formatPence(item.minPence)} and ${formatPence(item.maxPence)}.`;
  }
  return null;
}

/** `usedPence` counts pending and approved requests for this customer inside the cap window. */
export function capVerdict(usedPence: number, amountPence: number, capPence: number): Verdict {
  if (usedPence + amountPence <= capPence) return { ok: true };
  return refuse(
    'customer_cap_reached',
    `This customer has had ${formatPence(usedPence)} of gestures in the last 12 months; the cap is ${formatPence(capPence)}, so ${formatPence(Math.max(0, capPence - usedPence))} is left.`,
  );
}

export interface BudgetState {
  budgetPence: number;
  reservedPence: number;
  committedPence: number;
}

export const budgetLeft = (b: BudgetState): number => b.budgetPence - b.reservedPence - b.committedPence;

export type BudgetMove = 'reserve' | 'commit_reserved' | 'commit_direct' | 'release';

/**
 * Budget arithmetic for each step of a request's life. A pending request reserves; approval turns the
 * reservation into spend; rejection, withdrawal and expiry hand it back. Never below zero, never over.
 */
export function moveBudget(b: BudgetState, move: BudgetMove, amountPence: number): BudgetState | Verdict {
  const next = { ...b };
  switch (move) {
    case 'reserve':
    case 'commit_direct':
      if (amountPence > budgetLeft(b)) {
        return refuse('budget_exhausted', `Only ${formatPence(Math.max(0, budgetLeft(b)))} is left in this site’s budget this month.`);
      }
      if (move === 'reserve') next.reservedPence += amountPence;
      else next.committedPence += amountPence;
      return next;
    case 'commit_reserved':
      if (amountPence > b.reservedPence) return refuse('budget_mismatch', 'The reservation for this request is missing.');
      next.reservedPence -= amountPence;
      next.committedPence += amountPence;
      return next;
    case 'release':
      if (amountPence > b.reservedPence) return refuse('budget_mismatch', 'The reservation for this request is missing.');
      next.reservedPence -= amountPence;
      return next;
  }
}

export const isVerdict = (x: BudgetState | Verdict): x is Verdict => 'ok' in x;

/** A budget may be lowered, but never below what is already reserved or spent. */
export const minimumBudget = (b: BudgetState): number => b.reservedPence + b.committedPence;

// ----- Time -----

const MONTH_FORMAT = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit' });

/** The last hour asked about and its month: every gesture request asks, and formatting is not cheap. */
const lastAsked = { hour: Number.NaN, month: '' };

/**
 * Budgets run by the UK calendar month, so a request at 00:30 on the 1st (BST) counts in the new month.
 * A UK month starts at a whole UTC hour (midnight GMT, or 23:00 UTC in BST), so one UTC hour lies in one month.
 */
export function monthOf(epochMs: number): string {
  const hour = Math.floor(epochMs / 3_600_000);
  if (hour === lastAsked.hour) return lastAsked.month;
  const parts = MONTH_FORMAT.formatToParts(new Date(epochMs));
  const y = parts.find((p) => p.type === 'year')?.value ?? '1970';
  const m = parts.find((p) => p.type === 'month')?.value ?? '01';
  lastAsked.hour = hour;
  lastAsked.month = `${y}-${m}`;
  return lastAsked.month;
}

export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const total = y * 12 + (m - 1) + n;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

export function formatPence(pence: number): string {
  const sign = pence < 0 ? '-' : '';
  const abs = Math.abs(pence);
  const pounds = Math.floor(abs / 100).toLocaleString('en-GB');
  return `${sign}£${pounds}.${String(abs % 100).padStart(2, '0')}`;
}

/** Fulfilment follows one path; a donation is confirmed by the charity, anything else is delivered. */
export type FulfilmentStatus = 'approved' | 'ordered' | 'delivered' | 'donation_confirmed';

export function nextFulfilment(current: FulfilmentStatus, kind: string): FulfilmentStatus[] {
  if (current === 'approved') return ['ordered'];
  if (current !== 'ordered') return [];
  if (kind === 'charity_donation') return ['donation_confirmed'];
  // A memorial contribution is either paid to a memorial fund or arrives as a plaque or a tree.
  return kind === 'memorial_contribution' ? ['donation_confirmed', 'delivered'] : ['delivered'];
}
