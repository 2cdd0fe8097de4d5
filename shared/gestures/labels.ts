import type { GESTURE_KINDS, TONES } from '../schemas/catalogue';
import type { GESTURE_REASONS } from '../schemas/gestures';

/** The words a contact centre uses for each kind, tone and reason of a gesture: one list for the hub's reports and the app. */
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
