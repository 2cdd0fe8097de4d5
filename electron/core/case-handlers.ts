import type { CaseRequestResults } from '../../shared/contract/cases';
import type { RequestName } from '../../shared/contract/requests';
import type { DesktopCore } from './core';
import type { Handlers } from './router';

type CaseHandlers = Pick<Handlers, Extract<RequestName, keyof CaseRequestResults>>;

const seg = encodeURIComponent;

/** The note box of a case opened by hand keeps its draft under this key (a call's box uses the call id). */
export const caseDraftKey = (caseId: string) => `case:${caseId}`;

/** Working any case: status, notes and their revisions, follow-ups; the admin's lists per line. */
export function caseHandlers(core: DesktopCore): CaseHandlers {
  const hub = () => {
    core.requireSignedIn();
    return core.hub;
  };
  return {
    'cases.update': ({ caseId, ...change }) => hub().request('PATCH', `/api/cases/${seg(caseId)}`, change),
    'cases.addNote': async ({ caseId, caseReference, body }) => {
      const { notes } = core.requireSignedIn();
      const outcome = await notes.add({ caseId, caseReference, callId: null, body });
      notes.saveDraft(caseDraftKey(caseId), ''); // safe in the journal or on the hub: the box starts afresh
      return outcome;
    },
    // An edit resent after a lost reply carries the same text, which the hub takes as no change.
    'cases.reviseNote': ({ caseId, noteId, body }) => hub().post(`/api/cases/${seg(caseId)}/notes/${seg(noteId)}/revisions`, { body }),
    'cases.noteRevisions': ({ caseId, noteId }) => hub().get(`/api/cases/${seg(caseId)}/notes/${seg(noteId)}/revisions`),
    'cases.tasks': ({ caseId }) => hub().get(`/api/cases/${seg(caseId)}/tasks`),
    'cases.addTask': ({ caseId, ...task }) => hub().post(`/api/cases/${seg(caseId)}/tasks`, task),
    'cases.taskDone': ({ taskId }) => hub().post(`/api/tasks/${seg(taskId)}/done`, {}),
    'cases.due': ({ scope }) => hub().get(`/api/tasks/due?scope=${scope}`),
    'cases.assignees': () => hub().get('/api/tasks/assignees'),
    'cases.wrapupCodes': ({ includeRetired }) => hub().get(`/api/wrapup-codes?includeRetired=${includeRetired}`),
    'cases.saveWrapupCodes': ({ line, codes }) => hub().request('PUT', `/api/wrapup-codes/${line}`, { codes }),
    'cases.noteTemplates': () => hub().get('/api/note-templates'),
    'cases.saveNoteTemplates': ({ line, templates }) => hub().request('PUT', `/api/note-templates/${line}`, { templates }),
  };
}
