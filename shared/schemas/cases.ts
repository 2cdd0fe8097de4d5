import { z } from 'zod';
import { CASE_STATUSES, LINES } from '../roles';
import { noteIdempotencyKey, writtenAt } from './customers';

/** A change of a case's status as the case shows it (a reopening with its reason). */
export const caseStatusChangeView = z.object({
  from: z.enum(CASE_STATUSES),
  to: z.enum(CASE_STATUSES),
  reason: z.string().nullable(),
  actorName: z.string().nullable(),
  siteName: z.string().nullable(),
  at: z.number(),
});
export type CaseStatusChangeView = z.infer<typeof caseStatusChangeView>;

/** One version of a note: the first as written, then each edit. */
export const noteRevisionView = z.object({
  revision: z.number(),
  body: z.string(),
  authorName: z.string().nullable(),
  siteName: z.string().nullable(),
  writtenAt: z.number(),
});
export type NoteRevisionView = z.infer<typeof noteRevisionView>;

/** An edit of a note: a new revision; the old text stays. */
export const reviseNoteRequest = z.object({
  body: z.string().trim().min(1).max(10_000),
  idempotencyKey: noteIdempotencyKey.optional(),
  writtenAt: writtenAt.optional(),
});

/** Unique within a list, case aside: "Refund" and "refund " are the same entry. */
function noRepeats<T>(key: (item: T) => string, what: string) {
  return (items: T[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      const k = key(item).toLowerCase();
      if (seen.has(k)) ctx.addIssue({ code: 'custom', path: [i], message: `“${key(item)}” is in the ${what} twice` });
      seen.add(k);
    });
  };
}

export const lineParam = z.enum(LINES);

export const wrapupCodeView = z.object({
  id: z.string(),
  line: z.enum(LINES),
  label: z.string(),
  /** Choosing this code says someone has died: the desk asks for the bereavement to be recorded. */
  meansDeath: z.boolean(),
  retired: z.boolean(),
});
export type WrapupCodeView = z.infer<typeof wrapupCodeView>;

const codeId = z.string().trim().min(1).max(64);
/** One line's wrap-up codes, in order; a code left out is retired (old cases keep its label). */
export const wrapupCodeList = z.object({
  codes: z
    .array(
      z.object({
        id: codeId.optional(),
        label: z.string().trim().min(2, 'at least 2 characters').max(80, 'at most 80 characters'),
        meansDeath: z.boolean().default(false),
      }),
    )
    .min(1, 'keep at least one code')
    .max(40, 'at most 40 codes')
    .superRefine(noRepeats((c) => c.label, 'list')),
});

export const noteTemplateView = z.object({
  id: z.string(),
  line: z.enum(LINES),
  title: z.string(),
  /** Text with {placeholders} the advisor fills in ({reference}, {case}, {customer} are filled for them when known). */
  body: z.string(),
});
export type NoteTemplateView = z.infer<typeof noteTemplateView>;

export const noteTemplateList = z.object({
  templates: z
    .array(
      z.object({
        id: codeId.optional(),
        title: z.string().trim().min(2, 'at least 2 characters').max(80, 'at most 80 characters'),
        body: z.string().trim().min(1).max(4000),
      }),
    )
    .max(30, 'at most 30 templates')
    .superRefine(noRepeats((t) => t.title, 'list')),
});

export const taskView = z.object({
  id: z.string(),
  caseId: z.string(),
  caseReference: z.string(),
  caseSubject: z.string(),
  customerName: z.string().nullable(),
  line: z.enum(LINES),
  siteId: z.string(),
  title: z.string(),
  dueAt: z.number(),
  assigneeId: z.string(),
  assigneeName: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.number(),
  doneAt: z.number().nullable(),
  doneByName: z.string().nullable(),
  overdue: z.boolean(),
});
export type TaskView = z.infer<typeof taskView>;

const DAY_MS = 24 * 60 * 60 * 1000;
/** Furthest ahead a follow-up may be due. */
export const TASK_HORIZON_MS = 366 * DAY_MS;

export const createTaskRequest = z.object({
  title: z.string().trim().min(2, 'at least 2 characters').max(200),
  dueAt: z.number().int().positive(),
  /** Someone who works cases at the case's site; the person adding it when left out. */
  assigneeId: z.string().min(1).max(64).optional(),
  idempotencyKey: noteIdempotencyKey.optional(),
});

export const dueTasksQuery = z.object({
  /** Mine, or (supervisors) everyone's at my site. */
  scope: z.enum(['mine', 'site']).default('mine'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const assigneeView = z.object({ id: z.string(), displayName: z.string(), role: z.string() });
export type AssigneeView = z.infer<typeof assigneeView>;
