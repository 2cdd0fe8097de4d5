import type { FULFILMENT_STATUSES, GESTURE_STATUSES } from '../../shared/schemas/gestures';
import type { BadgeTone } from './Badge';

export { KIND_LABELS, REASON_LABELS, TONE_LABELS } from '../../shared/gestures/labels';

/** Where a request stands, in the advisor's words. */
export const STATUS_LABELS: Record<(typeof GESTURE_STATUSES)[number], string> = {
  pending: 'Waiting for approval',
  approved: 'Approved',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
  expired: 'Expired',
};

export const STATUS_TONES: Record<(typeof GESTURE_STATUSES)[number], BadgeTone> = {
  pending: 'warning',
  approved: 'good',
  rejected: 'danger',
  withdrawn: 'neutral',
  expired: 'neutral',
};

export const FULFILMENT_LABELS: Record<(typeof FULFILMENT_STATUSES)[number], string> = {
  approved: 'Not yet ordered',
  ordered: 'Ordered',
  delivered: 'Delivered',
  donation_confirmed: 'Donation confirmed',
};

export const APPROVER_LABELS = { advisor: 'You (within your limit)', supervisor: 'A supervisor', head: 'A head of service' } as const;
