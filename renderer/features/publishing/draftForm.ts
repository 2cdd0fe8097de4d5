import type { ArticleDraft, ArticleVersion, AudienceScope } from '../../../shared/schemas/knowledge';
import type { Role } from '../../../shared/roles';

/** The editor's fields as the admin types them (tags as one comma-separated box). */
export interface DraftForm {
  title: string;
  summary: string;
  body: string;
  line: ArticleDraft['line'];
  category: string;
  tags: string;
  audienceScope: AudienceScope;
  audienceSites: string[];
  audienceRoles: Role[];
  ownerId: string;
  reviewBy: string;
}

export const blankForm = (ownerId: string): DraftForm => ({
  title: '',
  summary: '',
  body: '',
  line: 'all',
  category: '',
  tags: '',
  audienceScope: 'all',
  audienceSites: [],
  audienceRoles: [],
  ownerId,
  reviewBy: new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10),
});

export const formOf = (v: ArticleVersion): DraftForm => ({
  title: v.title,
  summary: v.summary,
  body: v.body,
  line: v.line,
  category: v.category,
  tags: v.tags.join(', '),
  audienceScope: v.audienceScope,
  audienceSites: v.audienceSites,
  audienceRoles: v.audienceRoles,
  ownerId: v.ownerId ?? '',
  reviewBy: v.reviewBy ?? '',
});

export const draftOf = (f: DraftForm): ArticleDraft => ({
  title: f.title,
  summary: f.summary,
  body: f.body,
  line: f.line,
  category: f.category,
  tags: f.tags
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean),
  audienceScope: f.audienceScope,
  audienceSites: f.audienceScope === 'sites' ? f.audienceSites : [],
  audienceRoles: f.audienceRoles,
  ownerId: f.ownerId || null,
  reviewBy: f.reviewBy || null,
});

/** A `datetime-local` value (the admin's own clock) as epoch milliseconds, or null when empty or past. */
export function futureTime(local: string): number | null {
  if (!local) return null;
  const ms = new Date(local).getTime();
  return Number.isFinite(ms) && ms > Date.now() ? ms : null;
}
