import { randomUUID } from 'node:crypto';
import { hubClient, signInAs } from '../../support/client';

type Client = ReturnType<typeof hubClient>;

interface Gesture {
  advisor: string;
  line: 'food' | 'funeralcare' | 'membership';
  itemId: string;
  amountPence: number;
  reasonCode: string;
  personalisation: Record<string, string>;
  /** What the site's supervisor does with it when it waits for them; left pending when absent. */
  decision?: 'approve' | 'reject';
}

const who = { recipientName: 'Jo Bloggs', deliveryAddress: '1 High Street, Leeds LS1 1AA', message: 'With our apologies.' };

/**
 * This month's goodwill at the three demo sites, made through the hub's API as advisors and
 * supervisors would. Advisors can approve up to £25 themselves; above that the site's supervisor decides.
 */
export const THIS_MONTHS_GOODWILL: Gesture[] = [
  {
    advisor: 'advisor1.mcr',
    line: 'food',
    itemId: 'bunch-of-flowers',
    amountPence: 2000,
    reasonCode: 'delivery_problem',
    personalisation: who,
  },
  {
    advisor: 'advisor2.mcr',
    line: 'membership',
    itemId: 'local-produce-hamper',
    amountPence: 5000,
    reasonCode: 'loyalty',
    personalisation: { ...who, dietaryNeeds: 'None' },
  },
  {
    advisor: 'advisor1.lds',
    line: 'food',
    itemId: 'delivery-charge-waiver',
    amountPence: 500,
    reasonCode: 'delivery_problem',
    personalisation: { ...who, orderNumber: 'ORD-10442' },
  },
  {
    advisor: 'advisor2.lds',
    line: 'food',
    itemId: 'afternoon-tea-for-two',
    amountPence: 4500,
    reasonCode: 'complaint',
    personalisation: who,
    decision: 'approve',
  },
  {
    advisor: 'advisor1.gla',
    line: 'membership',
    itemId: 'member-points-top-up',
    amountPence: 1500,
    reasonCode: 'long_wait',
    personalisation: { ...who, membershipNumber: 'M1234567' },
  },
  {
    advisor: 'advisor2.gla',
    line: 'food',
    itemId: 'cinema-tickets-family',
    amountPence: 3000,
    reasonCode: 'service_failure',
    personalisation: { ...who, emailAddress: 'jo@example.org', ticketCount: '4' },
    decision: 'reject',
  },
];

async function plainCustomers(client: Client): Promise<string[]> {
  const res = await client.get('/api/customers?q=son&limit=50');
  if (res.status !== 200) throw new Error(`customer search failed: ${res.status} ${JSON.stringify(res.body)}`);
  const found = res.body.customers as { id: string; flags: { bereaved: boolean } }[];
  return found.filter((c) => !c.flags.bereaved).map((c) => c.id);
}

async function expectOk(what: string, res: { status: number; body: unknown }, status = 200): Promise<void> {
  if (res.status !== status) throw new Error(`${what} failed: ${res.status} ${JSON.stringify(res.body)}`);
}

/**
 * Raises each gesture (one customer each, so no 12-month cap is reached) and lets supervisors
 * decide. A later call passes `skipCustomers` so it does not reuse the earlier calls' customers.
 */
export async function raiseGoodwill(
  hubUrl: string,
  gestures: Gesture[] = THIS_MONTHS_GOODWILL,
  skipCustomers = 0,
): Promise<void> {
  const sessions = new Map<string, Client>();
  const as = async (username: string) => {
    if (!sessions.has(username)) sessions.set(username, (await signInAs(hubUrl, username)).client);
    return sessions.get(username)!;
  };
  const customers = (await plainCustomers(await as(gestures[0]!.advisor))).slice(skipCustomers);
  for (const g of gestures) {
    const advisor = await as(g.advisor);
    const opened = await advisor.post('/api/cases', {
      customerId: customers.shift(),
      channel: 'phone',
      line: g.line,
      subject: 'Goodwill for a let-down',
    });
    await expectOk('opening a case', opened, 201);
    const made = await advisor.post('/api/gestures/requests', {
      idempotencyKey: `key-${randomUUID()}`,
      caseId: opened.body.case.id,
      itemId: g.itemId,
      amountPence: g.amountPence,
      personalisation: g.personalisation,
      message: 'We are sorry we let you down.',
      reasonCode: g.reasonCode,
      reason: 'The customer was let down and we want to put it right.',
    });
    await expectOk(`asking for ${g.itemId}`, made, 201);
    if (!g.decision) continue;
    const supervisor = await as(`supervisor.${g.advisor.split('.')[1]}`);
    const decided = await supervisor.post(`/api/gestures/requests/${made.body.request.id}/${g.decision}`, {
      reason: 'Checked with the team leader.',
    });
    await expectOk(`${g.decision} ${g.itemId}`, decided);
  }
}
