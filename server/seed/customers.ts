import type { Line } from '../../shared/roles';
import type { Random } from './random';

const FIRST = ['Olivia', 'Amelia', 'Isla', 'Ava', 'Mia', 'Grace', 'Sophia', 'Lily', 'Freya', 'Emily', 'Ella', 'Poppy', 'Evie',
  'Ruby', 'Alice', 'Florence', 'Margaret', 'Susan', 'Patricia', 'Jean', 'Noah', 'Oliver', 'George', 'Arthur', 'Leo', 'Harry',
  'Oscar', 'Archie', 'Henry', 'Jack', 'Charlie', 'Freddie', 'Alfie', 'Thomas', 'William', 'James', 'David', 'Peter', 'John',
  'Michael', 'Aisha', 'Mohammed', 'Fatima', 'Yusuf', 'Priya', 'Arjun', 'Siobhan', 'Ciaran', 'Rhys', 'Megan', 'Eilidh', 'Callum'];
const LAST = ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Patel', 'Robinson', 'Wright',
  'Thompson', 'Evans', 'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Thomas', 'Clarke', 'Jackson', 'Wood', 'Harris', 'Edwards',
  'Turner', 'Martin', 'Cooper', 'Hill', 'Ward', 'Hughes', 'Moore', 'Clark', 'King', 'Harrison', 'Lewis', 'Baker', 'Lee', 'Allen',
  'Morris', 'Khan', 'Scott', 'Watson', 'Davis', 'Parker', 'James', 'Bennett', 'Young', 'Phillips', 'Richardson', 'Mitchell',
  'Campbell', 'Murray', 'MacDonald', 'Begum', 'Ali', 'Singh', "O'Neill", 'Kowalski'];
const OUTCODES = ['M1', 'M14', 'M20', 'SK4', 'LS6', 'LS11', 'BD7', 'G12', 'G41', 'EH6', 'CF10', 'B15', 'L17', 'NE6', 'S10', 'NG7', 'BS3', 'OL9', 'WA1', 'HX1'];

export interface SeedCustomer {
  id: string;
  name: string;
  phone: string;
  phoneAlt: string | null;
  email: string | null;
  membershipNumber: string | null;
  postcode: string;
  bereaved: boolean;
  bereavementRef: string | null;
  vulnerable: boolean;
  vulnerabilityNote: string | null;
  marketingSuppressed: boolean;
}

/**
 * Mobile numbers come from Ofcom's drama range 07700 900000–900999 (exactly a thousand, never
 * real); landlines from the 0113/0161 496 0xxx drama ranges.
 */
export function generateCustomers(rnd: Random, count: number): SeedCustomer[] {
  const mobiles = rnd.shuffle(Array.from({ length: 1000 }, (_, i) => `+447700900${String(i).padStart(3, '0')}`));
  const landlineCodes = ['+44113496', '+44161496', '+44141496', '+44292018'];
  const out: SeedCustomer[] = [];
  for (let i = 0; i < count; i++) {
    const first = rnd.pick(FIRST);
    const last = rnd.pick(LAST);
    const bereaved = rnd.chance(0.04);
    const vulnerable = bereaved ? rnd.chance(0.5) : rnd.chance(0.05);
    const phone = i < mobiles.length ? mobiles[i]! : `${rnd.pick(landlineCodes)}${String(i % 10000).padStart(4, '0')}`;
    out.push({
      id: `cus_${String(i + 1).padStart(6, '0')}`,
      name: `${first} ${last}`,
      phone,
      phoneAlt: rnd.chance(0.3) ? `${rnd.pick(landlineCodes)}${String(rnd.int(0, 999)).padStart(4, '0')}` : null,
      email: rnd.chance(0.7) ? `${first}.${last}${rnd.int(1, 99)}`.toLowerCase().replace(/'/g, '') + '@example.org' : null,
      membershipNumber: rnd.chance(0.8) ? `6330${String(10_000_000 + i * 7919).slice(-8)}` : null,
      postcode: `${rnd.pick(OUTCODES)} ${rnd.int(1, 9)}${rnd.pick(['AB', 'DF', 'HJ', 'LN', 'PQ', 'RT', 'UW', 'XY'])}`,
      bereaved,
      bereavementRef: bereaved && rnd.chance(0.5) ? `TUO-${rnd.int(100000, 999999)}` : null,
      vulnerable,
      vulnerabilityNote: vulnerable ? rnd.pick(['Hard of hearing: speak clearly, offer text relay', 'Recently bereaved: take time, do not rush', 'Prefers a call back in the morning', 'Anxiety: explain each step before doing it', 'Power of attorney held by daughter']) : null,
      marketingSuppressed: bereaved || rnd.chance(0.08),
    });
  }
  return out;
}

const SUBJECTS: Record<Line, string[]> = {
  food: ['Refund for a spoiled loaf', 'Online order arrived without the frozen items', 'Allergen recall: cereal bars', 'Delivery two hours late',
    'Wrong price charged at the till', 'Substituted items not wanted', 'Foreign body found in a ready meal', 'Damaged eggs in a delivery'],
  funeralcare: ['First call: mother passed away at home', 'Arranging a cremation service', 'Questions about the funeral estimate',
    'Funeral plan: what is covered', 'Collecting ashes', 'Flowers for the service', 'Complaint about the hearse arriving late', 'Repatriation enquiry'],
  membership: ['Points missing from last shop', 'Change of address', 'Lost membership card', 'Member has died: closing the account',
    'Transferring points to a partner', 'Community fund question', 'Member prices not applied', 'Joining as a new member'],
};
const NOTES: Record<Line, string[]> = {
  food: ['Apologised and explained the refund goes back to the original card in 3 to 5 working days.', 'Asked for the batch code; customer will check the packaging.',
    'Customer happy with the resolution. No further action.', 'Logged with the quality team for investigation.'],
  funeralcare: ['Listened and took things slowly. Family would like a cremation next week.', 'Explained the next steps and gave the funeral director’s direct number.',
    'Customer has a Tell Us Once reference; recorded on the account.', 'Sent the estimate by email as requested.'],
  membership: ['Added the missing points manually after checking the receipt.', 'Updated the address and confirmed by reading it back.',
    'Ordered a replacement card, 5 to 7 working days.', 'Closed the account with care and stopped all mailings.'],
};

export interface SeedCase {
  id: string;
  reference: string;
  customerId: string;
  channel: 'phone' | 'email' | 'chat';
  line: Line;
  queueId: string;
  status: 'open' | 'waiting' | 'resolved' | 'closed';
  wrapupCode: string | null;
  subject: string;
  siteId: string;
  ownerId: string;
  openedAt: number;
  closedAt: number | null;
  notes: { id: string; authorId: string; body: string; at: number }[];
}

export function generateCases(
  rnd: Random,
  customers: SeedCustomer[],
  owners: { id: string; siteId: string }[],
  wrapups: Record<Line, [string, string, boolean?][]>,
  now: number,
): SeedCase[] {
  const out: SeedCase[] = [];
  const lines: Line[] = ['food', 'funeralcare', 'membership'];
  let ref = 90_000;
  for (const c of customers) {
    const n = rnd.chance(0.6) ? rnd.int(1, 3) : 0;
    for (let k = 0; k < n; k++) {
      const line = c.bereaved && rnd.chance(0.6) ? 'funeralcare' : rnd.pick(lines);
      const owner = rnd.pick(owners);
      const openedAt = now - rnd.int(1, 120) * 86_400_000 - rnd.int(0, 86_399_999);
      const closed = rnd.chance(0.8);
      const id = `case_seed_${out.length + 1}`;
      out.push({
        id,
        reference: `RP-${++ref}`,
        customerId: c.id,
        channel: rnd.pick(['phone', 'phone', 'phone', 'email', 'chat'] as const),
        line,
        queueId: line,
        status: closed ? 'closed' : rnd.pick(['open', 'waiting'] as const),
        wrapupCode: closed ? rnd.pick(wrapups[line])[0] : null,
        subject: rnd.pick(SUBJECTS[line]),
        siteId: owner.siteId,
        ownerId: owner.id,
        openedAt,
        closedAt: closed ? openedAt + rnd.int(5, 600) * 60_000 : null,
        notes: Array.from({ length: rnd.int(1, 2) }, (_, j) => ({
          id: `${id}_n${j}`,
          authorId: owner.id,
          body: rnd.pick(NOTES[line]),
          at: openedAt + (j + 1) * 60_000,
        })),
      });
    }
  }
  return out;
}
