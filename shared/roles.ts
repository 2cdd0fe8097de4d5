/** Who someone is in the contact centre decides what the hub lets them do. */
export const ROLES = ['advisor', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const SITE_KINDS = ['in_house', 'partner'] as const;
export type SiteKind = (typeof SITE_KINDS)[number];

/** The three lines of business; `all` marks knowledge that serves every line. */
export const LINES = ['food', 'funeralcare', 'membership'] as const;
export type Line = (typeof LINES)[number];

export const LINE_LABELS: Record<Line, string> = {
  food: 'Food',
  funeralcare: 'Funeral care',
  membership: 'Membership',
};

export const CHANNELS = ['phone', 'email', 'chat', 'social', 'letter'] as const;
export type Channel = (typeof CHANNELS)[number];

export const CASE_STATUSES = ['open', 'pending', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
