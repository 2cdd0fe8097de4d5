import { z } from 'zod';

/**
 * UK GDPR's right to erasure and how long desktops keep what they hold about callers. An
 * organisation admin erases a customer on request; the money stays, the person becomes a reference
 * (E-000123), and every desktop removes its own copies when it reads the erasure feed.
 */

/** A calendar date as the admin typed it (yyyy-mm-dd from a date input). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as yyyy-mm-dd')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'not a real date');

export const eraseCustomerRequest = z.object({
  customerId: z.string().min(1).max(64),
  /** The reference of the customer's case where the request was logged (RP-…), typed to confirm. */
  requestCaseReference: z.string().trim().min(3, 'type the case reference').max(40),
  /** When the customer asked: the one-month clock starts here. */
  requestedOn: isoDate,
});
export type EraseCustomerRequest = z.infer<typeof eraseCustomerRequest>;

/** What an erasure will touch, shown before the admin confirms. Counts only, and the money kept. */
export const erasurePreview = z.object({
  customerId: z.string(),
  name: z.string(),
  erasedReference: z.string().nullable(),
  cases: z.array(z.object({ id: z.string(), reference: z.string(), subject: z.string(), openedAt: z.number() })),
  notes: z.number().int(),
  gestures: z.number().int(),
  /** Gesture amounts stay on the books; this is their sum. */
  gesturePence: z.number().int(),
});
export type ErasurePreview = z.infer<typeof erasurePreview>;

/** One line of the data-protection officer's log: who, when, the reference and the request date; nobody's personal data. */
export const erasureLogEntry = z.object({
  reference: z.string(),
  requestedOn: z.string(),
  erasedAt: z.number(),
  erasedBy: z.string(),
  erasedByName: z.string(),
  requestCaseReference: z.string(),
  /** Days from the request to the erasure (the legal limit is one month). */
  daysTaken: z.number().int(),
  counts: z.object({ cases: z.number().int(), notes: z.number().int(), gestures: z.number().int(), auditEntries: z.number().int() }),
});
export type ErasureLogEntry = z.infer<typeof erasureLogEntry>;

/**
 * One erasure as a desktop reads it from the feed: ids to find its copies by, and the caller's
 * numbers as salted digests (never the numbers), so a call that was never linked to the customer
 * still goes. The digests are dropped once the erasure deadline has passed.
 */
export const erasureChange = z.object({
  seq: z.number().int().positive(),
  reference: z.string(),
  customerId: z.string(),
  caseIds: z.array(z.string()),
  callIds: z.array(z.string()),
  phoneSalt: z.string().nullable(),
  phoneDigests: z.array(z.string()),
  erasedAt: z.number(),
});
export type ErasureChange = z.infer<typeof erasureChange>;

export const erasureChangesQuery = z.object({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

export const erasureChangesPage = z.object({
  changes: z.array(erasureChange),
  cursor: z.number().int().min(0),
  latest: z.number().int().min(0),
  more: z.boolean(),
});
export type ErasureChangesPage = z.infer<typeof erasureChangesPage>;

/** The organisation's data-keeping rules that every desktop follows, set by an organisation admin. */
export const privacySettings = z.object({
  /** Recent calls (numbers and names) kept on each computer. */
  callHistoryDays: z.number().int().min(1).max(365),
  /** Unsent note drafts kept on each computer. */
  noteDraftDays: z.number().int().min(1).max(90),
  /** Shared computers: each person's call history, drafts and case copies go when they sign out. */
  wipeAtSignOut: z.boolean(),
  /** A desktop that has not read the erasure feed for this long wipes its customer data at its next start. */
  erasureDeadlineDays: z.number().int().min(1).max(31),
});
export type PrivacySettings = z.infer<typeof privacySettings>;

export const DEFAULT_PRIVACY_SETTINGS: PrivacySettings = { callHistoryDays: 30, noteDraftDays: 7, wipeAtSignOut: false, erasureDeadlineDays: 30 };

/** The digest a desktop compares a caller's number with (E.164 as stored in call history). */
export const PHONE_DIGEST_HEX = 32;
