import type { ArticleEntry, VersionState } from '../../../shared/schemas/knowledge';
import type { BadgeTone } from '../../ui/Badge';

export const VERSION_LABEL: Record<VersionState, [string, BadgeTone]> = {
  draft: ['Draft', 'warning'],
  in_review: ['In review', 'primary'],
  approved: ['Scheduled', 'calm'],
  published: ['Live', 'good'],
  superseded: ['Replaced', 'neutral'],
  retired: ['Retired', 'neutral'],
  withdrawn: ['Discarded', 'neutral'],
};

/** One word for where an article stands, for the list and its filter. */
export function standing(a: ArticleEntry): 'draft' | 'in_review' | 'scheduled' | 'published' | 'retired' {
  if (a.open?.state === 'in_review') return 'in_review';
  if (a.open?.state === 'approved') return 'scheduled';
  if (a.status === 'published') return 'published';
  if (a.status === 'retired') return 'retired';
  return 'draft';
}

export const STANDING_LABEL = { draft: 'Drafts', in_review: 'In review', scheduled: 'Scheduled', published: 'Live', retired: 'Retired' } as const;
