import type { BereavementService } from '../../../shared/schemas/customers';

export const SERVICE_LABELS: Record<BereavementService, string> = {
  tell_us_once: 'Tell Us Once',
  death_notification_service: 'Death Notification Service',
  life_ledger: 'Life Ledger',
  settld: 'Settld',
  other: 'Another service',
};

/** dd/mm/yyyy from the yyyy-mm-dd the hub keeps. */
export const ukDate = (iso: string): string => {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
};
