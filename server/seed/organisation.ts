import type { Line, Role, SiteKind } from '../../shared/roles';

/** The demo organisation: one in-house site and two partner sites, all held to the same rules. */
export const DEMO_PASSWORD = 'rapport-demo-2026';

export const SITES: { id: string; name: string; kind: SiteKind; partnerName: string | null; city: string }[] = [
  { id: 'site_mcr', name: 'Manchester', kind: 'in_house', partnerName: null, city: 'Manchester' },
  { id: 'site_lds', name: 'Leeds (Northpoint Contact)', kind: 'partner', partnerName: 'Northpoint Contact', city: 'Leeds' },
  { id: 'site_gla', name: 'Glasgow (Meridian BPO)', kind: 'partner', partnerName: 'Meridian BPO', city: 'Glasgow' },
];

export const TEAMS = SITES.flatMap((s) => [
  { id: `team_${s.id.slice(5)}_care`, name: 'Funeral care and bereavement', siteId: s.id },
  { id: `team_${s.id.slice(5)}_retail`, name: 'Food and membership', siteId: s.id },
]);

interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  siteId: string;
  teamId: string | null;
  extension: string | null;
}

const PEOPLE: Record<string, [string, string, string, string, string]> = {
  mcr: ['Amira Hussain', 'Ben Walsh', 'Chloe Davies', 'Priya Shah', 'Tom Fletcher'],
  lds: ['Dan Okafor', 'Ellie Grant', 'Faye Robinson', 'Gareth Lloyd', 'Hannah Price'],
  gla: ['Iona MacLeod', 'Jamie Reid', 'Kirsty Boyle', 'Lewis Stewart', 'Morag Campbell'],
};

/**
 * Per site: three advisors (two on the care team), a supervisor, an admin: a site admin at each
 * partner site, and at the in-house site two organisation admins (heads of service), so that a
 * second pair of eyes is always at hand.
 */
export const USERS: DemoUser[] = SITES.flatMap((s, i) => {
  const code = s.id.slice(5);
  const [a1, a2, a3, sup, adm] = PEOPLE[code]!;
  const ext = (n: number) => String(1001 + i * 100 + n);
  return [
    { username: `advisor1.${code}`, displayName: a1, role: 'advisor', siteId: s.id, teamId: `team_${code}_care`, extension: ext(0) },
    { username: `advisor2.${code}`, displayName: a2, role: 'advisor', siteId: s.id, teamId: `team_${code}_care`, extension: ext(1) },
    { username: `advisor3.${code}`, displayName: a3, role: 'advisor', siteId: s.id, teamId: `team_${code}_retail`, extension: ext(2) },
    { username: `supervisor.${code}`, displayName: sup, role: 'supervisor', siteId: s.id, teamId: `team_${code}_care`, extension: ext(50) },
    { username: `admin.${code}`, displayName: adm, role: s.kind === 'in_house' ? 'org_admin' : 'site_admin', siteId: s.id, teamId: null, extension: null },
    ...(s.kind === 'in_house'
      ? [{ username: `head.${code}`, displayName: 'Nadia Rahman', role: 'org_admin', siteId: s.id, teamId: null, extension: null } as const]
      : []),
  ] satisfies DemoUser[];
});

/** Dialled numbers from Ofcom's range reserved for drama, so no real line is ever rung. */
export const QUEUES: { id: string; name: string; line: Line; dialledNumber: string }[] = [
  { id: 'food', name: 'Food', line: 'food', dialledNumber: '+448081570001' },
  { id: 'funeralcare', name: 'Funeral care', line: 'funeralcare', dialledNumber: '+448081570002' },
  { id: 'membership', name: 'Membership', line: 'membership', dialledNumber: '+448081570003' },
];

/** Id, label and (third) whether the code means someone has died. */
export const WRAPUP_CODES: Record<Line, [string, string, boolean?][]> = {
  food: [
    ['food-refund', 'Refund issued'],
    ['food-quality', 'Product quality complaint'],
    ['food-recall', 'Product recall enquiry'],
    ['food-delivery', 'Delivery problem'],
    ['food-store', 'Store enquiry'],
    ['food-gesture', 'Gesture of goodwill offered'],
  ],
  funeralcare: [
    ['fc-first-call', 'First call after a death', true],
    ['fc-arrangements', 'Funeral arrangements'],
    ['fc-plan', 'Funeral plan enquiry'],
    ['fc-bereavement', 'Bereavement support given'],
    ['fc-complaint', 'Funeral complaint'],
    ['fc-gesture', 'Condolence gesture offered'],
  ],
  membership: [
    ['mem-points', 'Missing points'],
    ['mem-account', 'Account change'],
    ['mem-card', 'Lost or replacement card'],
    ['mem-deceased', 'Member has died', true],
    ['mem-join', 'Joining'],
    ['mem-complaint', 'Membership complaint'],
  ],
};
