import type { Channel, Line } from '../../shared/roles';
import type { CustomerProfile, TimelineEntry } from '../../shared/schemas/customers';
import type { Queryable } from '../db/types';
import { formatPence } from '../../shared/gestures/policy';
import type { Actor } from '../http/router';
import { historySeenBy } from '../gestures/views';
import { CASE_SELECT, findCustomer, toCaseView, toCustomerView } from './customers';

const CHANNEL_WORDS: Record<Channel, string> = { phone: 'Phone call', email: 'Email', chat: 'Chat', social: 'Social media', letter: 'Letter' };
const MOST = 200;

interface CallRow {
  call_id: string;
  user_id: string;
  direction: string;
  offered_at: number | string;
  duration_seconds: number | string | null;
  outcome: string;
  display_name: string;
  site_name: string;
  line: Line | null;
  case_id: string | null;
  reference: string | null;
}

/** The hub's records of calls from or to the customer's numbers, at every site, with the case each opened. */
async function callsWith(q: Queryable, customerId: string, numbers: (string | null)[]): Promise<CallRow[]> {
  const known = numbers.filter((n): n is string => Boolean(n));
  if (known.length === 0) return [];
  return q.all<CallRow>(
    `SELECT r.call_id, r.user_id, r.direction, r.offered_at, r.duration_seconds, r.outcome, u.display_name, s.name AS site_name,
       COALESCE(c.line, qu.line) AS line, c.id AS case_id, c.reference
     FROM call_records r JOIN users u ON u.id = r.user_id JOIN sites s ON s.id = r.site_id
     LEFT JOIN queues qu ON qu.id = r.queue
     LEFT JOIN cases c ON c.call_id = r.call_id AND c.customer_id = ?
     WHERE r.customer_number IN (${known.map(() => '?').join(', ')}) ORDER BY r.offered_at DESC LIMIT ${MOST}`,
    [customerId, ...known],
  );
}

/** "Answered, 4 min 12 s": how the call went, and how long they talked. */
function callWords(r: CallRow): string {
  const seconds = r.duration_seconds === null ? null : Number(r.duration_seconds);
  if (seconds === null) return r.outcome;
  const talk = seconds >= 60 ? `${Math.floor(seconds / 60)} min ${seconds % 60} s` : `${seconds} s`;
  return `${r.outcome}, ${talk}`;
}

/**
 * Everything with one customer at every site and on every channel, newest first: the cases (each
 * call, email or chat), the calls themselves as the hub recorded them (answered, missed, transferred),
 * the notes written on them, the gestures offered, and the bereavement once it is recorded. Reads cross sites (tell us once); what a person may see of a gesture is theirs.
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
  const calls = await callsWith(q, row.id, [row.phone, row.phone_alt]);
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
    ...calls.map(
      (r): TimelineEntry => ({
        kind: 'call', at: Number(r.offered_at), key: `k-${r.call_id}-${r.user_id}`, caseId: r.case_id, caseReference: r.reference,
        channel: 'phone', line: r.line, siteName: r.site_name, who: r.display_name,
        title: r.direction === 'out' ? 'Call to them' : 'Call from them', body: callWords(r), status: null,
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
