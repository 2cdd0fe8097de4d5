import { mayActOnCase, type CaseAction } from '../shared/roles';
import type { GestureRequestView } from '../shared/schemas/gestures';
import { HttpError } from './http/errors';
import type { Actor } from './http/router';

const REFUSALS: Partial<Record<CaseAction, string>> = {
  update: 'This case belongs to another site: its status, wrap-up and subject are changed there. You can add a note.',
  follow_up: 'This case belongs to another site: its follow-ups are kept there. You can add a note.',
  offer_gesture: 'This case belongs to another site: open a case of your own for this contact to offer a gesture.',
  fulfil: 'This gesture belongs to another site: its fulfilment is recorded there.',
};

/**
 * The one gate for object-level rules on cases and what hangs off them (the rule itself is
 * `mayActOnCase` in shared/roles.ts). Route access says which roles may call a route at all; this
 * says whether this person may do it to this case.
 */
export function checkCaseAction(actor: Actor, caseSiteId: string, action: CaseAction): void {
  if (mayActOnCase(actor, caseSiteId, action)) return;
  if (action === 'read_gesture') throw new HttpError(404, 'not_found', 'That gesture request was not found');
  throw new HttpError(403, 'other_site', REFUSALS[action] ?? 'This belongs to another site.');
}

/**
 * A gesture as another site sees it in a customer's history: what was given, when and how much
 * (the cap is shared), never to whom or where it was sent.
 */
export function gestureSeenBy(actor: Actor, view: GestureRequestView): GestureRequestView {
  if (view.requestedBy === actor.userId || mayActOnCase(actor, view.siteId, 'read_gesture')) return view;
  return { ...view, personalisation: {}, message: '' };
}
