import type { GESTURE_KINDS, TONES } from '../../shared/schemas/catalogue';
import type { FULFILMENT_STATUSES, GESTURE_REASONS, GESTURE_STATUSES } from '../../shared/schemas/gestures';
import type { BadgeTone } from './Badge';

/** The words a contact centre uses for each kind, reason and state of a gesture of goodwill. */
export const KIND_LABELS: Record<(typeof GESTURE_KINDS)[number], string> = {
  gift: 'Gift',
  experience: 'Experience',
  charity_donation: 'Charity donation',
  memorial_contribution: 'Memorial contribution',
  card: 'Card',
  voucher: 'Voucher',
  fee_waiver: 'Fee waiver',
  deadline_extension: 'Deadline extension',
};

export const TONE_LABELS: Record<(typeof TONES)[number], string> = {
  celebratory: 'Celebratory',
  neutral: 'Neutral',
  condolence: 'Condolence',
};

export const REASON_LABELS: Record<(typeof GESTURE_REASONS)[number], string> = {
  product_quality: 'Product quality',
  delivery_problem: 'Delivery problem',
  service_failure: 'Service failure',
  long_wait: 'Long wait',
  bereavement: 'Bereavement',
  complaint: 'Complaint',
  loyalty: 'Loyalty',
  other: 'Other',
};

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
