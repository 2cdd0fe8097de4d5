import { z } from 'zod';
import { CASE_STATUSES, LINES } from '../roles';
import {
  noteTemplateList,
  wrapupCodeList,
  type AssigneeView,
  type NoteRevisionView,
  type NoteTemplateView,
  type TaskView,
  type WrapupCodeView,
} from '../schemas/cases';
import type { CaseNoteView, CaseView } from '../schemas/customers';
import type { NoteOutcome } from './notes';

const id = z.string().min(1).max(120);
const body = z.string().trim().min(1).max(10_000);

/** Working a case at any time (not only on a call): status, notes with revisions, follow-ups; and the admin's lists. */
export const caseRequestArgs = {
  'cases.update': z.object({
    caseId: id,
    status: z.enum(CASE_STATUSES).optional(),
    wrapupCode: z.string().max(64).nullable().optional(),
    subject: z.string().trim().min(1).max(200).optional(),
    outcome: z.string().trim().max(500).nullable().optional(),
    reason: z.string().trim().max(1000).optional(),
  }),
  /** A note on any case: journalled on this computer first, so it survives the hub being away. */
  'cases.addNote': z.object({ caseId: id, caseReference: z.string().max(40).nullable(), body }),
  'cases.reviseNote': z.object({ caseId: id, noteId: id, body }),
  'cases.noteRevisions': z.object({ caseId: id, noteId: id }),
  'cases.tasks': z.object({ caseId: id }),
  'cases.addTask': z.object({
    caseId: id,
    title: z.string().trim().min(2).max(200),
    dueAt: z.number().int().positive(),
    assigneeId: z.string().min(1).max(64).optional(),
    /** Minted when the form opens: a retry is the same follow-up. */
    idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{8,100}$/),
  }),
  'cases.taskDone': z.object({ taskId: id }),
  'cases.due': z.object({ scope: z.enum(['mine', 'site']).default('mine') }),
  'cases.assignees': z.object({}),
  'cases.wrapupCodes': z.object({ includeRetired: z.boolean().default(false) }),
  'cases.saveWrapupCodes': wrapupCodeList.extend({ line: z.enum(LINES) }),
  'cases.noteTemplates': z.object({}),
  'cases.saveNoteTemplates': noteTemplateList.extend({ line: z.enum(LINES) }),
} as const;

export interface CaseRequestResults {
  'cases.update': { case: CaseView };
  'cases.addNote': NoteOutcome;
  'cases.reviseNote': { notes: CaseNoteView[] };
  'cases.noteRevisions': { revisions: NoteRevisionView[] };
  'cases.tasks': { tasks: TaskView[] };
  'cases.addTask': { tasks: TaskView[] };
  'cases.taskDone': { task: TaskView };
  'cases.due': { tasks: TaskView[]; now: number };
  'cases.assignees': { assignees: AssigneeView[] };
  'cases.wrapupCodes': { codes: WrapupCodeView[] };
  'cases.saveWrapupCodes': { codes: WrapupCodeView[] };
  'cases.noteTemplates': { templates: NoteTemplateView[] };
  'cases.saveNoteTemplates': { templates: NoteTemplateView[] };
}
