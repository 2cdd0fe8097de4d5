import { z } from 'zod';
import { eraseCustomerRequest, privacySettings, type ErasureLogEntry, type ErasurePreview, type PrivacySettings } from '../schemas/erasure';

/** Erasure and retention as an organisation admin works them; the hub decides who may. */
export const privacyRequestArgs = {
  'privacy.preview': z.object({ customerId: z.string().min(1).max(64) }),
  'privacy.erase': eraseCustomerRequest,
  'privacy.log': z.object({}),
  'privacy.settings': z.object({}),
  'privacy.saveSettings': privacySettings,
} as const;

export interface PrivacyRequestResults {
  'privacy.preview': ErasurePreview;
  'privacy.erase': { reference: string; counts: { cases: number; notes: number; gestures: number; auditEntries: number } };
  'privacy.log': ErasureLogEntry[];
  'privacy.settings': PrivacySettings;
  'privacy.saveSettings': PrivacySettings;
}

export interface PrivacyPushes {
  /** Customers erased on the hub and removed from this computer: the page drops what it shows of them. */
  'customers.erased': { customerIds: string[]; caseIds: string[] };
}
