import type { BereavementPrompt } from '../../shared/schemas/customers';
import type { Queryable } from '../db/types';
import { caseSensitivity } from '../gestures/sensitivity';

/**
 * Whether to ask the advisor to record a bereavement on this case's customer: after a funeral-care
 * call, or when the case (its wrap-up code or its words) says someone has died. Once per customer:
 * recorded, or answered "not now", it never comes back at any site.
 */
export async function bereavementPromptFor(q: Queryable, caseId: string): Promise<BereavementPrompt | null> {
  const c = await caseSensitivity(q, caseId);
  if (!c.customerId || c.customerBereaved) return null;
  const facts = await q.get<{ channel: string; name: string; asked: number | string | null }>(
    'SELECT c.channel, cu.name, cu.bereavement_asked_at AS asked FROM cases c JOIN customers cu ON cu.id = c.customer_id WHERE c.id = ?',
    [caseId],
  );
  if (!facts || facts.asked !== null) return null;
  if (c.line === 'funeralcare' && facts.channel === 'phone') return { customerId: c.customerId, customerName: facts.name, why: 'funeral_call' };
  if (c.deathOnCase) return { customerId: c.customerId, customerName: facts.name, why: 'death_on_case' };
  return null;
}
