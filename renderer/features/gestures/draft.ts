import {
  amountProblems,
  personalisationProblems,
  renderTemplate,
  sensitiveWordingProblems,
} from '../../../shared/gestures/policy';
import type { FieldProblem } from '../../../shared/schemas/common';
import type { CustomerView } from '../../../shared/schemas/customers';
import type { GestureReason, SuggestionView } from '../../../shared/schemas/gestures';
import type { GestureDraft } from '../../state';
import { parsePounds, penceToPounds, poundsToPence } from '../../ui/money';

/** What the advisor has typed so far for one item. */
export interface DraftState {
  amount: string;
  values: Record<string, string>;
  /** The template the message started from; the advisor may then edit it freely. */
  templateIndex: number | null;
  message: string;
  reasonCode: GestureReason | '';
  reason: string;
  deceasedName: string;
}

/** The item's own "message" field is the message box itself, not a second place to type it. */
export const personalFields = (s: SuggestionView) => s.fields.filter((f) => f.key !== 'message');

/**
 * What the customer record already answers. On a case that says someone has died the customer may
 * be the person who died, so their name is never put in as the recipient.
 */
export function prefillFrom(c: CustomerView, deathOnCase: boolean): Record<string, string> {
  const address = [c.address, c.postcode && !c.address?.includes(c.postcode) ? c.postcode : null].filter(Boolean).join('\n');
  const known: Record<string, string | null> = {
    recipientName: deathOnCase && !c.flags.bereaved ? null : c.name,
    deliveryAddress: address || null,
    emailAddress: c.email,
    membershipNumber: c.membershipNumber,
  };
  return Object.fromEntries(Object.entries(known).filter((e): e is [string, string] => Boolean(e[1])));
}

export function initialDraft(s: SuggestionView, sensitive: boolean, prefill: Record<string, string> | null = null): DraftState {
  const keys = new Set(s.fields.map((f) => f.key));
  return {
    amount: penceToPounds(s.suggestedAmountPence),
    values: Object.fromEntries(Object.entries(prefill ?? {}).filter(([k]) => keys.has(k))),
    templateIndex: s.templates.length ? 0 : null,
    message: s.templates[0] ?? '',
    reasonCode: sensitive ? 'bereavement' : '',
    reason: '',
    deceasedName: '',
  };
}

/** The message exactly as the customer will read it, blanks filled from the personalisation. */
export const composedMessage = (d: DraftState): string => renderTemplate(d.message, d.values).trim();

/**
 * Everything the hub would refuse that can be seen before sending, with the same rules (one policy
 * module): required fields, blanks left in the message, the amount range, sensitive wording.
 */
export function draftProblems(s: SuggestionView, d: DraftState, sensitive: boolean): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const typed = parsePounds(d.amount);
  if (!typed.ok) problems.push({ path: 'amountPence', message: typed.message });
  else {
    const amount = amountProblems(typed.pence, s);
    if (amount) problems.push({ path: 'amountPence', message: amount });
  }
  const message = composedMessage(d);
  problems.push(...personalisationProblems(personalFields(s), d.values, message));
  if (sensitive) {
    const deceasedNames = [d.deceasedName, d.values.inMemoryOf ?? ''].filter((n) => n.trim());
    problems.push(...sensitiveWordingProblems({ recipientName: d.values.recipientName, deceasedNames, message }));
  }
  if (!d.reasonCode) problems.push({ path: 'reasonCode', message: 'Choose what the gesture is for.' });
  if (d.reason.trim().length < 5) problems.push({ path: 'reason', message: 'Say why, in a few words.' });
  return problems;
}

/** `idempotencyKey` belongs to the form: the same one on every retry of it. */
export function toRequest(caseId: string, s: SuggestionView, d: DraftState, idempotencyKey: string): GestureDraft {
  const personalisation = Object.fromEntries(Object.entries(d.values).filter(([, v]) => v.trim()));
  const message = composedMessage(d);
  if (s.fields.some((f) => f.key === 'message')) personalisation.message = message;
  return {
    idempotencyKey,
    caseId,
    itemId: s.itemId,
    itemName: s.name,
    amountPence: poundsToPence(d.amount) ?? 0,
    personalisation,
    message,
    reasonCode: d.reasonCode || 'other',
    reason: d.reason.trim(),
    ...(d.deceasedName.trim() ? { deceasedName: d.deceasedName.trim() } : {}),
  };
}

/** "personalisation.recipientName" → the problem to show under that field. */
export const problemFor = (problems: readonly FieldProblem[], path: string): string | null =>
  problems.find((p) => p.path === path)?.message ?? null;
