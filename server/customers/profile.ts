import type { Channel } from '../../shared/roles';
import type { CustomerProfile, TimelineEntry } from '../../shared/schemas/customers';
import type { Queryable } from '../db/types';
import { formatPence } from '../../shared/gestures/policy';
import type { Actor } from '../http/router';
import { historySeenBy } from '../gestures/views';
import { CASE_SELECT, findCustomer, toCaseView, toCustomerView } from './customers';

const CHANNEL_WORDS: Record<Channel, string> = { phone: 'Phone call', email: 'Email', chat: 'Chat', social: 'Social media', letter: 'Letter' };
const MOST = 200;

/**
 * Everything with one customer at every site and on every channel, newest first: the cases (each
 * call, email or chat), the notes written on them, the gestures offered, and the bereavement once
 * it is recorded. Reads cross sites (tell us once); what a person may see of a gesture is theirs.
 */
export async function customerProfile(q: Queryable, actor: Actor, customerId: string): Promise<CustomerProfile> {
  const row = await findCustomer(q, customerId);
  const customer = toCustomerView(row);
  const cases = (await q.all<Record<string, unknown>>(`${CASE_SELECT} WHERE c.customer_id = ? ORDER BY c.opened_at DESC LIMIT ${MOST}`, [row.id])).map(
    toCaseView,
  );
  const notes = await q.all<{ id: string; case_id: string; reference: string; line: string; channel: string; body: string; created_at: number | string; display_name: string | null; site_name: string }>(
    `SELECT n.id, n.case_id, c.reference, c.line, c.channel, n.body, n.created_at, u.display_name, s.name AS site_name
     FROM case_notes n JOIN cases c ON c.id = n.case_id JOIN sites s ON s.id = c.site_id LEFT JOIN users u ON u.id = n.author_id
     WHERE c.customer_id = ? ORDER BY n.created_at DESC LIMIT ${MOST}`,
    [row.id],
  );
  const { gestures } = await historySeenBy(q, actor, row.id);
  const byCase = new Map(cases.map((c) => [c.id, c]));

  const timeline: TimelineEntry[] = [
    ...cases.map(
      (c): TimelineEntry => ({
        kind: 'case', at: c.openedAt, key: `c-${c.id}`, caseId: c.id, caseReference: c.reference, channel: c.channel, line: c.line,
        siteName: c.siteName, who: c.ownerName, title: `${CHANNEL_WORDS[c.channel]}: case ${c.reference} opened`, body: c.subject, status: c.status,
      }),
    ),
    ...notes.map(
      (n): TimelineEntry => ({
        kind: 'note', at: Number(n.created_at), key: `n-${n.id}`, caseId: n.case_id, caseReference: n.reference,
        channel: byCase.get(n.case_id)?.channel ?? null, line: byCase.get(n.case_id)?.line ?? null, siteName: n.site_name,
        who: n.display_name, title: `Note on ${n.reference}`, body: n.body, status: null,
      }),
    ),
    ...gestures.map(
      (g): TimelineEntry => ({
        kind: 'gesture', at: g.createdAt, key: `g-${g.id}`, caseId: g.caseId, caseReference: g.caseReference,
        channel: byCase.get(g.caseId)?.channel ?? null, line: g.line, siteName: g.siteName, who: g.requestedByName,
        title: `Gesture: ${g.itemName}`, body: `${g.itemName}, ${formatPence(g.amountPence)}`, status: g.status,
      }),
    ),
  ];
  if (customer.flags.bereaved && customer.bereavedAt) {
    timeline.push({
      kind: 'flag', at: customer.bereavedAt, key: 'f-bereaved', caseId: null, caseReference: null, channel: null, line: null, siteName: null,
      who: null, title: 'Bereavement recorded', body: customer.bereavementRef ? `Reference ${customer.bereavementRef}` : 'No notification reference given',
      status: null,
    });
  }
  return { customer, timeline: timeline.sort((a, b) => b.at - a.at) };
}
