import { z } from 'zod';
import { caseStatusFrom } from '../cases/status-rules';
import { CASE_STATUSES, CHANNELS, LINES } from '../roles';

export const customerFlags = z.object({
  bereaved: z.boolean(),
  vulnerable: z.boolean(),
  marketingSuppressed: z.boolean(),
  surveysSuppressed: z.boolean().default(false),
});

/** The notification services a bereaved caller may already have used (tell us once). */
export const BEREAVEMENT_SERVICES = ['tell_us_once', 'death_notification_service', 'life_ledger', 'settld', 'other'] as const;
export type BereavementService = (typeof BEREAVEMENT_SERVICES)[number];

/** Needs an advisor records once so the customer never has to say them again. */
export const COMMON_NEEDS = [
  'Needs more time',
  'Prefers email',
  'Prefers a call back',
  'Hard of hearing',
  'Large print',
  'Someone else speaks for them',
] as const;

export const customerView = z.object({
  id: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  phoneAlt: z.string().nullable(),
  email: z.string().nullable(),
  membershipNumber: z.string().nullable(),
  postcode: z.string().nullable(),
  address: z.string().nullable().default(null),
  flags: customerFlags,
  bereavementRef: z.string().nullable(),
  bereavementService: z.enum(BEREAVEMENT_SERVICES).nullable().default(null),
  /** The date of the death as the caller gave it (yyyy-mm-dd). */
  bereavementDate: z.string().nullable().default(null),
  /** When the bereavement was recorded. */
  bereavedAt: z.number().nullable().default(null),
  vulnerabilityNote: z.string().nullable(),
  vulnerabilityNeeds: z.array(z.string()).default([]),
});
export type CustomerView = z.infer<typeof customerView>;

export const caseNoteView = z.object({
  id: z.string(),
  caseId: z.string(),
  authorId: z.string().nullable(),
  authorName: z.string().nullable(),
  body: z.string(),
  /** When it was first written (offline: on the computer), kept through every edit. */
  createdAt: z.number(),
  /** The site it was written at. */
  siteId: z.string().nullable().default(null),
  siteName: z.string().nullable().default(null),
  /** 1 for a note never edited; each edit is a new revision, the old ones kept. */
  revision: z.number().default(1),
  editedAt: z.number().nullable().default(null),
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
  wrapupLabel: z.string().nullable().default(null),
  /** The wrap-up code says someone has died (the desk asks for the bereavement). */
  wrapupMeansDeath: z.boolean().default(false),
  outcome: z.string().nullable().default(null),
  subject: z.string(),
  siteId: z.string(),
  siteName: z.string(),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  openedAt: z.number(),
  closedAt: z.number().nullable(),
  resolvedAt: z.number().nullable().default(null),
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
    status: z.preprocess(caseStatusFrom, z.enum(CASE_STATUSES)),
    wrapupCode: z.string().max(64).nullable(),
    subject: z.string().trim().min(1).max(200),
    /** What came of it, in words. */
    outcome: z.string().trim().max(500).nullable(),
    /** Why a resolved or closed case is reopened (required then, kept with the case). */
    reason: z.string().trim().max(1000),
    /** A wrap-up finished offline: when it was, not when it reached the hub. */
    closedAt: writtenAt,
  })
  .partial();

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();

/** Contact details an advisor may type or correct; phone numbers are read as UK numbers. */
export const contactDetails = z.object({
  name: z.string().trim().min(2).max(120),
  phone: optionalText(40),
  phoneAlt: optionalText(40),
  email: z.union([z.string().trim().email().max(200), z.literal('').transform(() => null)]).nullable().optional(),
  postcode: optionalText(10),
  address: optionalText(400),
  membershipNumber: z
    .string()
    .trim()
    .regex(/^\d{6,12}$/, '6 to 12 digits')
    .or(z.literal('').transform(() => null))
    .nullable()
    .optional(),
});
export const createCustomerRequest = contactDetails;
export const updateContactRequest = contactDetails.partial().refine((v) => Object.keys(v).length > 0, 'Change at least one detail.');

export const bereavementRequest = z.object({
  service: z.enum(BEREAVEMENT_SERVICES).optional(),
  reference: z.string().trim().max(40).optional(),
  /** yyyy-mm-dd, never in the future. */
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date')
    .refine((d) => !Number.isNaN(Date.parse(d)) && Date.parse(d) <= Date.now() + 86_400_000, 'not a date in the past')
    .optional(),
});

export const vulnerabilityRequest = z.object({
  vulnerable: z.boolean(),
  needs: z.array(z.string().trim().min(2).max(80)).max(12).default([]),
  note: z.string().trim().max(500).optional(),
});

export const suppressionsRequest = z.object({ marketing: z.boolean(), surveys: z.boolean() });

export const linkCustomerRequest = z.object({ customerId: z.string().min(1).max(64) });

/** After a funeral-care call, or a case that says someone has died: ask once whether to record it. */
export const bereavementPrompt = z.object({
  customerId: z.string(),
  customerName: z.string(),
  why: z.enum(['funeral_call', 'death_on_case']),
});
export type BereavementPrompt = z.infer<typeof bereavementPrompt>;

/** One thing in a customer's history, from any site and channel (a call is the hub's call record, from any site). */
export const timelineEntry = z.object({
  kind: z.enum(['case', 'note', 'gesture', 'flag', 'call']),
  at: z.number(),
  key: z.string(),
  caseId: z.string().nullable(),
  caseReference: z.string().nullable(),
  channel: z.enum(CHANNELS).nullable(),
  line: z.enum(LINES).nullable(),
  siteName: z.string().nullable(),
  who: z.string().nullable(),
  title: z.string(),
  body: z.string(),
  status: z.string().nullable(),
});
export type TimelineEntry = z.infer<typeof timelineEntry>;

export const customerProfile = z.object({
  customer: customerView,
  timeline: z.array(timelineEntry),
});
export type CustomerProfile = z.infer<typeof customerProfile>;

export const customerSearchQuery = z.object({
  q: z.string().trim().min(2).max(100),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
