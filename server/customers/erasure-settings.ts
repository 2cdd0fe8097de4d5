import { DEFAULT_PRIVACY_SETTINGS, privacySettings, type PrivacySettings } from '../../shared/schemas/erasure';
import type { Queryable } from '../db/types';

/** Each setting's key in organisation_settings (text values, as the table keeps them). */
const KEYS = {
  callHistoryDays: 'retention_call_history_days',
  noteDraftDays: 'retention_note_draft_days',
  wipeAtSignOut: 'retention_wipe_at_sign_out',
  erasureDeadlineDays: 'erasure_deadline_days',
} as const satisfies Record<keyof PrivacySettings, string>;

/** The organisation's retention periods and erasure deadline; a missing or spoilt value reads as its default. */
export async function readPrivacySettings(q: Queryable): Promise<PrivacySettings> {
  const rows = await q.all<{ key: string; value: string }>(
    `SELECT key, value FROM organisation_settings WHERE key IN (${Object.values(KEYS).map(() => '?').join(', ')})`,
    Object.values(KEYS),
  );
  const value = (key: string) => rows.find((r) => r.key === key)?.value;
  const read: Record<string, unknown> = {};
  for (const [field, key] of Object.entries(KEYS)) {
    const raw = value(key);
    if (raw !== undefined) read[field] = field === 'wipeAtSignOut' ? raw === '1' : Number(raw);
  }
  const parsed = privacySettings.partial().safeParse(read);
  return { ...DEFAULT_PRIVACY_SETTINGS, ...(parsed.success ? parsed.data : {}) };
}

export async function savePrivacySettings(q: Queryable, settings: PrivacySettings): Promise<void> {
  const now = Date.now();
  for (const [field, key] of Object.entries(KEYS)) {
    const v = settings[field as keyof PrivacySettings];
    await q.run(
      `INSERT INTO organisation_settings (key, value, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
      [key, typeof v === 'boolean' ? (v ? '1' : '0') : String(v), now],
    );
  }
}
