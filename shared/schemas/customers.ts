import { z } from 'zod';
import { CASE_STATUSES, CHANNELS, LINES } from '../roles';

export const customerFlags = z.object({
  bereaved: z.boolean(),
  vulnerable: z.boolean(),
  marketingSuppressed: z.boolean(),
});

export const customerView = z.object({
  id: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  phoneAlt: z.string().nullable(),
  email: z.string().nullable(),
  membershipNumber: z.string().nullable(),
  postcode: z.string().nullable(),
  flags: customerFlags,
  bereavementRef: z.string().nullable(),
  vulnerabilityNote: z.string().nullable(),
});
export type CustomerView = z.infer<typeof customerView>;

export const caseNoteView = z.object({
  id: z.string(),
  caseId: z.string(),
  authorId: z.string().nullable(),
  authorName: z.string().nullable(),
  body: z.string(),
  createdAt: z.number(),
});
export type CaseNoteView = z.infer<typeof caseNoteView>;

export const caseView = z.object({
  id: z.string(),
  reference: z.string(),
  customerId: z.string().nullable(),
  customerName: z.string().nullable(),
  channel: z.enum(CHANNELS),
  line: z.enum(LINES),
  queueId: z.string().nullable(),
  callId: z.string().nullable(),
  status: z.enum(CASE_STATUSES),
  wrapupCode: z.string().nullable(),
  subject: z.string(),
  siteId: z.string(),
  siteName: z.string(),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  openedAt: z.number(),
  closedAt: z.number().nullable(),
  updatedAt: z.number(),
});
export type CaseView = z.infer<typeof caseView>;

export const createCaseRequest = z.object({
  customerId: z.string().min(1).max(64).nullable().optional(),
  channel: z.enum(CHANNELS),
  line: z.enum(LINES),
  queueId: z.string().max(64).nullable().optional(),
  callId: z.string().max(250).nullable().optional(),
  subject: z.string().trim().min(1).max(200),
});

/** A desktop that journals notes sends each with a key of its own: a resend is the same note, never a second one. */
export const noteIdempotencyKey = z.string().regex(/^[A-Za-z0-9_-]{8,100}$/, 'letters, digits, - and _, 8 to 100 of them');
/** When a desktop wrote something it sends later (a note or a wrap-up made while the hub was away). */
export const writtenAt = z.number().int().positive();

export const addNoteRequest = z.object({
  body: z.string().trim().min(1).max(10_000),
  idempotencyKey: noteIdempotencyKey.optional(),
  writtenAt: writtenAt.optional(),
});

export const updateCaseRequest = z
  .object({
    status: z.enum(CASE_STATUSES),
    wrapupCode: z.string().max(64).nullable(),
    subject: z.string().trim().min(1).max(200),
    /** A wrap-up finished offline: when it was, not when it reached the hub. */
    closedAt: writtenAt,
  })
  .partial();

export const customerSearchQuery = z.object({
  q: z.string().trim().min(2).max(100),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
