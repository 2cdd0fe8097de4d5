import type { CaseStatus } from '../../../shared/roles';
import type { BadgeTone } from '../../ui/Badge';

/** How each case status is coloured wherever it shows. */
export const STATUS_TONE: Record<CaseStatus, BadgeTone> = { open: 'primary', waiting: 'warning', resolved: 'good', closed: 'neutral' };
